package org.scalemodel.api.workload;

import java.util.Objects;

import org.scalemodel.api.model.Precision;

/**
 * One operator (or a repeated group of identical operators) on one device.
 *
 * @param name       operator name, e.g. {@code "mlp.up"}
 * @param kind       what limits it, which decides the efficiency it is priced at
 * @param flops      floating-point operations of one repetition, &gt;= 0
 * @param bytes      bytes moved to and from device memory by one repetition, &gt;= 0
 * @param precision  the precision the operator runs in
 * @param count      repetitions, &gt;= 1
 * @param phase      when it runs
 * @param matmulSize for {@link OperatorKind#MATMUL}: the side of the square GEMM of the same work
 *                   (cube root of m·n·k), which selects the measured efficiency; 0 when unknown
 *                   (priced at the largest measured size)
 * @param attentionKeys for {@link OperatorKind#ATTENTION}: the keys one kernel call runs each query
 *                   over (the sequence, or the chunk a ring implementation passes per call), which
 *                   selects the efficiency where a part measures attention by sequence; 0 when
 *                   unknown
 */
public record ComputeStep(String name, OperatorKind kind, double flops, double bytes, Precision precision, int count,
        Phase phase, double matmulSize, double attentionKeys) {

    public ComputeStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(phase, "phase");
        WorkChecks.nonNegative(flops, "flops");
        WorkChecks.nonNegative(bytes, "bytes");
        WorkChecks.atLeastOne(count, "count");
        WorkChecks.nonNegative(matmulSize, "matmulSize");
        WorkChecks.nonNegative(attentionKeys, "attentionKeys");
    }

    /** Without the attention's key length (version 0.3 of this package had none). */
    public ComputeStep(String name, OperatorKind kind, double flops, double bytes, Precision precision, int count,
            Phase phase, double matmulSize) {
        this(name, kind, flops, bytes, precision, count, phase, matmulSize, 0);
    }

    /** A forward matmul of unknown shape, as version 0.1 of this package described every step. */
    public ComputeStep(String name, double flops, double bytes, Precision precision, int count) {
        this(name, OperatorKind.MATMUL, flops, bytes, precision, count, Phase.FORWARD, 0);
    }
}
