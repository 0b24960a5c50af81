package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Objects;

import org.scalemodel.api.model.Precision;

/**
 * What a part achieves in practice, each figure from a hardware measurement or explicitly
 * assumed: never fitted to the validation runs.
 *
 * @param matmul          achievable fraction of dense peak by GEMM size
 * @param memoryBandwidth achievable fraction of memory bandwidth, in (0, 1]
 * @param scaleUp         achievable fraction of scale-up link bandwidth, in (0, 1]
 * @param scaleOut        achievable fraction of scale-out link bandwidth, in (0, 1]
 * @param attention       achievable fraction of dense peak in fused (FlashAttention-style)
 *                        training attention, forward and backward; unknown when not measured
 * @param otherMatmul     curves measured at other precisions than {@code matmul}'s, if any
 */
public record Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
        Sourced<Double> scaleOut, Sourced<Double> attention, List<Sourced<MatmulCurve>> otherMatmul) {

    public Efficiency {
        Objects.requireNonNull(matmul, "matmul");
        Objects.requireNonNull(memoryBandwidth, "memoryBandwidth");
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleOut, "scaleOut");
        Objects.requireNonNull(attention, "attention");
        otherMatmul = List.copyOf(otherMatmul);
    }

    /** Without an attention measurement (version 0.1 of this package had none). */
    public Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
            Sourced<Double> scaleOut) {
        this(matmul, memoryBandwidth, scaleUp, scaleOut, Sourced.unknown("not measured"), List.of());
    }

    /**
     * @return the known curve measured at {@code precision}, else the main curve (which may be
     *         unknown); callers that use a curve of another precision should say so
     */
    public Sourced<MatmulCurve> matmulFor(Precision precision) {
        for (Sourced<MatmulCurve> curve : otherMatmul) {
            if (curve.isKnown() && curve.value().precision() == precision) {
                return curve;
            }
        }
        return matmul;
    }
}
