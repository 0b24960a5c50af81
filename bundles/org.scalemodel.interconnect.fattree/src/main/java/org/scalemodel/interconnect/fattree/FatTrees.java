package org.scalemodel.interconnect.fattree;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.LevelParameters;

/**
 * Builds a {@link FatTree} from a level and its part. The NIC rate is the part's scale-out
 * bandwidth per direction (or the level's {@code nic-bandwidth-per-direction}) times the part's
 * measured scale-out efficiency (e.g. 47 of 50 GB/s per ConnectX-7 NDR NIC).
 *
 * <p>Level parameters: {@code nic-bandwidth-per-direction}; {@code step-latency} (default
 * 8 us: assumed, the order of NCCL's inter-node ring step, which no published sweep isolates);
 * {@code oversubscription} ("k:1", every tier); {@code pod-size} with
 * {@code oversubscription-t0-t1} (within a pod) and {@code oversubscription-t1-t2} (between pods).
 */
final class FatTrees {

    static final double DEFAULT_STEP_SECONDS = 8e-6;

    private FatTrees() {
    }

    static FatTree build(InterconnectLevel level, AcceleratorSpec part) {
        LevelParameters parameters = new LevelParameters(level);
        double nic = parameters.bytesPerSecond("nic-bandwidth-per-direction",
                parameters.bytesPerSecond("bandwidth-per-direction",
                        part.scaleOutPerDirection().known().map(b -> b.bytesPerSecond()).orElse(Double.NaN)));
        if (Double.isNaN(nic) || nic <= 0) {
            throw new IllegalArgumentException("level '" + level.name() + "': the scale-out bandwidth of " + part.id()
                    + " is unknown and the level gives no 'nic-bandwidth-per-direction'");
        }
        double efficiency = part.efficiency().scaleOut().known().orElseThrow(() -> new IllegalArgumentException(
                "level '" + level.name() + "': the scale-out efficiency of " + part.id() + " is unknown"));
        double everyTier = parameters.oversubscription("oversubscription", 1);
        long podSize = (long) parameters.number("pod-size", level.groupSize());
        return new FatTree(level.groupSize(), nic * efficiency, parameters.seconds("step-latency", DEFAULT_STEP_SECONDS),
                podSize, parameters.oversubscription("oversubscription-t0-t1", everyTier),
                parameters.oversubscription("oversubscription-t1-t2", everyTier));
    }
}
