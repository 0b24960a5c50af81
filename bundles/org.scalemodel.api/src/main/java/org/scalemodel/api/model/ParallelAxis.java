package org.scalemodel.api.model;

/** The dimensions along which a job is split across devices. */
public enum ParallelAxis {
    TENSOR, PIPELINE, DATA, EXPERT, CONTEXT,
    /**
     * The replicas of one expert shard: the ranks of a pipeline stage that hold the same experts
     * (tensor x data x context / (expert x expert-tensor)), over which expert gradients are reduced.
     */
    EXPERT_DATA,
    /**
     * The first and the last pipeline stage's ranks at the same tensor, context and data position
     * (Megatron's embedding group): a tied embedding's copies, whose gradients are reduced between
     * them; empty without pipeline parallelism.
     */
    EMBEDDING
}
