package org.scalemodel.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.training.CaseResult;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;

/** What validate and validate --case make of the engine's case results (the engine faked). */
class TrainingAnswersTest {

    private static final List<CaseResult> CASES = List.of(
            new CaseResult("korthikanti22-175B-full", "training_step", "korthikanti22", "iteration_time_s", 18.13, 18.13,
                    Optional.empty(), List.of("software of 2022"), Optional.empty()),
            new CaseResult("megatron-readme-h100-weak-1.7B", "training_step", "megatron", "mfu_pct", 41, 57.6,
                    Optional.empty(), List.of(), Optional.empty()),
            new CaseResult("palm-540B-6144tpuv4", "training_step", "palm", "tokens_per_s_per_device", 38.8, Double.NaN,
                    Optional.of("the scale-out bandwidth of google-tpu-v4 is unknown"), List.of("micro-batch not stated: 1"),
                    Optional.empty()),
            new CaseResult("sglang-dsv3-decode-2k", "inference_decode", "sglang", "tpot_ms", 20, Double.NaN,
                    Optional.of("case type inference_decode is not modelled yet"), List.of(), Optional.empty()));

    private static Report validateCase(List<CaseResult> cases, String id) throws IOException {
        return TrainingAnswers.validateCase(null, new Engine(cases), file(cases), "cases.json", id);
    }

    /** The file the faked engine pretends to have read: the cases' ids, which a miss lists from. */
    private static InputStream file(List<CaseResult> cases) {
        String json = cases.stream().map(c -> "{\"id\": \"" + c.id() + "\"}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        return new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Test
    void aSearchThatRefusedEveryCandidateSaysWhyInsteadOfBlamingMemory() {
        PlanSearch refused = new PlanSearch(List.of(), 40, 0, 0, 0, Optional.empty(), Optional.empty(), 0.1, 40,
                Optional.of("DeepSpeed's BF16_Optimizer ... the plan needs zero 1, not 3"));
        assertThat(TrainingAnswers.nothingFits(refused)).isEqualTo("no plan the workload accepts (40 of 40 candidates "
                + "refused; the first: DeepSpeed's BF16_Optimizer ... the plan needs zero 1, not 3)");
        PlanSearch tooBig = new PlanSearch(List.of(), 40, 12, 12, 0, Optional.empty(), Optional.empty(), 0.1, 28,
                Optional.of("heads (96) not divisible by tp 5"));
        assertThat(TrainingAnswers.nothingFits(tooBig)).startsWith("no plan fits in memory (40 candidates");
    }

    @Test
    void anExactPredictionReadsPlusZeroAndAnUnknownIdNamesTheClosestOnes() throws IOException {
        assertThat(validateCase(CASES, "korthikanti22-175B-full").facts()).containsEntry("error",
                "+0.0% ((predicted - measured) / measured)");
        // words of the id first: "1.7B" and "megatron" both in the Megatron case
        assertThatThrownBy(() -> validateCase(CASES, "Megatron-1.7B")).isInstanceOf(UnknownIdException.class)
                .hasMessageStartingWith("cases.json: no case 'Megatron-1.7B'; closest ids: megatron-readme-h100-weak-1.7B, ");
    }

    @Test
    void aCaseNotPredictedSaysWhyAndWhatItHadAssumed() throws IOException {
        Report report = validateCase(CASES, "palm-540B-6144tpuv4");
        assertThat(report.facts()).containsEntry("predicted",
                "not predicted: the scale-out bandwidth of google-tpu-v4 is unknown")
                .containsEntry("assumed 1", "micro-batch not stated: 1").doesNotContainKey("error");
        assertThat(report.tables()).isEmpty();
    }

    @Test
    void twoCasesWithOneIdAreRefusedRatherThanOneChosen() {
        List<CaseResult> twice = List.of(CASES.get(0), CASES.get(0));
        assertThatThrownBy(() -> validateCase(twice, "korthikanti22-175B-full"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cases.json: 2 cases have the id 'korthikanti22-175B-full'; give each case its own id");
    }

    @Test
    void filtersThatLeaveNothingNameWhatThereIs() {
        assertThatThrownBy(() -> TrainingAnswers.validate(null, new Engine(CASES), empty(), "cases.json",
                "training-step", null)).isInstanceOf(UnknownIdException.class)
                .hasMessage("cases.json: no case of type 'training-step'; types: inference_decode, training_step");
        assertThatThrownBy(() -> TrainingAnswers.validate(null, new Engine(CASES), empty(), "cases.json",
                "training_step", "sglang")).isInstanceOf(UnknownIdException.class)
                .hasMessage("cases.json: no case of source 'sglang' and type 'training_step'; sources: korthikanti22, "
                        + "megatron, palm");
    }

    @Test
    void aSourceFilterKeepsThatFamilyOnly() throws IOException {
        Report report = TrainingAnswers.validate(null, new Engine(CASES), empty(), "cases.json", null, "megatron");
        assertThat(report.facts()).containsEntry("predicted", "1 of 1").containsEntry("cases",
                "cases.json, 1 cases from source megatron");
    }

    @Test
    void theSummarySaysWhichWayTheErrorsGoAndHowManyAreClose() throws IOException {
        List<CaseResult> cases = new java.util.ArrayList<>(CASES);
        cases.add(new CaseResult("narayanan21-t2-zero3-175B-1536gpu", "training_step", "narayanan21", "iteration_time_s",
                66.75, 53.4, Optional.empty(), List.of(), Optional.empty()));
        Report report = TrainingAnswers.validate(null, new Engine(cases), empty(), "cases.json", "training_step", null);
        org.scalemodel.api.export.ReportTable summary = report.tables().stream().filter(t -> t.id().equals("summary"))
                .findFirst().orElseThrow();
        List<String> keys = summary.columns().stream().map(org.scalemodel.api.export.Column::key).toList();
        List<Object> all = summary.rows().get(0);
        // errors 0, +40.5 (MFU too high) and -20.0 (iteration time too short): MAPE 20.2; both are too
        // fast, so the bias is +20.2; one within 10% and 15%
        assertThat((double) all.get(keys.indexOf("mapePercent"))).isCloseTo((0 + 40.488 + 20.0) / 3,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat((double) all.get(keys.indexOf("biasPercent"))).isCloseTo((0 + 40.488 + 20.0) / 3,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(all.get(keys.indexOf("within10"))).isEqualTo(1L);
        assertThat(all.get(keys.indexOf("within15"))).isEqualTo(1L);
        List<Object> palm = summary.rows().stream().filter(r -> "palm".equals(r.get(1))).findFirst().orElseThrow();
        // a family predicted slower than it ran: a longer iteration time reads as a negative bias
        cases.add(new CaseResult("slow-1", "training_step", "slowfamily", "iteration_time_s", 10, 12,
                Optional.empty(), List.of(), Optional.empty()));
        Report withSlow = TrainingAnswers.validate(null, new Engine(cases), empty(), "cases.json", null, "slowfamily");
        List<Object> slow = withSlow.tables().stream().filter(t -> t.id().equals("summary")).findFirst().orElseThrow()
                .rows().get(0);
        assertThat((double) slow.get(keys.indexOf("biasPercent"))).isCloseTo(-20, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(palm.get(keys.indexOf("biasPercent"))).as("nothing predicted, nothing to average").isNull();
    }

    @Test
    void creditedOverlapsAreReadFromWordsAndTheReportSaysItAnswersAWhatIf() throws IOException {
        assertThat(TrainingAnswers.creditedOverlaps(" tp, PP", "x")).containsExactlyInAnyOrder(StatedOverlap.TENSOR,
                StatedOverlap.PIPELINE);
        assertThat(TrainingAnswers.creditedOverlaps(null, "x")).isEmpty();
        assertThat(TrainingAnswers.creditedOverlaps(",tp,", "x")).containsExactly(StatedOverlap.TENSOR);
        assertThatThrownBy(() -> TrainingAnswers.creditedOverlaps("tp,dp", "--credit-overlap")).hasMessage(
                "--credit-overlap: expected tp (tensor parallel) or pp (pipeline), comma-separated, got 'dp'");
        List<Set<StatedOverlap>> asked = new java.util.ArrayList<>();
        Report report = TrainingAnswers.validate(null, new Engine(CASES, asked), empty(), "cases.json", null, null,
                Set.of(StatedOverlap.TENSOR));
        assertThat(asked).containsExactly(Set.of(StatedOverlap.TENSOR));
        assertThat(report.facts().get("what-if")).startsWith("the tensor-parallel communication overlap a case states "
                + "is credited as hiding what it overlaps");
        assertThat(TrainingAnswers.validate(null, new Engine(CASES, asked), empty(), "cases.json", null, null)
                .facts()).doesNotContainKey("what-if");
    }

    /**
     * Answers validate with fixed results, and notes which overlaps it was asked to credit; the
     * other questions are not asked here.
     */
    private record Engine(List<CaseResult> cases, List<Set<StatedOverlap>> asked) implements TrainingEngine {

        Engine(List<CaseResult> cases) {
            this(cases, new java.util.ArrayList<>());
        }

        @Override
        public List<CaseResult> validate(CatalogSnapshot snapshot, InputStream json, String origin,
                java.util.function.Predicate<String> wanted, Set<StatedOverlap> credited) {
            asked.add(credited);
            return cases.stream().filter(c -> wanted.test(c.id())).toList();
        }

        @Override
        public TrainingResult evaluate(CatalogSnapshot snapshot, TrainingScenario scenario) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanSearch plan(CatalogSnapshot snapshot, TrainingScenario scenario, int top, SearchProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseResult> validate(CatalogSnapshot snapshot, InputStream json, String origin) {
            return cases;
        }
    }
}
