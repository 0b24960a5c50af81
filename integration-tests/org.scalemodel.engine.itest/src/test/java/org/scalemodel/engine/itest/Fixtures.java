package org.scalemodel.engine.itest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** The fixture plugin jars the build copied into target/fixtures (see the module's pom), and fixture files. */
final class Fixtures {

    static final String ACME = "com.acme.scalemodel.plugin";
    static final String FAULTY = "com.acme.scalemodel.faulty";
    static final String ACME_V1 = "acme-plugin-1.0.0.jar";
    static final String ACME_V2 = "acme-plugin-1.1.0.jar";
    static final String FAULTY_JAR = "acme-faulty.jar";

    private Fixtures() {
    }

    static Path path(BundleContext context, String jar) {
        Path path = Path.of(context.getProperty("scalemodel.itest.fixtures"), jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("fixture " + path + " is missing: build the reactor with mvn verify");
        }
        return path;
    }

    /** Installs and starts a fixture jar, as a plugin vendor's bundle would be. */
    static Bundle installAndStart(BundleContext context, String jar) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(path(context, jar))) {
            Bundle bundle = context.installBundle("fixture:" + jar, in);
            bundle.start();
            return bundle;
        }
    }

    /** Uninstalls quietly: a test's cleanup must not hide its failure. */
    static void uninstall(Bundle bundle) {
        try {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        } catch (BundleException e) {
            throw new IllegalStateException("could not uninstall " + bundle, e);
        }
    }

    /**
     * Writes a definition file as editors do, all at once (a partial file then an atomic move), so
     * the watcher never reads half of it.
     */
    static void writeAtomically(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
