package org.scalemodel.api.workload;

/**
 * Degrees of parallelism and the micro-batching of one plan. Every degree is &gt;= 1.
 *
 * @param tensor       tensor-parallel degree
 * @param pipeline     pipeline-parallel degree (stages)
 * @param data         data-parallel degree
 * @param expert       expert-parallel degree
 * @param context      context-parallel degree
 * @param microBatch   sequences per micro-batch
 * @param microBatches micro-batches per iteration and pipeline
 */
public record ParallelPlan(int tensor, int pipeline, int data, int expert, int context, int microBatch,
        int microBatches) {

    /** @throws IllegalArgumentException if a degree is below 1 */
    public ParallelPlan {
        requirePositive(tensor, "tensor");
        requirePositive(pipeline, "pipeline");
        requirePositive(data, "data");
        requirePositive(expert, "expert");
        requirePositive(context, "context");
        requirePositive(microBatch, "microBatch");
        requirePositive(microBatches, "microBatches");
    }

    /** @return devices the plan occupies: tensor x pipeline x data x context (experts reuse data ranks) */
    public long devices() {
        return (long) tensor * pipeline * data * context;
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
