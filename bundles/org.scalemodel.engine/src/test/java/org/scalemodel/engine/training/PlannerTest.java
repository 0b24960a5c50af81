package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingResult;

class PlannerTest {

    private static PlanSearch search(List<long[]> progress) {
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), new TestParts.RingFabric(1024, 100e9, 5e-6));
        Planner planner = new Planner(evaluator, PlanEvaluatorTest.GENERATOR, PlanEvaluatorTest.gpt3(1536, true), 1024,
                8, 300e9);
        SearchProgress recorder = (done, total) -> progress.add(new long[] {done, total});
        return planner.search(new Planner.Shape(96, 96, 1, 2048), SearchSpace.defaults(1536), 5, recorder);
    }

    @Test
    void findsPlansThatFitFastestFirstAndTheSameEveryTime() {
        List<long[]> progress = new java.util.ArrayList<>();
        PlanSearch first = search(progress);
        PlanSearch second = search(new java.util.ArrayList<>());
        assertThat(first.best()).hasSize(5);
        assertThat(first.best()).allSatisfy(r -> {
            assertThat(r.memory().fits()).isTrue();
            assertThat(r.devices()).isEqualTo(1024);
            assertThat(r.plan().globalBatch()).isEqualTo(1536);
            assertThat(r.operators()).as("the plans returned carry their compute by operator").isNotEmpty();
        });
        assertThat(first.best()).isSortedAccordingTo(java.util.Comparator.comparingDouble(TrainingResult::stepSeconds));
        assertThat(first.best().stream().map(r -> r.plan().label()).toList())
                .isEqualTo(second.best().stream().map(r -> r.plan().label()).toList());
        assertThat(first.considered()).isEqualTo(second.considered()).isPositive();
        assertThat(first.outOfMemory()).as("175B does not fit without model parallelism").isPositive();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(first.considered());
    }

    @Test
    void theBestPlanIsNoSlowerThanNarayanansPlan() {
        // Narayanan et al. 2021 Table 1 ran GPT-3 175B on 1,024 GPUs as tp 8, pp 8 (here any plan
        // the search finds must be at least as fast by the same model)
        PlanSearch found = search(new java.util.ArrayList<>());
        TrainingResult paper = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3(1536, true),
                new org.scalemodel.api.workload.ParallelPlan(8, 8, 16, 1, 1, 1, 96, true, 1,
                        org.scalemodel.api.workload.Recompute.NONE, 1), 100e9);
        assertThat(found.best().get(0).stepSeconds()).isLessThanOrEqualTo(paper.stepSeconds() * 1.0000001);
    }

    @Test
    void pruningLosesNoneOfTheBestPlans() {
        // brute force: every candidate at its least recomputation that fits (what the planner
        // promises), the fastest of those
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), new TestParts.RingFabric(1024, 100e9, 5e-6));
        Planner planner = new Planner(evaluator, PlanEvaluatorTest.GENERATOR, PlanEvaluatorTest.gpt3(1536, true), 1024,
                8, 300e9);
        List<TrainingResult> all = new java.util.ArrayList<>();
        for (org.scalemodel.api.workload.ParallelPlan base : planner.candidates(new Planner.Shape(96, 96, 1, 2048),
                SearchSpace.defaults(1536))) {
            for (org.scalemodel.api.workload.Recompute rc : Planner.SEARCHED_RECOMPUTE) {
                org.scalemodel.api.workload.ParallelPlan plan = new org.scalemodel.api.workload.ParallelPlan(
                        base.tensor(), base.pipeline(), base.data(), base.expert(), base.context(), base.microBatch(),
                        base.microBatches(), base.sequenceParallel(), base.virtualStages(), rc, base.zeroStage());
                TrainingResult result;
                try {
                    result = evaluator.evaluate(plan, PlanEvaluatorTest.GENERATOR.generate(
                            PlanEvaluatorTest.gpt3(1536, true), plan, PlanEvaluatorTest.RANDOM), 300e9);
                } catch (IllegalArgumentException notDividing) {
                    break; // skipped by the planner too
                }
                all.add(result);
                if (result.memory().fits()) {
                    break;
                }
            }
        }
        List<String> bruteForce = all.stream().filter(r -> r.memory().fits())
                .sorted(java.util.Comparator.comparingDouble(TrainingResult::stepSeconds)
                        .thenComparing(r -> r.plan().label()))
                .limit(5).map(r -> r.plan().label()).toList();
        PlanSearch search = search(new java.util.ArrayList<>());
        assertThat(search.best().stream().map(r -> r.plan().label()).toList()).isEqualTo(bruteForce);
        assertThat(search.pruned()).isPositive();
        assertThat(search.evaluated()).isLessThan(all.size());
    }

    @Test
    void aSearchEveryCandidateOfWhichTheWorkloadRefusesSaysWhy() {
        // DeepSpeed's BF16_Optimizer allows ZeRO 1 only: a search over ZeRO 3 has nothing to price
        org.scalemodel.api.workload.WorkloadSpec bf16Optimizer = new org.scalemodel.api.workload.WorkloadSpec(
                PlanEvaluatorTest.gpt3(1536, true).generatorId(), java.util.Map.of(
                        "model", PlanEvaluatorTest.gpt3(1536, true).parameters().get("model"),
                        "job", java.util.Map.of("global-batch", 1536, "precision", "bf16"),
                        "framework", java.util.Map.of("main-grads", "deepspeed-bf16")));
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), new TestParts.RingFabric(1024, 100e9, 5e-6));
        Planner planner = new Planner(evaluator, PlanEvaluatorTest.GENERATOR, bf16Optimizer, 1024, 8, 300e9);
        SearchSpace zero3 = new SearchSpace(1536, List.of(1, 2), 0, List.of(3), true);
        PlanSearch search = planner.search(new Planner.Shape(96, 96, 1, 2048), zero3, 5, (done, total) -> { });
        assertThat(search.best()).isEmpty();
        assertThat(search.evaluated()).isZero();
        assertThat(search.refused()).isEqualTo(search.considered()).isPositive();
        assertThat(search.firstRefusal()).hasValueSatisfying(r -> assertThat(r).contains("needs zero 1, not 3"));
        // a search that prices plans refuses only those that do not divide the model
        PlanSearch usual = search(new java.util.ArrayList<>());
        assertThat(usual.evaluated()).isPositive();
    }

    @Test
    void unevenPipelinesAreTriedTheLlama3Way() {
        assertThat(Planner.splits(126, 16)).isTrue();
        assertThat(Planner.splits(96, 12)).isTrue();
        assertThat(Planner.splits(96, 10)).isFalse();
        assertThat(Planner.splits(8, 16)).isFalse();
    }
}
