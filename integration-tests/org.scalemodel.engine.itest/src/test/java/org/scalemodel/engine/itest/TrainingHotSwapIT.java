package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadSpec;

/**
 * "I edited the part's figures: show me the new answer", without a restart: a training prediction
 * follows a hardware definition edited in the watched folder, and a run keeps the snapshot it took.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TrainingHotSwapIT {

    private static final String A100 = "nvidia-a100-sxm4-80gb";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @InjectService(timeout = 10_000)
    TrainingEngine engine;

    @Test
    void aFasterPartInTheWatchedFolderShortensTheStepAndDeletingItRestoresIt() throws Exception {
        CatalogWatch watch = new CatalogWatch(context, catalog);
        CatalogSnapshot before = watch.await("transformer-training and Selene",
                s -> s.workload("transformer-training").isPresent() && s.system("nvidia-selene-a100").isPresent()
                        && s.interconnect("fat-tree").isPresent());
        double builtInStep = step(before);
        Path folder = Path.of(context.getProperty("scalemodel.definitions.dir"));
        Files.createDirectories(folder);
        Path file = folder.resolve("a100-twice-as-fast.yaml");
        try {
            Fixtures.writeAtomically(file, override("624 TFLOPS"));
            CatalogSnapshot faster = watch.await("the A100 at 624 TFLOPS", s -> bf16(s) == 624e12);
            double fasterStep = step(faster);
            assertThat(fasterStep).isLessThan(builtInStep * 0.8);
            // a run that took its snapshot before the edit keeps the figures it started with
            assertThat(step(before)).isEqualTo(builtInStep);

            Files.delete(file);
            CatalogSnapshot restored = watch.await("the built-in A100 back", s -> bf16(s) == 312e12);
            assertThat(step(restored)).isEqualTo(builtInStep);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private double step(CatalogSnapshot snapshot) {
        WorkloadSpec gpt3 = new WorkloadSpec("transformer-training", Map.of(
                "model", Map.of("layers", 96, "hidden", 12288, "heads", 96, "vocab", 51200, "seq-len", 2048),
                "job", Map.of("global-batch", 1536)));
        TrainingScenario scenario = new TrainingScenario("gpt3", snapshot.system("nvidia-selene-a100").orElseThrow()
                .resized(1024), gpt3, Optional.of(new ParallelPlan(8, 8, 16, 1, 1, 1, 96, true, 1, Recompute.NONE, 1)),
                0, SearchSpace.defaults(1536));
        return engine.evaluate(snapshot, scenario).stepSeconds();
    }

    private static double bf16(CatalogSnapshot snapshot) {
        return snapshot.accelerator(A100).map(p -> p.peak(org.scalemodel.api.model.Precision.BF16).flopsPerSecond())
                .orElse(-1.0);
    }

    private static String override(String peak) {
        return String.join("\n",
                "format: scalemodel-hardware/1",
                "sources:",
                "  T: {title: \"hot-swap test\", url: \"\"}",
                "parts:",
                "  - id: " + A100,
                "    vendor: NVIDIA",
                "    name: A100 SXM4 80GB (test override)",
                "    release: \"2020\"",
                "    peak-dense: {bf16: {value: " + peak + ", provenance: assumed, source: T, note: \"what if twice as fast\"}}",
                "    memory-capacity: {value: 80 GiB, provenance: vendor, source: T}",
                "    memory-bandwidth: {value: 2.039 TB/s, provenance: vendor, source: T}",
                "    scale-up-bandwidth: {value: 600 GB/s bidirectional, provenance: vendor, source: T}",
                "    scale-out-bandwidth: {value: 200 Gb/s per direction, provenance: vendor, source: T}",
                "    tdp: {value: 400 W, provenance: vendor, source: T}",
                "    efficiency:",
                "      matmul: {points: [[8192, 0.8]], precision: bf16, provenance: assumed, note: test}",
                "      memory-bandwidth: {value: 0.83, provenance: assumed, note: test}",
                "      scale-up: {value: 0.78, provenance: assumed, note: test}",
                "      scale-out: {value: 0.96, provenance: assumed, note: test}",
                "");
    }

}
