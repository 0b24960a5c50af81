package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Map;
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
 *                        training attention, forward and backward, with the kernel the vendor's
 *                        training stack runs (cuDNN through Transformer Engine on NVIDIA Hopper);
 *                        unknown when not measured
 * @param otherMatmul     curves measured at other precisions than {@code matmul}'s, if any
 * @param attentionKernels the same fraction for named kernels a framework may run instead (for
 *                        example {@value #FLASH_ATTENTION_2}), if measured
 * @param overlapSlowdown how much slower compute runs while a collective runs beside it (0.189:
 *                        18.9% slower), from SMs, memory bandwidth and power the two share;
 *                        unknown when not measured
 * @param attentionBySequence the {@link #attention()} kernel's fraction by the keys each query runs
 *                        over in one call (a curve's n is that key length, not a GEMM side): where
 *                        known it takes the place of the single figure, which then stands for the
 *                        sequence the part's definition says; unknown when not measured
 */
public record Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
        Sourced<Double> scaleOut, Sourced<Double> attention, List<Sourced<MatmulCurve>> otherMatmul,
        Map<String, Sourced<Double>> attentionKernels, Sourced<Double> overlapSlowdown,
        Sourced<MatmulCurve> attentionBySequence) {

    /** The attention kernel a workload runs when it names none: the part's {@link #attention()}. */
    public static final String FUSED_ATTENTION = "fused";
    /** Dao's FlashAttention-2 (the flash-attn package, PyTorch's SDPA flash backend). */
    public static final String FLASH_ATTENTION_2 = "flash-attention-2";
    private static final java.util.regex.Pattern KERNEL_NAME = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * @return whether {@code name} is written as definitions and scenarios name kernels: lower-case
     *         words of letters and digits joined by hyphens
     */
    public static boolean isKernelName(String name) {
        return name != null && KERNEL_NAME.matcher(name).matches();
    }

    public Efficiency {
        Objects.requireNonNull(matmul, "matmul");
        Objects.requireNonNull(memoryBandwidth, "memoryBandwidth");
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleOut, "scaleOut");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(overlapSlowdown, "overlapSlowdown");
        Objects.requireNonNull(attentionBySequence, "attentionBySequence");
        otherMatmul = List.copyOf(otherMatmul);
        // sorted, so that the record prints (and logs its changes) the same way on every run
        attentionKernels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attentionKernels));
    }

    /** Without an attention curve by sequence (version 0.4 of this package had none). */
    public Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
            Sourced<Double> scaleOut, Sourced<Double> attention, List<Sourced<MatmulCurve>> otherMatmul,
            Map<String, Sourced<Double>> attentionKernels, Sourced<Double> overlapSlowdown) {
        this(matmul, memoryBandwidth, scaleUp, scaleOut, attention, otherMatmul, attentionKernels, overlapSlowdown,
                Sourced.unknown("not measured"));
    }

    /** Without an overlap measurement (version 0.3 of this package had none). */
    public Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
            Sourced<Double> scaleOut, Sourced<Double> attention, List<Sourced<MatmulCurve>> otherMatmul,
            Map<String, Sourced<Double>> attentionKernels) {
        this(matmul, memoryBandwidth, scaleUp, scaleOut, attention, otherMatmul, attentionKernels,
                Sourced.unknown("not measured"));
    }

    /** Without named attention kernels (version 0.2 of this package had none). */
    public Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
            Sourced<Double> scaleOut, Sourced<Double> attention, List<Sourced<MatmulCurve>> otherMatmul) {
        this(matmul, memoryBandwidth, scaleUp, scaleOut, attention, otherMatmul, Map.of());
    }

    /** Without an attention measurement (version 0.1 of this package had none). */
    public Efficiency(Sourced<MatmulCurve> matmul, Sourced<Double> memoryBandwidth, Sourced<Double> scaleUp,
            Sourced<Double> scaleOut) {
        this(matmul, memoryBandwidth, scaleUp, scaleOut, Sourced.unknown("not measured"), List.of(), Map.of(),
                Sourced.unknown("not measured"), Sourced.unknown("not measured"));
    }

    /**
     * @return the measured fraction of {@code kernel} when the part has one, else {@link #attention()}
     *         ({@link #FUSED_ATTENTION} and null name it); callers that fall back should say so
     */
    public Sourced<Double> attentionFor(String kernel) {
        Sourced<Double> named = kernel == null ? null : attentionKernels.get(kernel);
        return named != null && named.isKnown() ? named : attention;
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
