package org.scalemodel.api.training;

import java.util.List;

/**
 * What the planner may try. Empty lists mean "every value that divides the job".
 *
 * @param globalBatch   sequences per iteration the plans must keep (the job's batch), &gt;= 1
 * @param microBatches  micro-batch sizes (sequences) to try
 * @param maxTensor     the largest tensor-parallel degree tried (0: the scale-up domain)
 * @param zeroStages    ZeRO stages to try
 * @param sequenceParallel whether tensor-parallel plans use sequence parallelism
 */
public record SearchSpace(long globalBatch, List<Integer> microBatches, int maxTensor, List<Integer> zeroStages,
        boolean sequenceParallel) {

    public SearchSpace {
        if (globalBatch < 1) {
            throw new IllegalArgumentException("globalBatch must be >= 1, got " + globalBatch);
        }
        microBatches = List.copyOf(microBatches);
        zeroStages = List.copyOf(zeroStages);
        if (maxTensor < 0) {
            throw new IllegalArgumentException("maxTensor must be >= 0, got " + maxTensor);
        }
    }

    /** @return the usual space for a job of {@code globalBatch} sequences */
    public static SearchSpace defaults(long globalBatch) {
        return new SearchSpace(globalBatch, List.of(1, 2, 4, 8), 0, List.of(1), true);
    }
}
