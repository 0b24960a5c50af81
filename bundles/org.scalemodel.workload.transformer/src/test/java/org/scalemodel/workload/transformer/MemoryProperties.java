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
class MemoryProperties {

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

    @Property(tries = 200)
    void moreTensorParallelismNeverHoldsMore(@ForAll @IntRange(min = 0, max = 2) int tpPower,
            @ForAll @IntRange(min = 0, max = 3) int ppPower, @ForAll boolean swiglu, @ForAll boolean flash,
            @ForAll boolean sequenceParallel, @ForAll Recompute recompute, @ForAll @IntRange(min = 0, max = 3) int zero) {
        TrainingJob job = job(64, 64, swiglu, flash);
        int tp = 1 << tpPower;
        int pp = 1 << ppPower;
        ParallelPlan narrow = new ParallelPlan(tp, pp, 8, 1, 1, 1, 64, sequenceParallel, 1, recompute, zero);
        ParallelPlan wide = new ParallelPlan(tp * 2, pp, 8, 1, 1, 1, 64, sequenceParallel, 1, recompute, zero);
        assertThat(fullest(job, wide)).isLessThanOrEqualTo(fullest(job, narrow));
    }

    @Property(tries = 200)
    void morePipelineParallelismNeverHoldsMore(@ForAll @IntRange(min = 0, max = 3) int tpPower,
            @ForAll @IntRange(min = 0, max = 4) int ppPower, @ForAll boolean swiglu, @ForAll boolean flash,
            @ForAll Recompute recompute, @ForAll @IntRange(min = 0, max = 3) int zero) {
        TrainingJob job = job(64, 64, swiglu, flash);
        int tp = 1 << tpPower;
        int pp = 1 << ppPower;
        ParallelPlan shallow = new ParallelPlan(tp, pp, 8, 1, 1, 1, 64, tp > 1, 1, recompute, zero);
        ParallelPlan deep = new ParallelPlan(tp, pp * 2, 8, 1, 1, 1, 64, tp > 1, 1, recompute, zero);
        assertThat(fullest(job, deep)).isLessThanOrEqualTo(fullest(job, shallow));
    }
}
