package org.scalemodel.api.workload;

/** When a step runs: in each micro-batch's forward, backward or recomputation, or once per iteration. */
public enum Phase {
    /** Once per micro-batch, in the forward pass. */
    FORWARD,
    /** Once per micro-batch, in the backward pass. */
    BACKWARD,
    /** Once per micro-batch, the forward work redone before the backward pass (activation recomputation). */
    RECOMPUTE,
    /** Once per iteration, after the last micro-batch: gradient synchronisation and the optimizer step. */
    ITERATION
}
