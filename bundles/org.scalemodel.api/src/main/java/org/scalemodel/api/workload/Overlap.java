package org.scalemodel.api.workload;

/**
 * What a communication step runs beside. The engine charges only the part of an overlapped
 * step that outlasts the compute it hides behind; everything else is exposed in full.
 */
public enum Overlap {
    /** Nothing: compute waits for it (Megatron's tensor-parallel all-reduces, pipeline send/receive). */
    NONE,
    /** The compute of its own phase in the same micro-batch (FSDP/ZeRO-3 prefetch, overlapped TP comms). */
    SAME_PHASE,
    /** An {@link Phase#ITERATION} step hidden behind the last micro-batch's backward (bucketed gradient reduction). */
    LAST_BACKWARD,
    /** An {@link Phase#ITERATION} step hidden behind the next iteration's first forward (overlapped parameter all-gather). */
    FIRST_FORWARD
}
