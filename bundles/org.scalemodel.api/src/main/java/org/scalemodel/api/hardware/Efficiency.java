package org.scalemodel.api.hardware;

import java.util.Objects;

/**
 * What a part achieves in practice, each figure from a hardware measurement or explicitly
 * assumed: never fitted to the validation runs.
 *
 * @param matmul          achievable fraction of dense peak by GEMM size
 * @param memoryBandwidth achievable fraction of memory bandwidth, in (0, 1]
 * @param scaleUp         achievable fraction of scale-up link bandwidth, in (0, 1]
 * @param scaleOut        achievable fraction of scale-out link bandwidth, in (0, 1]
 */
public record Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
        Sourced<Double> scaleOut) {

    public Efficiency {
        Objects.requireNonNull(matmul, "matmul");
        Objects.requireNonNull(memoryBandwidth, "memoryBandwidth");
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleOut, "scaleOut");
    }
}
