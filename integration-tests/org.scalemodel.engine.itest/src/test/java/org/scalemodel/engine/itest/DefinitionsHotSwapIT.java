package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;

/**
 * Hardware definitions change without a restart: a file in the watched folder adds or
 * overrides definitions, a bad edit is rejected with the last good version kept, deleting an
 * override restores the built-in, and a bundle carrying only definition files contributes them.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DefinitionsHotSwapIT {

    private static final String H100 = "nvidia-h100-sxm5-80gb";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    private CatalogWatch watch;
    private Path folder;

    @BeforeEach
    void folder() throws Exception {
        watch = new CatalogWatch(context, catalog);
        folder = Path.of(context.getProperty("scalemodel.definitions.dir"));
        Files.createDirectories(folder);
        watch.await("the built-in catalog", s -> s.accelerator(H100).isPresent());
    }

    @Test
    void anEditedFileIsSeenABadEditIsRejectedAndDeletingTheOverrideRestoresTheBuiltIn() throws Exception {
        double builtIn = memoryBandwidth(catalog.snapshot(), H100);
        Path file = folder.resolve("h100-override.yaml");
        try {
            Fixtures.writeAtomically(file, override("4.8 TB/s"));
            CatalogSnapshot overridden = watch.await("the override at 4.8 TB/s",
                    s -> memoryBandwidth(s, H100) == 4.8e12);
            assertThat(overridden.accelerator(H100).orElseThrow().origin()).contains("h100-override.yaml");

            Fixtures.writeAtomically(file, override("5.2 TB/s"));
            CatalogSnapshot edited = watch.await("the edit at 5.2 TB/s", s -> memoryBandwidth(s, H100) == 5.2e12);
            // a run that took its snapshot before the edit keeps the figures it started with
            assertThat(memoryBandwidth(overridden, H100)).isEqualTo(4.8e12);

            Fixtures.writeAtomically(file, override("5.5 TB").replace("hbm", "hbm3e"));
            watch.await("a new catalog generation after the bad edit", s -> s.generation() > edited.generation());
            assertThat(memoryBandwidth(catalog.snapshot(), H100)).as("last good version stays").isEqualTo(5.2e12);
            assertThat(problems()).singleElement().satisfies(problem -> assertThat(problem)
                    .contains("h100-override.yaml:").contains("parts[0].memory-bandwidth.value")
                    .contains("expected a bandwidth such as"));

            Files.delete(file);
            watch.await("the built-in figure back", s -> memoryBandwidth(s, H100) == builtIn);
            assertThat(problems()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBundleCarryingOnlyDefinitionFilesContributesThem() throws Exception {
        Bundle definitions = Fixtures.installAndStart(context, "acme-definitions.jar");
        try {
            CatalogSnapshot added = watch.await("the Acme N1 part and pod",
                    s -> s.accelerator("acme-n1").isPresent() && s.system("acme-n1-pod").isPresent());
            assertThat(added.accelerator("acme-n1").orElseThrow().origin()).contains("com.acme.scalemodel.definitions");
            assertThat(definitions.getHeaders().get("Bundle-Activator")).isNull();

            definitions.uninstall();
            watch.await("no Acme N1 once the bundle is gone", s -> s.accelerator("acme-n1").isEmpty());
        } finally {
            Fixtures.uninstall(definitions);
        }
    }

    private String[] problems() throws InvalidSyntaxException {
        ServiceReference<HardwareModel> reference = context.getServiceReferences(HardwareModel.class,
                "(scalemodel.plugin.id=definitions)").iterator().next();
        return (String[]) reference.getProperty("scalemodel.definitions.problems");
    }

    /** An override of the built-in H100 with another memory bandwidth (each edit changes the file's length). */
    private static String override(String memoryBandwidth) {
        return String.join("\n",
                "format: scalemodel-hardware/1",
                "sources:",
                "  T: {title: \"hot-swap test\", url: \"\"}",
                "parts:",
                "  - id: " + H100,
                "    vendor: NVIDIA",
                "    name: H100 SXM5 80GB (test override, hbm)",
                "    release: \"2022\"",
                "    peak-dense: {bf16: {value: 989.4 TFLOPS, provenance: vendor, source: T}}",
                "    memory-capacity: {value: 80 GB, provenance: vendor, source: T}",
                "    memory-bandwidth: {value: " + memoryBandwidth + ", provenance: vendor, source: T}",
                "    scale-up-bandwidth: {value: 900 GB/s bidirectional, provenance: vendor, source: T}",
                "    scale-out-bandwidth: {value: 400 Gb/s per direction, provenance: vendor, source: T}",
                "    tdp: {value: 700 W, provenance: vendor, source: T}",
                "    efficiency:",
                "      matmul: {points: [[8192, 0.8]], precision: bf16, provenance: assumed, note: test}",
                "      memory-bandwidth: {value: 0.9, provenance: assumed, note: test}",
                "      scale-up: {value: 0.8, provenance: assumed, note: test}",
                "      scale-out: {value: 0.9, provenance: assumed, note: test}",
                "");
    }

    /** Writes beside, then renames: the watcher never reads a half-written file. */

    private static double memoryBandwidth(CatalogSnapshot snapshot, String part) {
        Optional<AcceleratorSpec> spec = snapshot.accelerator(part);
        return spec.map(p -> p.memoryBandwidth().value().bytesPerSecond()).orElse(-1.0);
    }
}
