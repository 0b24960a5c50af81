package org.scalemodel.interconnect.switched;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.LevelParameters;

/**
 * Builds a {@link SwitchedDomain} from a level and its part. The link rate is the part's
 * scale-up bandwidth per direction (or the level's {@code bandwidth-per-direction}) times the
 * part's measured scale-up efficiency (NCCL ring bus bandwidth / link rate, e.g. 370 of 450 GB/s
 * on H100, from the definitions).
 */
final class SwitchedDomains {

    /** Level parameters this family reads. */
    static final String BANDWIDTH = "bandwidth-per-direction";
    static final String STEP_LATENCY = "step-latency";
    static final String IN_NETWORK = "in-network-reduction";
    static final String IN_NETWORK_EFFICIENCY = "in-network-efficiency";
    static final String IN_NETWORK_START = "in-network-start";

    private SwitchedDomains() {
    }

    /**
     * @param defaults the family's defaults where the level gives none
     * @throws IllegalArgumentException if the bandwidth or its efficiency is unknown
     */
    static SwitchedDomain build(InterconnectLevel level, AcceleratorSpec part, Defaults defaults) {
        LevelParameters parameters = new LevelParameters(level);
        double raw = parameters.bytesPerSecond(BANDWIDTH,
                part.scaleUpPerDirection().known().map(b -> b.bytesPerSecond()).orElse(Double.NaN));
        double achievable = parameters.achievableScaleUp(part, BANDWIDTH);
        boolean inNetwork = parameters.flag(IN_NETWORK, defaults.inNetwork(raw));
        return new SwitchedDomain(level.groupSize(), achievable,
                parameters.seconds(STEP_LATENCY, defaults.stepSeconds()), inNetwork,
                raw * parameters.number(IN_NETWORK_EFFICIENCY, defaults.inNetworkEfficiency()),
                parameters.seconds(IN_NETWORK_START, defaults.inNetworkStartSeconds()));
    }

    /**
     * A family's defaults; each figure's source is on the component that supplies it.
     *
     * @param stepSeconds               latency of one ring step
     * @param inNetworkFromBytesPerSecond link rate per direction from which the switch reduces in
     *                                  the network (infinite: never)
     * @param inNetworkEfficiency       in-network all-reduce rate / link rate
     * @param inNetworkStartSeconds     fixed cost of an in-network all-reduce
     */
    record Defaults(double stepSeconds, double inNetworkFromBytesPerSecond, double inNetworkEfficiency,
            double inNetworkStartSeconds) {

        boolean inNetwork(double bytesPerSecondPerDirection) {
            return bytesPerSecondPerDirection >= inNetworkFromBytesPerSecond;
        }
    }
}
