package org.scalemodel.engine.training;

import java.util.List;
import java.util.Map;

import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.GroupPlacement;
import org.scalemodel.api.fabric.ParallelDimension;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.MatmulCurve;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/** An A100-like part (the catalog's figures) and a one-level ring fabric, for pricing without a framework. */
final class TestParts {

    private TestParts() {
    }

    static AcceleratorSpec a100() {
        return a100(Map.of());
    }

    /** The A100 with figures for named attention kernels besides its FlashAttention-2 one. */
    static AcceleratorSpec a100(Map<String, Sourced<Double>> attentionKernels) {
        return a100(Sourced.of(0.575, Provenance.MEASURED, "AZ"), attentionKernels);
    }

    /** The A100 as if no attention kernel had been measured on it. */
    static AcceleratorSpec a100WithoutAttention() {
        return a100(Sourced.unknown("not measured"), Map.of());
    }

    /** The A100 with a measured slowdown of compute beside a collective. */
    static AcceleratorSpec a100WithOverlap(double slowdown) {
        return a100(Sourced.of(0.575, Provenance.MEASURED, "AZ"), Map.of(),
                Sourced.of(slowdown, Provenance.MEASURED, "test"));
    }

    /** The A100 with its fused attention measured by the keys each query runs over. */
    static AcceleratorSpec a100WithAttentionBySequence(Map<String, Sourced<Double>> attentionKernels,
            MatmulCurve.Point... points) {
        return a100(Sourced.of(0.575, Provenance.MEASURED, "AZ"), attentionKernels, Sourced.unknown("not measured"),
                Sourced.of(new MatmulCurve(Precision.BF16, List.of(points)), Provenance.MEASURED, "test"));
    }

    private static AcceleratorSpec a100(Sourced<Double> attention, Map<String, Sourced<Double>> attentionKernels) {
        return a100(attention, attentionKernels, Sourced.unknown("not measured"));
    }

    private static AcceleratorSpec a100(Sourced<Double> attention, Map<String, Sourced<Double>> attentionKernels,
            Sourced<Double> overlap) {
        return a100(attention, attentionKernels, overlap, Sourced.unknown("not measured"));
    }

    private static AcceleratorSpec a100(Sourced<Double> attention, Map<String, Sourced<Double>> attentionKernels,
            Sourced<Double> overlap, Sourced<MatmulCurve> attentionBySequence) {
        Sourced<Double> measured = Sourced.of(0.83, Provenance.MEASURED, "AZ");
        MatmulCurve curve = new MatmulCurve(Precision.FP16, List.of(new MatmulCurve.Point(1024, 0.383),
                new MatmulCurve.Point(2048, 0.711), new MatmulCurve.Point(4096, 0.731),
                new MatmulCurve.Point(8192, 0.813), new MatmulCurve.Point(16384, 0.822)));
        return new AcceleratorSpec("a100", List.of(), "test", "A100", "2020",
                Map.of(Precision.BF16, Sourced.of(FlopRate.teraFlops(312), Provenance.VENDOR, "N1"),
                        Precision.FP16, Sourced.of(FlopRate.teraFlops(312), Provenance.VENDOR, "N1")),
                Map.of(), Sourced.of(DataSize.gigabytes(80), Provenance.VENDOR, "N1"),
                Sourced.of(Bandwidth.gigabytesPerSecond(2039), Provenance.VENDOR, "N1"),
                Sourced.of(Bandwidth.gigabytesPerSecond(300), Provenance.VENDOR, "N1"),
                Sourced.of(Bandwidth.gigabytesPerSecond(25), Provenance.VENDOR, "N1"),
                Sourced.of(Power.watts(400), Provenance.VENDOR, "N1"),
                new Efficiency(Sourced.of(curve, Provenance.MEASURED, "AZ"), measured, measured, measured,
                        attention, List.of(), attentionKernels, overlap, attentionBySequence),
                Map.of(), "test");
    }

    /** A test fabric that prices everything through {@link #seconds}: the rest follows from it. */
    interface PricedBySeconds extends Fabric {

        @Override
        default double allToAllSeconds(int groupSize, long stride, double bytes, double skew) {
            return seconds(Collective.ALL_TO_ALL, groupSize, stride, bytes * skew);
        }

        @Override
        default CollectiveEstimate estimate(Collective collective, int groupSize, long stride, double bytes) {
            double seconds = seconds(collective, groupSize, stride, bytes);
            return new CollectiveEstimate(seconds, bytes / seconds, List.of());
        }

        @Override
        default double allReduceSeconds(int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm) {
            return seconds(Collective.ALL_REDUCE, groupSize, stride, bytes);
        }

        @Override
        default CollectiveEstimate estimateAllReduce(int groupSize, long stride, double bytes,
                AllReduceAlgorithm algorithm) {
            return estimate(Collective.ALL_REDUCE, groupSize, stride, bytes);
        }

        @Override
        default List<GroupPlacement> place(List<ParallelDimension> innermostFirst) {
            throw new UnsupportedOperationException("the evaluator does not place groups itself");
        }
    }

    /**
     * Every group is one ring at {@code busBytesPerSecond} with {@code stepSeconds} per step: the
     * textbook alpha-beta model (Thakur et al. 2005), enough to test what the evaluator does with prices.
     */
    record RingFabric(long devices, double busBytesPerSecond, double stepSeconds) implements PricedBySeconds {

        @Override
        public String systemId() {
            return "ring";
        }

        @Override
        public double seconds(Collective collective, int groupSize, long stride, double bytes) {
            if (groupSize < 2) {
                return 0;
            }
            double p = groupSize;
            return switch (collective) {
                case ALL_REDUCE -> 2 * (p - 1) / p * bytes / busBytesPerSecond + 2 * (p - 1) * stepSeconds;
                case ALL_GATHER, REDUCE_SCATTER, ALL_TO_ALL -> (p - 1) / p * bytes / busBytesPerSecond
                        + (p - 1) * stepSeconds;
                case BROADCAST, SEND_RECV -> bytes / busBytesPerSecond + stepSeconds;
            };
        }
    }
}
