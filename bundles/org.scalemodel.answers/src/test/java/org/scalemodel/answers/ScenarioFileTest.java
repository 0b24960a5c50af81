package org.scalemodel.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadGenerator;

class ScenarioFileTest {

    @TempDir
    Path folder;

    /** One system, Selene-like: 8-GPU NVLink nodes in a 4,480-GPU fat tree. */
    private static final CatalogSnapshot CATALOG = new CatalogSnapshot() {
        private final SystemSpec selene = new SystemSpec("selene", List.of(), "NVIDIA", "Selene", "2020", "a100",
                Sourced.of(4480L, Provenance.VENDOR, "x"), Sourced.of(8L, Provenance.VENDOR, "x"),
                List.of(new InterconnectLevel("nvlink-node", "nvlink-switch", 8, Map.of()),
                        new InterconnectLevel("compute-fabric", "fat-tree", 4480,
                                Map.of("nic-bandwidth-per-direction", "200 Gb/s"))),
                Sourced.unknown("-"), Sourced.unknown("-"), Sourced.unknown("-"), Sourced.unknown("-"),
                Sourced.unknown("-"), Sourced.unknown("-"), Sourced.unknown("-"), Sourced.unknown("-"), List.of(),
                Map.of(), "test");

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public List<PluginInfo> plugins() {
            return List.of();
        }

        @Override
        public List<PluginFailure> failures() {
            return List.of();
        }

        @Override
        public Optional<HardwareModel> hardware(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<InterconnectModel> interconnect(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<WorkloadGenerator> workload(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<ReportExporter> exporter(String format) {
            return Optional.empty();
        }

        @Override
        public List<AcceleratorSpec> accelerators() {
            return List.of();
        }

        @Override
        public List<SystemSpec> systems() {
            return List.of(selene);
        }

        @Override
        public Optional<AcceleratorSpec> accelerator(String idOrAlias) {
            return Optional.empty();
        }

        @Override
        public Optional<SystemSpec> system(String idOrAlias) {
            return "selene".equals(idOrAlias) ? Optional.of(selene) : Optional.empty();
        }
    };

    private static final String GPT3 = """
            system: selene
            devices: 1024
            workload:
              model: {layers: 96, hidden: 12288, heads: 96, vocab: 51200, seq-len: 2048}
              job: {global-batch: 1536}
            train-tokens: 300e9
            """;

    private TrainingScenario read(String yaml) throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScenarioFile.read(file, CATALOG);
    }

    @Test
    void readsTorchtitansPerOperatorCheckpointing() throws Exception {
        assertThat(read(GPT3 + "plan: {tp: 8, pp: 8, dp: 16, recompute: selective-op}\n").plan())
                .hasValueSatisfying(plan -> assertThat(plan.recompute()).isEqualTo(Recompute.SELECTIVE_OP));
    }

    @Test
    void readsAPlanAndWorksOutTheMicroBatches() throws Exception {
        TrainingScenario scenario = read(GPT3 + "plan: {tp: 8, pp: 8, dp: 16, virtual-stages: 3, recompute: selective}\n");
        assertThat(scenario.plan()).hasValueSatisfying(plan -> {
            assertThat(plan.microBatches()).isEqualTo(96);
            assertThat(plan.sequenceParallel()).as("default with tp > 1").isTrue();
            assertThat(plan.recompute()).isEqualTo(Recompute.SELECTIVE);
            assertThat(plan.zeroStage()).isEqualTo(1);
            assertThat(plan.expertTensor()).isEqualTo(8);
        });
        assertThat(scenario.system().acceleratorCount()).isEqualTo(1024);
        assertThat(scenario.system().levels().get(1).groupSize()).isEqualTo(1024);
        assertThat(scenario.trainTokens()).isEqualTo(300e9);
        assertThat(scenario.workload().generatorId()).isEqualTo("transformer-training");
        assertThat(scenario.name()).isEqualTo("s.yaml");
    }

    @Test
    void withoutAPlanTheScenarioAsksForASearch() throws Exception {
        TrainingScenario scenario = read(GPT3 + "search: {micro-batches: [1, 2], zero: [0, 1]}\n");
        assertThat(scenario.plan()).isEmpty();
        assertThat(scenario.search().microBatches()).containsExactly(1, 2);
        assertThat(scenario.search().zeroStages()).containsExactly(0, 1);
        assertThat(scenario.search().globalBatch()).isEqualTo(1536);
    }

    @Test
    void aWhatIfChangesTheNamedLevelOnly() throws Exception {
        TrainingScenario scenario = read(GPT3 + "level-parameters:\n  compute-fabric: {nic-bandwidth-per-direction: 400 Gb/s}\n");
        assertThat(scenario.system().levels().get(1).parameters()).containsEntry("nic-bandwidth-per-direction", "400 Gb/s");
        assertThat(scenario.system().levels().get(0).parameters()).isEmpty();
        assertThat(scenario.system().id()).contains("what-if");
    }

    @Test
    void overridesAskTheSameQuestionOfAnotherScale() throws Exception {
        TrainingScenario scenario = ScenarioFile.override(read(GPT3), CATALOG, null, 4096L, "--system", "--devices");
        assertThat(scenario.system().acceleratorCount()).isEqualTo(4096);
        assertThat(scenario.system().id()).isEqualTo("selene@4096");
        assertThatThrownBy(() -> ScenarioFile.override(read(GPT3), CATALOG, "colossus", 4096L, "--system", "--devices")).hasMessageContaining("--system: no system 'colossus'");
    }

    @Test
    void problemsNameTheFileAndTheFieldPath() {
        assertThatThrownBy(() -> read(GPT3 + "plan: {tp: 8, pp: 8, dp: 7}\n"))
                .hasMessageContaining("s.yaml: plan: micro-batch 1 x dp 7 does not divide the global batch of 1536");
        assertThatThrownBy(() -> read(GPT3 + "plan: {tp: 8, recompute: sometimes}\n"))
                .hasMessageContaining("plan.recompute: expected none, selective, selective-op or full");
        assertThatThrownBy(() -> read(GPT3 + "plann: best\n")).hasMessageContaining("plann: unknown field");
        assertThatThrownBy(() -> read(GPT3.replace("system: selene", "system: colossus")))
                .hasMessageContaining("system: no system 'colossus'");
        assertThatThrownBy(() -> read(GPT3 + "level-parameters: {roce: {x: 1}}\n"))
                .hasMessageContaining("level-parameters.roce: selene has no level 'roce'");
        assertThatThrownBy(() -> read(GPT3.replace("devices: 1024", "devices: 1020")))
                .hasMessageContaining("1020 devices are not a whole number of its 'nvlink-node' domains of 8");
        assertThatThrownBy(() -> read(GPT3.replace("  job: {global-batch: 1536}\n", "")))
                .hasMessageContaining("workload.job.global-batch: missing");
    }

    @Test
    void absurdSizesAndNonNumbersAreRefusedWithTheirField() {
        assertThatThrownBy(() -> read(GPT3.replace("devices: 1024", "devices: 1e30")))
                .hasMessageContaining("devices: expected at most 9007199254740992 (2^53), got 1.0E30");
        assertThatThrownBy(() -> read(GPT3.replace("devices: 1024", "devices: 200000000")))
                .hasMessageContaining("devices: expected at most 100000000");
        assertThatThrownBy(() -> read(GPT3 + "plan: {tp: 1e12}\n")).hasMessageContaining("plan.tp: expected at most");
        assertThatThrownBy(() -> read(GPT3.replaceAll("train-tokens: .*", "train-tokens: 1e400")))
                .hasMessageContaining("train-tokens: expected a finite number");
        assertThatThrownBy(() -> read(GPT3 + "name: [a, b]\n")).hasMessageContaining("name: expected text, got a list");
        assertThatThrownBy(() -> read(GPT3 + "system: selene\n")).hasMessageContaining("Duplicate field 'system'");
    }

    @Test
    void bodiesThatAreNotTextOrTooDeepAreRefused() {
        assertThatThrownBy(() -> ScenarioFile.read(new java.io.ByteArrayInputStream(new byte[] {'a', ':', ' ',
                (byte) 0xC3, (byte) 0x28}), "body", "b", CATALOG)).hasMessageStartingWith("body: not UTF-8 text");
        assertThatThrownBy(() -> ScenarioFile.read(new java.io.ByteArrayInputStream("[".repeat(10_000)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "body", "b", CATALOG)).hasMessageStartingWith("body:");
    }
}
