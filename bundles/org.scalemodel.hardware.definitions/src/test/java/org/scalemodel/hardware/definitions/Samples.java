package org.scalemodel.hardware.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs from src/test/resources. */
final class Samples {

    private Samples() {
    }

    static String text(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DefinitionFile read(String text) {
        return DefinitionFile.read("test.yaml", text.getBytes(StandardCharsets.UTF_8), "test");
    }
}
