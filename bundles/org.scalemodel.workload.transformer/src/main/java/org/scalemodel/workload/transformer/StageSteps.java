package org.scalemodel.workload.transformer;

import java.util.ArrayList;
import java.util.List;

import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ComputeStep;
import org.scalemodel.api.workload.OperatorKind;
import org.scalemodel.api.workload.Overlap;
import org.scalemodel.api.workload.Phase;

/** Collects the steps of one stage; {@code count} 0 adds nothing. */
final class StageSteps {

    final List<ComputeStep> compute = new ArrayList<>();
    final List<CommunicationStep> communication = new ArrayList<>();
    List<ComputeStep> frozenCompute;
    List<CommunicationStep> frozenCommunication;
    double denseParams;
    double expertParams;
    /** Whether each FP8 GEMM's operand casts are kernels of their own (torchao), counted beside it. */
    boolean castKernels;

    /** Makes the immutable lists stages share. */
    void freeze() {
        frozenCompute = List.copyOf(compute);
        frozenCommunication = List.copyOf(communication);
    }

    /**
     * A GEMM of m x k by k x n: 2mkn FLOPs, reading both inputs and writing the output once, times
     * {@code factor} (1 forward, 2 backward: data and weight gradients); with its FP8 casts where
     * they are kernels of their own ({@link #fp8Casts}).
     */
    void matmul(String name, Phase phase, double m, double k, double n, Precision precision,
            double activationBytes, double factor, int count) {
        fusedMatmul(name, phase, m, k, n, precision, activationBytes, factor, count);
        fp8Casts(name, phase, m, k, n, precision, count);
    }

    /**
     * Several linears priced as one GEMM of m x k by k x n (MLA's projections), whose FP8 casts
     * the caller counts linear by linear with {@link #fp8Casts}.
     */
    void fusedMatmul(String name, Phase phase, double m, double k, double n, Precision precision,
            double activationBytes, double factor, int count) {
        if (count <= 0 || m <= 0 || k <= 0 || n <= 0) {
            return;
        }
        double bytes = ((m * k + n * m) * activationBytes + k * n * precision.bytesPerElement()) * factor;
        compute.add(new ComputeStep(name, OperatorKind.MATMUL, 2 * m * k * n * factor, bytes, precision, count, phase,
                Math.cbrt(m * k * n)));
    }

    /**
     * The FP8 casts of one linear of m x k by k x n, where they are kernels of their own, as
     * torchao counts them (roofline_utils.get_float8_mem_sympy): a forward casts the input (4 B an
     * element, its maximum fused into the operator before) and the weight (6 B); a backward casts
     * the output gradient (4 B), reusing the forward's FP8 input and weight.
     */
    void fp8Casts(String name, Phase phase, double m, double k, double n, Precision precision, int count) {
        if (castKernels && precision == Precision.FP8 && count > 0 && m > 0 && k > 0 && n > 0) {
            double casts = phase == Phase.BACKWARD ? 4 * m * n : 4 * m * k + 6 * k * n;
            memory(name + ".fp8-casts", phase, casts, Precision.BF16, count);
        }
    }

    /** A fused attention kernel; {@code keys}: the keys each query runs over in one call. */
    void attention(String name, Phase phase, double flops, double bytes, Precision precision, int count, double keys) {
        if (count > 0 && flops > 0) {
            compute.add(new ComputeStep(name, OperatorKind.ATTENTION, flops, bytes, precision, count, phase, 0, keys));
        }
    }

    void memory(String name, Phase phase, double bytes, Precision precision, int count) {
        if (count > 0 && bytes > 0) {
            compute.add(new ComputeStep(name, OperatorKind.MEMORY_BOUND, 0, bytes, precision, count, phase, 0));
        }
    }

    void collective(String name, Collective collective, ParallelAxis axis, double bytes, int count, Phase phase,
            Overlap overlap) {
        if (count > 0 && bytes > 0) {
            communication.add(new CommunicationStep(name, collective, axis, bytes, count, phase, overlap));
        }
    }
}
