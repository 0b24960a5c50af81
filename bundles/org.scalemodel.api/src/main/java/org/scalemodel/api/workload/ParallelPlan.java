package org.scalemodel.api.workload;

import java.util.Objects;

/**
 * How one job is split across devices: the degrees of parallelism, the micro-batching, and the
 * memory-saving choices that trade time for space.
 *
 * @param tensor           tensor-parallel degree
 * @param pipeline         pipeline-parallel degree (stages)
 * @param data             data-parallel degree
 * @param expert           expert-parallel degree (a divisor of data x context: experts reuse those ranks)
 * @param context          context-parallel degree
 * @param microBatch       sequences per micro-batch
 * @param microBatches     micro-batches per iteration and pipeline
 * @param sequenceParallel whether tensor parallelism also splits the sequence in the layers it
 *                         does not split otherwise (Korthikanti et al. 2022)
 * @param virtualStages    model chunks per device: 1 for 1F1B, more for the interleaved schedule
 * @param recompute        activation recomputation
 * @param zeroStage        optimizer sharding over the data-parallel group: 0 none, 1 optimizer
 *                         state (Megatron's distributed optimizer), 2 and gradients, 3 and
 *                         parameters (FSDP full shard)
 * @param expertTensor     tensor-parallel degree inside the experts (Megatron-Core's expert tensor
 *                         parallelism); experts regroup the ranks as expertTensor x expert x the
 *                         rest ("parallel folding"), so with 1 the expert-parallel groups are the
 *                         adjacent ranks the tensor-parallel groups hold
 */
public record ParallelPlan(int tensor, int pipeline, int data, int expert, int context, int microBatch,
        int microBatches, boolean sequenceParallel, int virtualStages, Recompute recompute, int zeroStage,
        int expertTensor) {

    /** @throws IllegalArgumentException if a degree is below 1 or the ZeRO stage is not 0 to 3 */
    public ParallelPlan {
        requirePositive(tensor, "tensor");
        requirePositive(pipeline, "pipeline");
        requirePositive(data, "data");
        requirePositive(expert, "expert");
        requirePositive(context, "context");
        requirePositive(microBatch, "microBatch");
        requirePositive(microBatches, "microBatches");
        requirePositive(virtualStages, "virtualStages");
        Objects.requireNonNull(recompute, "recompute");
        if (zeroStage < 0 || zeroStage > 3) {
            throw new IllegalArgumentException("zeroStage must be 0, 1, 2 or 3, got " + zeroStage);
        }
        requirePositive(expertTensor, "expertTensor");
    }

    /** A plan whose experts are split as the rest of the layer is (expert tensor degree = tensor). */
    public ParallelPlan(int tensor, int pipeline, int data, int expert, int context, int microBatch,
            int microBatches, boolean sequenceParallel, int virtualStages, Recompute recompute, int zeroStage) {
        this(tensor, pipeline, data, expert, context, microBatch, microBatches, sequenceParallel, virtualStages,
                recompute, zeroStage, tensor);
    }

    /** A plan without sequence parallelism, interleaving, recomputation or sharding (version 0.1's plan). */
    public ParallelPlan(int tensor, int pipeline, int data, int expert, int context, int microBatch,
            int microBatches) {
        this(tensor, pipeline, data, expert, context, microBatch, microBatches, false, 1, Recompute.NONE, 0, tensor);
    }

    /** @return devices the plan occupies: tensor x pipeline x data x context (experts reuse data ranks) */
    public long devices() {
        return (long) tensor * pipeline * data * context;
    }

    /** @return this plan with another recomputation level */
    public ParallelPlan withRecompute(Recompute level) {
        return new ParallelPlan(tensor, pipeline, data, expert, context, microBatch, microBatches, sequenceParallel,
                virtualStages, level, zeroStage, expertTensor);
    }

    /** @return sequences per iteration: micro-batch x micro-batches x data */
    public long globalBatch() {
        return (long) microBatch * microBatches * data;
    }

    /** @return a short form such as {@code tp8 pp12 dp16 mb1x96 v3 sp rc=full zero1} */
    public String label() {
        StringBuilder label = new StringBuilder().append("tp").append(tensor).append(" pp").append(pipeline)
                .append(" dp").append(data);
        if (context > 1) {
            label.append(" cp").append(context);
        }
        if (expert > 1) {
            label.append(" ep").append(expert);
            if (expertTensor != tensor) {
                label.append(" etp").append(expertTensor);
            }
        }
        label.append(" mb").append(microBatch).append('x').append(microBatches);
        if (virtualStages > 1) {
            label.append(" v").append(virtualStages);
        }
        if (sequenceParallel) {
            label.append(" sp");
        }
        if (recompute != Recompute.NONE) {
            label.append(" rc=").append(recompute.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (zeroStage > 0) {
            label.append(" zero").append(zeroStage);
        }
        return label.toString();
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
