package org.scalemodel.api.workload;

/** What limits an operator, so the engine knows which measured efficiency applies to it. */
public enum OperatorKind {
    /** A matrix multiply (GEMM): priced at the measured matmul efficiency for its size. */
    MATMUL,
    /** Fused attention (FlashAttention-style): priced at the measured attention-kernel efficiency. */
    ATTENTION,
    /** Element-wise and normalisation work: priced by the bytes it moves through device memory. */
    MEMORY_BOUND
}
