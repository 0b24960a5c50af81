package org.scalemodel.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The example scenarios carried in this bundle's {@code examples/} folder (the project's examples/). */
final class Examples {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> texts = new TreeMap<>();

    /** @param entries the example files, e.g. from {@code Bundle.findEntries("examples", "*.yaml", false)} */
    Examples(List<URL> entries) {
        for (URL entry : entries) {
            String file = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            try (InputStream in = entry.openStream()) {
                texts.put(file.replace(".yaml", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read example " + file, e);
            }
        }
    }

    Report list() {
        List<List<Object>> rows = new ArrayList<>();
        texts.forEach((id, text) -> {
            Map<?, ?> root = read(text);
            rows.add(Arrays.asList(id, String.valueOf(root.get("name")), String.valueOf(root.get("system")),
                    root.get("devices")));
        });
        return new Report("examples", "Example scenarios", Map.of("examples", Integer.toString(rows.size())), List.of(
                new ReportTable("examples", "Example scenarios", List.of(Column.of("id"), Column.of("name"),
                        Column.of("system"), Column.of("devices")), rows)));
    }

    /** @throws ApiException 404 when there is no such example */
    String text(String id) {
        String text = texts.get(id);
        if (text == null) {
            throw new ApiException(404, "no example '" + id + "'; examples: " + String.join(", ", texts.keySet()));
        }
        return text;
    }

    private static Map<?, ?> read(String text) {
        try {
            return YAML.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
