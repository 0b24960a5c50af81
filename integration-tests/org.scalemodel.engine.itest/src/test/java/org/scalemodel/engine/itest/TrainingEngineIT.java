package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.training.CaseResult;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadSpec;

/**
 * The training engine is a service wired to the fabric factory, and finds the transformer workload
 * plugin, the hardware catalog and the interconnect plugins through the catalog snapshot alone.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TrainingEngineIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @InjectService(timeout = 10_000)
    TrainingEngine engine;

    private static final WorkloadSpec GPT3 = new WorkloadSpec("transformer-training", Map.of(
            "model", Map.of("layers", 96, "hidden", 12288, "heads", 96, "ffn-hidden", 49152, "vocab", 51200,
                    "seq-len", 2048),
            "job", Map.of("global-batch", 1536, "precision", "bf16")));

    private CatalogSnapshot ready() throws Exception {
        return new CatalogWatch(context, catalog).await("transformer-training, Selene and its interconnects",
                s -> s.workload("transformer-training").isPresent() && s.system("nvidia-selene-a100").isPresent()
                        && s.interconnect("nvlink-switch").isPresent() && s.interconnect("fat-tree").isPresent());
    }

    @Test
    void theTransformerWorkloadIsDiscoveredFromItsBundle() throws Exception {
        CatalogSnapshot snapshot = ready();
        assertThat(snapshot.plugins()).filteredOn(p -> p.kind() == PluginKind.WORKLOAD)
                .extracting(PluginInfo::id, PluginInfo::bundle)
                .contains(org.assertj.core.api.Assertions.tuple("transformer-training",
                        "org.scalemodel.workload.transformer"));
    }

    @Test
    void evaluatesAPlanAndSearchesOnACatalogSystem() throws Exception {
        CatalogSnapshot snapshot = ready();
        TrainingScenario scenario = new TrainingScenario("gpt3", snapshot.system("nvidia-selene-a100").orElseThrow()
                .resized(1024), GPT3, Optional.of(new ParallelPlan(8, 8, 16, 1, 1, 1, 96, true, 1, Recompute.SELECTIVE, 1)),
                300e9, SearchSpace.defaults(1536));

        TrainingResult result = engine.evaluate(snapshot, scenario);
        assertThat(result.devices()).isEqualTo(1024);
        assertThat(result.mfu()).isBetween(0.3, 0.8);
        assertThat(result.memory().fits()).isTrue();

        PlanSearch search = engine.plan(snapshot, scenario, 3, SearchProgress.NONE);
        assertThat(search.best()).hasSize(3);
        assertThat(search.best().get(0).stepSeconds()).isLessThanOrEqualTo(result.stepSeconds());
    }

    @Test
    void aMissingWorkloadPluginIsNamed() throws Exception {
        CatalogSnapshot snapshot = ready();
        TrainingScenario scenario = new TrainingScenario("x", snapshot.system("nvidia-selene-a100").orElseThrow(),
                new WorkloadSpec("no-such-workload", Map.of()), Optional.of(new ParallelPlan(8, 1, 1, 1, 1, 1, 1)), 0,
                SearchSpace.defaults(1));
        assertThatIllegalArgumentException().isThrownBy(() -> engine.evaluate(snapshot, scenario))
                .withMessageContaining("no workload generator 'no-such-workload' is installed");
    }

    @Test
    void predictsAPublishedCase() throws Exception {
        CatalogSnapshot snapshot = ready();
        String cases = """
                [{"id": "korthikanti22-175B-full", "case_type": "training_step", "source": {"year": 2022},
                  "model": {"layers": 96, "hidden": 12288, "heads": 96, "kv_heads": 96, "ffn_hidden": 49152,
                            "ffn_activation": "GeLU", "vocab": 51200, "seq_len": 2048},
                  "hardware": {"accelerator_id": "nvidia-a100-sxm4-80gb", "count": 64, "devices_per_node": 8,
                               "scale_up_domain": 8, "scale_out_gbps_per_device": 200},
                  "parallelism": {"tp": 8, "pp": 8, "dp": 1, "cp": 1, "ep": 1, "vpp": 3, "sequence_parallel": false,
                                  "zero_or_sharding": "none", "activation_recompute": "full"},
                  "batch": {"micro_batch": 1, "global_batch_seqs": 64}, "precision": "FP16/BF16 mixed precision",
                  "primary": {"metric": "iteration_time_s", "value": 18.13}},
                 {"id": "decode", "case_type": "inference_decode", "primary": {"metric": "tpot_ms", "value": 20}}]
                """;
        List<CaseResult> results = engine.validate(snapshot,
                new ByteArrayInputStream(cases.getBytes(StandardCharsets.UTF_8)), "inline");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).predictedAtAll()).isTrue();
        assertThat(Math.abs(results.get(0).errorPercent())).isLessThan(15);
        assertThat(results.get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("not modelled yet"));

        // asked for one case, the engine predicts that one alone, as it predicts it among the others
        List<CaseResult> one = engine.validate(snapshot, new ByteArrayInputStream(cases.getBytes(StandardCharsets.UTF_8)),
                "inline", "korthikanti22-175B-full"::equals);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).predicted()).isEqualTo(results.get(0).predicted());
    }
}
