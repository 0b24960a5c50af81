package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariants the issue names: MFU never above 100%, recomputation never faster, more bandwidth
 * never slower, and doubling the data-parallel degree costs no more per step than its communication.
 */
class PlanEvaluatorPropertiesTest {

    private static ParallelPlan plan(int tpPower, int ppPower, int dp, int microBatches, boolean sp, Recompute rc,
            int zero) {
        int tp = 1 << tpPower;
        int pp = 1 << ppPower;
        return new ParallelPlan(tp, pp, dp, 1, 1, 1, microBatches, sp && tp > 1, 1, rc, zero);
    }

    @Property(tries = 150)
    void mfuNeverExceedsOne(@ForAll @IntRange(min = 0, max = 3) int tp, @ForAll @IntRange(min = 0, max = 4) int pp,
            @ForAll @IntRange(min = 1, max = 64) int dp, @ForAll @IntRange(min = 1, max = 64) int m,
            @ForAll boolean sp, @ForAll boolean flash, @ForAll Recompute rc, @ForAll @IntRange(min = 0, max = 3) int zero,
            @ForAll @DoubleRange(min = 1e9, max = 1e12) double bandwidth) {
        ParallelPlan plan = plan(tp, pp, dp, m, sp, rc, zero);
        TrainingResult result = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3((long) dp * m, flash), plan, bandwidth);
        assertThat(result.mfu()).isPositive().isLessThanOrEqualTo(1);
        assertThat(result.hfu()).isLessThanOrEqualTo(1).isGreaterThanOrEqualTo(result.mfu());
        assertThat(result.memory().footprint().totalBytes()).isPositive();
    }

    @Property(tries = 150)
    void recomputationNeverLowersTheStepTime(@ForAll @IntRange(min = 0, max = 3) int tp,
            @ForAll @IntRange(min = 0, max = 4) int pp, @ForAll @IntRange(min = 1, max = 32) int dp,
            @ForAll @IntRange(min = 1, max = 32) int m, @ForAll boolean sp, @ForAll boolean flash,
            @ForAll @IntRange(min = 0, max = 3) int zero) {
        double previous = 0;
        for (Recompute rc : Recompute.values()) {
            ParallelPlan plan = plan(tp, pp, dp, m, sp, rc, zero);
            double step = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3((long) dp * m, flash), plan, 50e9)
                    .stepSeconds();
            assertThat(step).isGreaterThanOrEqualTo(previous);
            previous = step;
        }
    }

    @Property(tries = 150)
    void moreBandwidthNeverSlowsAStep(@ForAll @IntRange(min = 0, max = 3) int tp,
            @ForAll @IntRange(min = 0, max = 4) int pp, @ForAll @IntRange(min = 1, max = 32) int dp,
            @ForAll @IntRange(min = 1, max = 32) int m, @ForAll boolean sp, @ForAll Recompute rc,
            @ForAll @IntRange(min = 0, max = 3) int zero, @ForAll @DoubleRange(min = 1e9, max = 1e12) double bandwidth,
            @ForAll @DoubleRange(min = 1.01, max = 10) double factor) {
        ParallelPlan plan = plan(tp, pp, dp, m, sp, rc, zero);
        double slow = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3((long) dp * m, true), plan, bandwidth)
                .stepSeconds();
        double fast = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3((long) dp * m, true), plan, bandwidth * factor)
                .stepSeconds();
        assertThat(fast).isLessThanOrEqualTo(slow);
    }

    @Property(tries = 300)
    void contentionNeverMakesOverlapSlowerThanRunningOneAfterTheOther(
            @ForAll @DoubleRange(min = 0, max = 10) double communication, @ForAll @DoubleRange(min = 0, max = 10) double compute,
            @ForAll @DoubleRange(min = 0.01, max = 1) double slowdown) {
        double overlapped = PlanEvaluator.contended(communication, compute, slowdown);
        assertThat(overlapped).isGreaterThanOrEqualTo(Math.max(communication, compute))
                .isLessThanOrEqualTo(communication + compute + 1e-12);
    }

    @Property(tries = 150)
    void doublingDataParallelismCostsNoMoreThanItsCommunication(@ForAll @IntRange(min = 0, max = 3) int tp,
            @ForAll @IntRange(min = 0, max = 3) int pp, @ForAll @IntRange(min = 1, max = 32) int dp,
            @ForAll @IntRange(min = 1, max = 16) int m, @ForAll boolean sp, @ForAll Recompute rc,
            @ForAll @IntRange(min = 0, max = 3) int zero) {
        // weak scaling: the same micro-batches per replica, twice the replicas and twice the batch
        ParallelPlan one = plan(tp, pp, dp, m, sp, rc, zero);
        ParallelPlan two = plan(tp, pp, 2 * dp, m, sp, rc, zero);
        TrainingResult a = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3((long) dp * m, true), one, 25e9);
        TrainingResult b = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3(2L * dp * m, true), two, 25e9);
        // what data-parallel communication costs: exposed, at the end of the step, and the slowdown
        // of the compute it overlaps; with pipeline stages also in the fill and drain, where the other
        // stages' own data-parallel communication lengthens the bubble (a micro-batch's compute is the
        // same in both: weak scaling)
        double communication = b.seconds("dp-sync") + b.seconds("dp-comm") + b.seconds("contention")
                + Math.max(0, b.seconds("bubble") - a.seconds("bubble"));
        assertThat(b.stepSeconds()).isLessThanOrEqualTo(a.stepSeconds() + communication + 1e-12);
        assertThat(b.tokensPerSecond()).isGreaterThanOrEqualTo(a.tokensPerSecond() * 2 * a.stepSeconds()
                / (a.stepSeconds() + communication) - 1e-6);
    }
}
