package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.training.OperatorTime;
import org.scalemodel.api.training.TimeShare;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.ComputeStep;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.OperatorKind;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadSpec;
import org.scalemodel.workload.transformer.TransformerTraining;

class PlanEvaluatorTest {

    static final TransformerTraining GENERATOR = new TransformerTraining();
    static final RandomGenerator RANDOM = RandomGeneratorFactory.of("L64X128MixRandom").create(1);

    static WorkloadSpec gpt3(long globalBatch, boolean flash) {
        return new WorkloadSpec(TransformerTraining.ID, Map.of(
                "model", Map.of("layers", 96, "hidden", 12288, "heads", 96, "ffn-hidden", 49152, "vocab", 51200,
                        "seq-len", 2048),
                "job", Map.of("global-batch", globalBatch, "precision", "bf16"),
                "framework", Map.of("flash-attention", flash)));
    }

    static TrainingResult evaluate(WorkloadSpec spec, ParallelPlan plan, double busBytesPerSecond) {
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(),
                new TestParts.RingFabric(1 << 20, busBytesPerSecond, 5e-6));
        IterationWork work = GENERATOR.generate(spec, plan, RANDOM);
        return evaluator.evaluate(plan, work, 300e9);
    }

    @Test
    void theBreakdownAddsUpToTheStep() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 2, Recompute.SELECTIVE, 1);
        TrainingResult result = evaluate(gpt3(1536, true), plan, 100e9);
        double sum = result.breakdown().stream().mapToDouble(TimeShare::seconds).sum();
        assertThat(sum).isCloseTo(result.stepSeconds(), Percentage.withPercentage(1e-9));
        assertThat(result.seconds("bubble")).isPositive();
        assertThat(result.timeToTrainSeconds()).isCloseTo(300e9 / result.tokensPerSecond(), Percentage.withPercentage(1e-9));
    }

    @Test
    void theFrameworksAttentionKernelSetsTheAttentionRate() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.NONE, 1);
        IterationWork fused = GENERATOR.generate(gpt3(1536, true), plan, RANDOM);
        IterationWork flash2 = new IterationWork(fused.stages(), fused.microBatches(), fused.virtualStages(),
                fused.modelFlops(), fused.hardwareFlops(), fused.tokens(), "flash-attention-2");
        AcceleratorSpec part = TestParts.a100(Map.of("flash-attention-2",
                org.scalemodel.api.hardware.Sourced.of(0.2875, org.scalemodel.api.hardware.Provenance.ASSUMED, "x")));
        TestParts.RingFabric fabric = new TestParts.RingFabric(1 << 20, 100e9, 5e-6);
        TrainingResult a = new PlanEvaluator(part, fabric).evaluate(plan, fused, 300e9);
        TrainingResult b = new PlanEvaluator(part, fabric).evaluate(plan, flash2, 300e9);
        // attention at half the rate: the compute grows by exactly the attention's time
        double attentionSeconds = 0;
        for (ComputeStep step : fused.stages().get(5).compute()) {
            if (step.kind() == OperatorKind.ATTENTION) {
                attentionSeconds += step.flops() * step.count() / (312e12 * 0.575);
            }
        }
        assertThat(attentionSeconds).isPositive();
        assertThat(b.seconds("compute") - a.seconds("compute")).isCloseTo(96 * attentionSeconds,
                Percentage.withPercentage(1e-6));
        TrainingResult unmeasured = new PlanEvaluator(TestParts.a100(), fabric).evaluate(plan, flash2, 300e9);
        assertThat(unmeasured.seconds("compute")).isEqualTo(a.seconds("compute"));
        assertThat(unmeasured.notes()).anyMatch(n -> n.contains("no flash-attention-2 measurement for a100"));
    }

    @Test
    void aFusedKernelMeasuredBySequenceRunsAtItsFigureForEachCallsKeys() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.NONE, 1);
        IterationWork work = GENERATOR.generate(gpt3(1536, true), plan, RANDOM);
        TestParts.RingFabric fabric = new TestParts.RingFabric(1 << 20, 100e9, 5e-6);
        // GPT-3's 2,048 keys read half the single figure off the curve; longer ones would read more
        AcceleratorSpec bySequence = TestParts.a100WithAttentionBySequence(Map.of(),
                new org.scalemodel.api.hardware.MatmulCurve.Point(2048, 0.2875),
                new org.scalemodel.api.hardware.MatmulCurve.Point(8192, 0.575));
        TrainingResult single = new PlanEvaluator(TestParts.a100(), fabric).evaluate(plan, work, 300e9);
        TrainingResult curve = new PlanEvaluator(bySequence, fabric).evaluate(plan, work, 300e9);
        double attentionSeconds = 0;
        for (ComputeStep step : work.stages().get(5).compute()) {
            if (step.kind() == OperatorKind.ATTENTION) {
                assertThat(step.attentionKeys()).isEqualTo(2048);
                attentionSeconds += step.flops() * step.count() / (312e12 * 0.575);
            }
        }
        assertThat(curve.seconds("compute") - single.seconds("compute")).isCloseTo(96 * attentionSeconds,
                Percentage.withPercentage(1e-6));
        // a framework running another measured kernel is priced at that kernel's figure, not the curve
        IterationWork flash2 = new IterationWork(work.stages(), work.microBatches(), work.virtualStages(),
                work.modelFlops(), work.hardwareFlops(), work.tokens(), "flash-attention-2");
        AcceleratorSpec both = TestParts.a100WithAttentionBySequence(Map.of("flash-attention-2",
                org.scalemodel.api.hardware.Sourced.of(0.575, org.scalemodel.api.hardware.Provenance.ASSUMED, "x")),
                new org.scalemodel.api.hardware.MatmulCurve.Point(2048, 0.2875));
        PlanEvaluator reused = new PlanEvaluator(both, fabric);
        TrainingResult first = reused.evaluate(plan, work, 300e9);
        assertThat(reused.evaluate(plan, flash2, 300e9).seconds("compute")).isEqualTo(single.seconds("compute"));
        // nothing of one workload's kernel stays with the evaluator for the next
        assertThat(reused.evaluate(plan, work, 300e9).seconds("compute")).isEqualTo(first.seconds("compute"))
                .isGreaterThan(single.seconds("compute"));
    }

    @Test
    void attentionWithoutAMeasurementRunsAtTheAssumedShareOfTheMatmulRate() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.NONE, 1);
        IterationWork work = GENERATOR.generate(gpt3(1536, true), plan, RANDOM);
        TestParts.RingFabric fabric = new TestParts.RingFabric(1 << 20, 100e9, 5e-6);
        TrainingResult measured = new PlanEvaluator(TestParts.a100(), fabric).evaluate(plan, work, 300e9);
        TrainingResult unmeasured = new PlanEvaluator(TestParts.a100WithoutAttention(), fabric).evaluate(plan, work,
                300e9);
        double attentionFlops = 0;
        for (ComputeStep step : work.stages().get(5).compute()) {
            if (step.kind() == OperatorKind.ATTENTION) {
                attentionFlops += step.flops() * step.count();
            }
        }
        // the A100's curve gives 0.813 at n = 8192; its measured kernel 0.575
        double assumed = 0.813 * ComputePricer.ASSUMED_ATTENTION_SHARE_OF_MATMUL;
        assertThat(assumed).as("no faster than the measured kernel").isLessThan(0.575);
        assertThat(unmeasured.seconds("compute") - measured.seconds("compute")).isCloseTo(
                96 * attentionFlops * (1 / (312e12 * assumed) - 1 / (312e12 * 0.575)), Percentage.withPercentage(1e-6));
        assertThat(unmeasured.notes()).anyMatch(n -> n.contains("attention priced at 0.69 of its matmul efficiency"));
    }

    @Test
    void anMfuAboveOneFromCountingCausalAttentionInFullSaysSo() {
        // a 128k-token sequence on a narrow model: attention is nearly all the work, counted over the
        // whole score matrix (PaLM, Megatron: 3 passes of the full square) while the causal kernel
        // computes half of it (forward and a 2.5x backward): a kernel at 0.8 of peak, faster than
        // any measured one, reaches an MFU of about 0.8 x 3 / 1.75
        WorkloadSpec longContext = new WorkloadSpec(TransformerTraining.ID, Map.of(
                "model", Map.of("layers", 2, "hidden", 1024, "heads", 8, "ffn-hidden", 4096, "vocab", 1024,
                        "seq-len", 131072),
                "job", Map.of("global-batch", 1, "precision", "bf16"),
                "framework", Map.of("attention-kernel", "flash-attention-2")));
        ParallelPlan plan = new ParallelPlan(1, 1, 1, 1, 1, 1, 1, false, 1, Recompute.NONE, 0);
        AcceleratorSpec fast = TestParts.a100(Map.of("flash-attention-2",
                org.scalemodel.api.hardware.Sourced.of(0.8, org.scalemodel.api.hardware.Provenance.ASSUMED, "x")));
        TrainingResult result = new PlanEvaluator(fast, new TestParts.RingFabric(1 << 20, 100e9, 5e-6))
                .evaluate(plan, GENERATOR.generate(longContext, plan, RANDOM), 300e9);
        assertThat(result.mfu()).isGreaterThan(1);
        assertThat(result.notes()).anyMatch(n -> n.contains("is above 100%") && n.contains("causal attention kernels"));
        TrainingResult usual = evaluate(gpt3(1536, true), new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1,
                Recompute.NONE, 1), 100e9);
        assertThat(usual.notes()).noneMatch(n -> n.contains("is above 100%"));
    }

    @Test
    void theBubbleIsNarayanansFractionForEvenStages() {
        // even inner stages, one micro-batch time t: bubble = (sum - max) / v; with the embedding and
        // the output layer on the end stages it is between (p - 1)/v x the lightest and the heaviest
        ParallelPlan plan = new ParallelPlan(8, 8, 1, 1, 1, 1, 64, false, 1, Recompute.NONE, 0);
        TrainingResult result = evaluate(gpt3(64, true), plan, 100e9);
        double perMicroBatch = (result.stepSeconds() - result.seconds("bubble") - result.seconds("optimizer")
                - result.seconds("dp-sync")) / 64;
        assertThat(result.seconds("bubble")).isCloseTo(7 * perMicroBatch, Percentage.withPercentage(15));
        ParallelPlan interleaved = new ParallelPlan(8, 8, 1, 1, 1, 1, 64, false, 4, Recompute.NONE, 0);
        TrainingResult faster = evaluate(gpt3(64, true), interleaved, 100e9);
        assertThat(faster.seconds("bubble")).isCloseTo(result.seconds("bubble") / 4, Percentage.withPercentage(20));
    }

    @Test
    void mfuCountsModelFlopsAndHfuTheRecomputation() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, false, 1, Recompute.FULL, 0);
        TrainingResult result = evaluate(gpt3(1536, false), plan, 100e9);
        assertThat(result.hfu() / result.mfu()).isBetween(1.30, 4.0 / 3);
        assertThat(result.mfu()).isBetween(0.2, 0.8);
        assertThat(result.peakFlopsPerSecond()).isEqualTo(312e12, Offset.offset(1.0));
    }

    @Test
    void theOperatorsAddUpToTheComputeOfTheBreakdownAndLeaveTheStepAsItWas() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 2, Recompute.SELECTIVE, 1);
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), new TestParts.RingFabric(1 << 20, 100e9, 5e-6));
        IterationWork work = GENERATOR.generate(gpt3(1536, true), plan, RANDOM);
        TrainingResult brief = evaluator.evaluate(plan, work, 300e9);
        TrainingResult full = evaluator.evaluateInFull(plan, work, 300e9);

        assertThat(brief.operators()).as("plan search leaves the split out").isEmpty();
        assertThat(full.stepSeconds()).isEqualTo(brief.stepSeconds());
        assertThat(full.breakdown()).isEqualTo(brief.breakdown());
        double operators = full.operators().stream().mapToDouble(OperatorTime::seconds).sum();
        assertThat(operators).isCloseTo(full.seconds("compute") + full.seconds("recompute") + full.seconds("optimizer"),
                Percentage.withPercentage(1e-9));
        assertThat(full.operators()).extracting(OperatorTime::seconds)
                .as("largest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(full.operators()).extracting(OperatorTime::operator)
                .contains("output.forward.logits", "optimizer.adam-step");
        // the operators carry one stage's FLOPs, m micro-batches of them: between the lightest stage's
        // and the heaviest's
        double lightest = Double.MAX_VALUE;
        double heaviest = 0;
        for (org.scalemodel.api.workload.StageWork stage : work.stages()) {
            double flops = 0;
            for (ComputeStep step : stage.compute()) {
                if (step.phase() != org.scalemodel.api.workload.Phase.ITERATION) {
                    flops += step.flops() * step.count() * plan.microBatches();
                }
            }
            lightest = Math.min(lightest, flops);
            heaviest = Math.max(heaviest, flops);
        }
        assertThat(full.operators().stream().mapToDouble(OperatorTime::flops).sum())
                .isBetween(lightest * (1 - 1e-9), heaviest * (1 + 1e-9));
    }

    @Test
    void eachOperatorRunsAtMostAtThePeakAndTheMemoryBoundOnesSaySo() {
        ParallelPlan plan = new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.NONE, 1);
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), new TestParts.RingFabric(1 << 20, 100e9, 5e-6));
        TrainingResult full = evaluator.evaluateInFull(plan, GENERATOR.generate(gpt3(1536, true), plan, RANDOM), 300e9);

        for (OperatorTime op : full.operators()) {
            assertThat(op.flopsPerSecond()).as(op.operator()).isBetween(0.0, 312e12);
            if (op.kind().equals("memory-bound")) {
                assertThat(op.memoryBound()).as(op.operator()).isTrue();
                assertThat(op.flops()).isZero();
            }
        }
        // a GEMM at its measured efficiency: the A100 curve's 0.822 at the largest size is its ceiling
        assertThat(full.operators()).filteredOn(op -> op.kind().equals("matmul"))
                .allSatisfy(op -> assertThat(op.flopsPerSecond()).isLessThanOrEqualTo(312e12 * 0.822 + 1));
        assertThat(full.operators()).anyMatch(op -> op.kind().equals("matmul") && !op.memoryBound());
    }

    @Test
    void computeBesideACollectiveRunsSlowerByTheMeasuredContention() {
        double s = 0.189;
        assertThat(PlanEvaluator.contended(0, 1, s)).as("nothing beside it").isEqualTo(1);
        // a collective of 0.5 s inside 1 s of compute: compute loses 0.5 s x s / (1 + s)
        assertThat(PlanEvaluator.contended(0.5, 1, s)).isCloseTo(1 + 0.5 * s / (1 + s), Offset.offset(1e-12));
        // a collective longer than the slowed compute: its own time
        assertThat(PlanEvaluator.contended(3, 1, s)).isEqualTo(3);
        // continuous where the compute ends just as the collective does
        assertThat(PlanEvaluator.contended(1 + s, 1, s)).isCloseTo(1 + s, Offset.offset(1e-12));
    }

    @Test
    void anOverlappedGatherIsChargedAsContentionNotAsCommunication() {
        // ZeRO-3 on a fast fabric: the per-layer gathers hide behind the layers, and slow them; only
        // a forward's first gather and a backward's last reduce-scatter, one layer's of 96 each, have
        // no layer to hide behind
        ParallelPlan plan = new ParallelPlan(8, 1, 16, 1, 1, 1, 96, true, 1, Recompute.FULL, 3);
        TrainingResult result = evaluate(gpt3(1536, true), plan, 1e12);
        assertThat(result.seconds("dp-comm")).isPositive().isLessThan(result.seconds("contention") / 4);
        assertThat(result.seconds("contention")).isPositive();
        double sum = result.breakdown().stream().mapToDouble(TimeShare::seconds).sum();
        assertThat(sum).isCloseTo(result.stepSeconds(), Percentage.withPercentage(1e-9));
    }

    @Test
    void aPartsOwnOverlapFigureSetsTheContentionAndOnlyAnAssumedOneIsNoted() {
        ParallelPlan plan = new ParallelPlan(8, 1, 16, 1, 1, 1, 96, true, 1, Recompute.FULL, 3);
        TestParts.RingFabric fabric = new TestParts.RingFabric(1 << 20, 1e12, 5e-6);
        IterationWork work = GENERATOR.generate(gpt3(1536, true), plan, RANDOM);
        TrainingResult assumed = new PlanEvaluator(TestParts.a100(), fabric).evaluate(plan, work, 300e9);
        TrainingResult measured = new PlanEvaluator(TestParts.a100WithOverlap(0.4), fabric).evaluate(plan, work, 300e9);

        assertThat(measured.seconds("contention")).isGreaterThan(assumed.seconds("contention"));
        assertThat(assumed.notes()).anyMatch(n -> n.startsWith("no overlap measurement for a100"));
        assertThat(measured.notes()).noneMatch(n -> n.contains("overlap"));
        // the note belongs to the plans that overlap: the same evaluator, then a plan with no DP at all
        PlanEvaluator evaluator = new PlanEvaluator(TestParts.a100(), fabric);
        evaluator.evaluate(plan, work, 300e9);
        ParallelPlan alone = new ParallelPlan(8, 1, 1, 1, 1, 1, 96, true, 1, Recompute.FULL, 0);
        TrainingResult nothingOverlapped = evaluator.evaluate(alone,
                GENERATOR.generate(gpt3(96, true), alone, RANDOM), 300e9);
        assertThat(nothingOverlapped.seconds("contention")).isZero();
        assertThat(nothingOverlapped.notes()).noneMatch(n -> n.contains("overlap"));
    }

    @Test
    void aPlanThatDoesNotFitSaysByHowMuch() {
        ParallelPlan plan = new ParallelPlan(1, 1, 8, 1, 1, 1, 8, false, 1, Recompute.NONE, 0);
        TrainingResult result = evaluate(gpt3(64, true), plan, 100e9);
        assertThat(result.memory().fits()).isFalse();
        // 175B parameters x 18 bytes on one device
        assertThat(result.memory().overBytes()).isGreaterThan(175e9 * 18 - 80e9 - 1);
    }
}
