package org.scalemodel.engine.training;

import java.util.LinkedHashSet;
import java.util.Set;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.MatmulCurve;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.workload.ComputeStep;

/**
 * Prices compute steps on one part: the roofline maximum of FLOPs over the achievable rate and
 * bytes over the achievable memory bandwidth, where the achievable rate comes from the part's
 * measured efficiencies (the matmul curve by GEMM size, the attention kernel, STREAM).
 */
final class ComputePricer {

    /**
     * Used only where a part has no matmul measurement at all: assumed, the median of the BF16
     * MAMF efficiencies of current GPUs in shared/reference/microbenchmarks.md section 3b (0.60-0.87).
     */
    static final double ASSUMED_MATMUL_FRACTION = 0.75;
    /**
     * Used only where a part has no attention-kernel measurement: assumed, the share of its own
     * matmul efficiency (at n = 8192) that each part measuring both reaches with its best fused
     * kernel: A100 FlashAttention-2 0.575 of 0.813 (0.71), H100 cuDNN 0.50 of 0.739 (0.68). No part
     * measured runs fused attention as fast as its GEMMs; pricing it at the matmul efficiency, as
     * before, made long-sequence runs too fast.
     */
    static final double ASSUMED_ATTENTION_SHARE_OF_MATMUL = 0.69;
    /** Used only where a part has no STREAM measurement: assumed, between A100 (0.83) and H100 (0.89). */
    static final double ASSUMED_MEMORY_FRACTION = 0.85;
    /**
     * Used only where a part has no overlap measurement: how much slower compute runs while a
     * collective runs beside it, the average Lee et al. 2025 (arXiv 2507.03114) measured over A100,
     * H100, MI250 and MI210 in GPT and Llama training (18.9%, at most 40.0%), assumed to hold for
     * other parts.
     */
    static final double ASSUMED_OVERLAP_SLOWDOWN = 0.189;

    private final AcceleratorSpec part;
    private final double bytesPerSecond;
    private final Set<String> notes = new LinkedHashSet<>();
    private final MatmulCurve[] curves = new MatmulCurve[Precision.values().length];
    private final double[] peaks = new double[Precision.values().length];
    /** Precisions the part lists no peak for (priced at a wider one's rate). */
    private final boolean[] borrowedRate = new boolean[Precision.values().length];
    // each note is built and added once, the first time it applies, so the hot path only tests a flag
    private final boolean[] rateNoted = new boolean[Precision.values().length];
    private final boolean[] curveNoted = new boolean[Precision.values().length];
    private boolean matmulNoted;
    private boolean attentionNoted;
    /** The part's fused attention by key length, or null where it measures none. */
    private final MatmulCurve attentionBySequence;

    ComputePricer(AcceleratorSpec part) {
        this.part = part;
        Efficiency efficiency = part.efficiency();
        double memoryFraction = efficiency.memoryBandwidth().isKnown() ? efficiency.memoryBandwidth().value()
                : assumed(ASSUMED_MEMORY_FRACTION, "no measured memory-bandwidth efficiency for " + part.id()
                        + "; assumed " + ASSUMED_MEMORY_FRACTION);
        double peakBandwidth = part.memoryBandwidth().isKnown() ? part.memoryBandwidth().value().bytesPerSecond() : 0;
        if (!(peakBandwidth > 0)) {
            throw new IllegalArgumentException("part " + part.id() + " has no known memory bandwidth");
        }
        this.bytesPerSecond = peakBandwidth * memoryFraction;
        for (Precision precision : Precision.values()) {
            peaks[precision.ordinal()] = peak(precision);
            borrowedRate[precision.ordinal()] = part.peak(precision).flopsPerSecond() <= 0;
            Sourced<MatmulCurve> curve = efficiency.matmulFor(precision);
            curves[precision.ordinal()] = curve.isKnown() ? curve.value() : null;
        }
        this.attentionBySequence = efficiency.attentionBySequence().isKnown() ? efficiency.attentionBySequence().value()
                : null;
    }

    /**
     * What the attention kernel a workload runs is priced at: the part's measured figure for that
     * kernel; its fused-attention figure (said in a note) when it has none for that kernel; for the
     * fused kernel, its curve by key length where it has one; else (NaN, no curve) the assumed
     * share of the matmul efficiency.
     *
     * @param fraction   the single figure, NaN when there is none
     * @param bySequence the curve by the keys each query runs over in one call, or null
     */
    record AttentionRate(double fraction, MatmulCurve bySequence) {
    }

    /** @return how {@code kernel} is priced on this part (see {@link AttentionRate}) */
    AttentionRate attentionRate(String kernel) {
        Efficiency efficiency = part.efficiency();
        Sourced<Double> figure = efficiency.attentionFor(kernel);
        // attentionFor falls back to the fused figure itself when the part has none for the kernel
        boolean fused = figure == efficiency.attention();
        if (fused && !Efficiency.FUSED_ATTENTION.equals(kernel) && kernel != null
                && (figure.isKnown() || attentionBySequence != null)) {
            notes.add("no " + kernel + " measurement for " + part.id() + "; attention priced at its fused-attention "
                    + (attentionBySequence != null ? "figures by sequence" : "figure"));
        }
        return new AttentionRate(figure.isKnown() ? figure.value() : Double.NaN, fused ? attentionBySequence : null);
    }

    private double peak(Precision precision) {
        double rate = part.peak(precision).flopsPerSecond();
        if (rate > 0) {
            return rate;
        }
        // a part without the precision runs it in the next wider one it has (FP8 on A100 as BF16)
        for (Precision wider : new Precision[] {Precision.BF16, Precision.FP16}) {
            if (part.peak(wider).flopsPerSecond() > 0) {
                return part.peak(wider).flopsPerSecond();
            }
        }
        // a part that discloses only FP8 (Ascend 950): 16-bit work at half the FP8 rate, the
        // ratio of every part in the catalog that lists both (assumed)
        return part.peak(Precision.FP8).flopsPerSecond() / 2;
    }

    /**
     * @return the dense peak MFU is measured against: BF16 as PaLM and Llama 3 count it (FP16 when
     *         BF16 is not listed; FP8 for parts that disclose nothing wider, such as Ascend 950)
     */
    double mfuPeak() {
        for (Precision precision : new Precision[] {Precision.BF16, Precision.FP16, Precision.FP8}) {
            double rate = part.peak(precision).flopsPerSecond();
            if (rate > 0) {
                return rate;
            }
        }
        throw new IllegalArgumentException("part " + part.id() + " lists no BF16, FP16 or FP8 dense peak");
    }

    /**
     * @param attention how the workload's attention kernel is priced ({@link #attentionRate(String)})
     * @return seconds of all repetitions of {@code step}
     */
    double seconds(ComputeStep step, AttentionRate attention) {
        return Math.max(computeSeconds(step, attention), memorySeconds(step)) * step.count();
    }

    /** @return whether one repetition of {@code step} takes longer to move its bytes than to compute */
    boolean memoryBound(ComputeStep step, AttentionRate attention) {
        return memorySeconds(step) > computeSeconds(step, attention);
    }

    private double memorySeconds(ComputeStep step) {
        return step.bytes() / bytesPerSecond;
    }

    private double computeSeconds(ComputeStep step, AttentionRate attention) {
        return switch (step.kind()) {
            case MEMORY_BOUND -> 0;
            case MATMUL -> step.flops() / (rate(step.precision()) * matmulFraction(step.precision(), step.matmulSize()));
            case ATTENTION -> step.flops() / (rate(step.precision()) * attentionFraction(step, attention));
        };
    }

    private double rate(Precision precision) {
        double rate = peaks[precision.ordinal()];
        if (!(rate > 0)) {
            throw new IllegalArgumentException("part " + part.id() + " has no dense peak for " + precision
                    + " or BF16/FP16");
        }
        if (borrowedRate[precision.ordinal()] && !rateNoted[precision.ordinal()]) {
            rateNoted[precision.ordinal()] = true;
            notes.add(part.id() + " lists no " + precision + " peak; priced at its BF16/FP16 rate, or half its FP8"
                    + " rate where it lists neither (assumed)");
        }
        return rate;
    }

    double matmulFraction(Precision precision, double size) {
        MatmulCurve curve = curves[precision.ordinal()];
        if (curve == null) {
            if (!matmulNoted) {
                matmulNoted = true;
                notes.add("no matmul measurement for " + part.id() + "; assumed " + ASSUMED_MATMUL_FRACTION + " of peak");
            }
            return ASSUMED_MATMUL_FRACTION;
        }
        if (curve.precision() != precision && !curveNoted[precision.ordinal()]) {
            curveNoted[precision.ordinal()] = true;
            notes.add(precision + " GEMMs on " + part.id() + " priced with its " + curve.precision()
                    + " matmul curve (the only one measured)");
        }
        // 0 = size unknown: the best measured point stands for it
        return curve.fractionAt(size > 0 ? size : Double.MAX_VALUE);
    }

    private double attentionFraction(ComputeStep step, AttentionRate attention) {
        if (attention.bySequence() != null) {
            // 0 = key length unknown: the longest measured point stands for it, as for GEMMs
            return attention.bySequence().fractionAt(step.attentionKeys() > 0 ? step.attentionKeys() : Double.MAX_VALUE);
        }
        if (!Double.isNaN(attention.fraction())) {
            return attention.fraction();
        }
        Precision precision = step.precision();
        if (!attentionNoted) {
            attentionNoted = true;
            notes.add("no attention-kernel measurement for " + part.id() + "; attention priced at "
                    + ASSUMED_ATTENTION_SHARE_OF_MATMUL + " of its matmul efficiency (assumed: the share the A100 and"
                    + " H100 measure)");
        }
        return matmulFraction(precision, 8192) * ASSUMED_ATTENTION_SHARE_OF_MATMUL;
    }

    /**
     * @return how much slower compute runs beside a collective on this part: its figure, else
     *         {@link #ASSUMED_OVERLAP_SLOWDOWN} ({@link #overlapNote()} says so)
     */
    double overlapSlowdown() {
        Sourced<Double> figure = part.efficiency().overlapSlowdown();
        return figure.isKnown() ? figure.value() : ASSUMED_OVERLAP_SLOWDOWN;
    }

    /**
     * @return the note a result whose compute was slowed beside a collective carries when the part
     *         has no figure of its own; empty when it has one
     */
    java.util.Optional<String> overlapNote() {
        if (part.efficiency().overlapSlowdown().isKnown()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no overlap measurement for " + part.id() + "; compute beside an overlapped "
                + "collective priced " + Math.round(ASSUMED_OVERLAP_SLOWDOWN * 1000) / 10.0 + "% slower (assumed: the "
                + "average Lee et al. 2025 measured on A100, H100, MI250 and MI210)");
    }

    private double assumed(double value, String note) {
        notes.add(note);
        return value;
    }

    /** @return what had to be assumed while pricing, in order of first use */
    Set<String> notes() {
        return notes;
    }
}
