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
 * {@code oversubscription-t0-t1} (within a pod) and {@code oversubscription-t1-t2} (between pods); {@code in-network-reduction}
 * (default false: InfiniBand SHARP where the fabric runs it).
 */
final class FatTrees {

    static final double DEFAULT_STEP_SECONDS = 8e-6;

    private FatTrees() {
    }

    static FatTree build(InterconnectLevel level, AcceleratorSpec part) {
        LevelParameters parameters = new LevelParameters(level);
        double achievable = parameters.achievableScaleOut(part, "nic-bandwidth-per-direction", "bandwidth-per-direction");
        double everyTier = parameters.oversubscription("oversubscription", 1);
        long podSize = (long) parameters.number("pod-size", level.groupSize());
        return new FatTree(level.groupSize(), achievable, parameters.seconds("step-latency", DEFAULT_STEP_SECONDS),
                podSize, parameters.oversubscription("oversubscription-t0-t1", everyTier),
                parameters.oversubscription("oversubscription-t1-t2", everyTier),
                parameters.flag("in-network-reduction", false));
    }
}
