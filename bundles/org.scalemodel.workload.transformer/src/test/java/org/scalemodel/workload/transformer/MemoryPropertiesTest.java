package org.scalemodel.workload.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.MemoryFootprint;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.StageWork;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of memory per device: never negative, and falling as tensor or pipeline parallelism rises. */
class MemoryPropertiesTest {

    private static double fullest(TrainingJob job, ParallelPlan plan) {
        IterationWork work = IterationBuilder.build(job, plan);
        double max = 0;
        for (StageWork stage : work.stages()) {
            MemoryFootprint m = stage.memory();
            assertThat(m.weightBytes()).isNotNegative();
            assertThat(m.activationBytes()).isNotNegative();
            max = Math.max(max, m.totalBytes());
        }
        return max;
    }

    private static TrainingJob job(int layers, int hiddenUnits, boolean swiglu, boolean flash) {
        Map<String, Object> parameters = Jobs.gpt3(512);
        Map<String, Object> model = Jobs.model(parameters);
        model.put("layers", layers);
        model.put("hidden", hiddenUnits * 128);
        model.put("heads", hiddenUnits);
        model.put("ffn-hidden", hiddenUnits * 512);
        model.put("activation", swiglu ? "swiglu" : "gelu");
        parameters.put("framework", Map.of("flash-attention", flash));
        return JobReader.read(parameters);
    }

    /** 64 micro-batches of one sequence over 8 data-parallel ranks, 1F1B. */
    private static ParallelPlan plan(int tp, int pp, boolean sequenceParallel, Recompute recompute, int zero) {
        return new ParallelPlan(tp, pp, 8, 1, 1, 1, 64, sequenceParallel, 1, recompute, zero);
    }

    @Property(tries = 200)
    void perOperatorCheckpointingNeverHoldsMoreThanNone(@ForAll @IntRange(min = 0, max = 3) int tpPower,
            @ForAll @IntRange(min = 0, max = 3) int ppPower, @ForAll boolean swiglu, @ForAll boolean flash,
            @ForAll boolean sequenceParallel, @ForAll @IntRange(min = 0, max = 3) int zero) {
        TrainingJob job = job(64, 64, swiglu, flash);
        IterationWork none = IterationBuilder.build(job, plan(1 << tpPower, 1 << ppPower, sequenceParallel,
                Recompute.NONE, zero));
        IterationWork op = IterationBuilder.build(job, plan(1 << tpPower, 1 << ppPower, sequenceParallel,
                Recompute.SELECTIVE_OP, zero));
        for (int stage = 0; stage < op.stages().size(); stage++) {
            assertThat(op.stages().get(stage).memory().activationBytes())
                    .isLessThanOrEqualTo(none.stages().get(stage).memory().activationBytes());
        }
    }

    @Property(tries = 200)
    void moreTensorParallelismNeverHoldsMore(@ForAll @IntRange(min = 0, max = 2) int tpPower,
            @ForAll @IntRange(min = 0, max = 3) int ppPower, @ForAll boolean swiglu, @ForAll boolean flash,
            @ForAll boolean sequenceParallel, @ForAll Recompute recompute, @ForAll @IntRange(min = 0, max = 3) int zero) {
        TrainingJob job = job(64, 64, swiglu, flash);
        int tp = 1 << tpPower;
        int pp = 1 << ppPower;
        ParallelPlan narrow = plan(tp, pp, sequenceParallel, recompute, zero);
        ParallelPlan wide = plan(tp * 2, pp, sequenceParallel, recompute, zero);
        assertThat(fullest(job, wide)).isLessThanOrEqualTo(fullest(job, narrow));
    }

    @Property(tries = 200)
    void morePipelineParallelismNeverHoldsMore(@ForAll @IntRange(min = 0, max = 3) int tpPower,
            @ForAll @IntRange(min = 0, max = 4) int ppPower, @ForAll boolean swiglu, @ForAll boolean flash,
            @ForAll Recompute recompute, @ForAll @IntRange(min = 0, max = 3) int zero) {
        TrainingJob job = job(64, 64, swiglu, flash);
        int tp = 1 << tpPower;
        int pp = 1 << ppPower;
        ParallelPlan shallow = plan(tp, pp, tp > 1, recompute, zero);
        ParallelPlan deep = plan(tp, pp * 2, tp > 1, recompute, zero);
        assertThat(fullest(job, deep)).isLessThanOrEqualTo(fullest(job, shallow));
    }
}
