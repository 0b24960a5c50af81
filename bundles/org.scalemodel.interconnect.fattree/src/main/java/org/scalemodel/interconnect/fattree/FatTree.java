package org.scalemodel.interconnect.fattree;

import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * A Clos fabric seen from one device: its NIC's achievable rate, shared by the oversubscription
 * of the tiers a group crosses (every device of a collective sends at once, so an
 * oversubscribed tier gives each 1/k of its NIC rate). Within a pod the pod tier applies,
 * beyond it the tier between pods. All-reduce is priced as ring or double binary tree,
 * whichever is cheaper, as NCCL chooses across nodes.
 *
 * @param devices               devices the fabric joins
 * @param bytesPerSecond        achievable NIC rate per device and direction
 * @param stepSeconds           latency of one algorithm step across the fabric
 * @param podSize               devices under one pod (below the top tier)
 * @param inPodOversubscription oversubscription factor within a pod (&gt;= 1)
 * @param topOversubscription   oversubscription factor between pods (&gt;= 1)
 */
record FatTree(long devices, double bytesPerSecond, double stepSeconds, long podSize, double inPodOversubscription,
        double topOversubscription, boolean inNetwork) implements Topology {

    /** A fabric without in-network reduction. */
    FatTree(long devices, double bytesPerSecond, double stepSeconds, long podSize, double inPodOversubscription,
            double topOversubscription) {
        this(devices, bytesPerSecond, stepSeconds, podSize, inPodOversubscription, topOversubscription, false);
    }

    @Override
    public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
        check(groupSize, bytes);
        double rate = rate(groupSize);
        return switch (collective) {
            case ALL_REDUCE -> Math.min(Math.min(CollectiveAlgorithms.ringAllReduce(groupSize, bytes, stepSeconds, rate),
                    CollectiveAlgorithms.treeAllReduce(groupSize, bytes, stepSeconds, rate)), sharp(groupSize, bytes, rate));
            case REDUCE_SCATTER, ALL_GATHER -> CollectiveAlgorithms.ringGather(groupSize, bytes, stepSeconds, rate);
            case ALL_TO_ALL -> CollectiveAlgorithms.directAllToAll(groupSize, bytes, stepSeconds, rate);
            case BROADCAST -> CollectiveAlgorithms.broadcast(groupSize, bytes, stepSeconds, rate);
            case SEND_RECV -> CollectiveAlgorithms.sendReceive(bytes, stepSeconds, rate);
        };
    }

    private void check(int groupSize, double bytes) {
        if (groupSize < 1 || groupSize > devices || !Double.isFinite(bytes) || bytes < 0) {
            throw new IllegalArgumentException("groupSize must be in [1, " + devices + "] and bytes finite and >= 0, got "
                    + groupSize + " and " + bytes);
        }
    }

    /** Ring, double binary tree, or SHARP where the fabric has it. */
    @Override
    public double allReduceSeconds(int groupSize, double bytes, AllReduceAlgorithm algorithm) {
        if (algorithm == AllReduceAlgorithm.AUTO) {
            return collectiveSeconds(Collective.ALL_REDUCE, groupSize, bytes);
        }
        check(groupSize, bytes);
        double rate = rate(groupSize);
        return switch (algorithm) {
            case RING -> CollectiveAlgorithms.ringAllReduce(groupSize, bytes, stepSeconds, rate);
            case TREE -> CollectiveAlgorithms.treeAllReduce(groupSize, bytes, stepSeconds, rate);
            case IN_NETWORK -> inNetwork ? sharp(groupSize, bytes, rate) : Double.NaN;
            case AUTO -> throw new AssertionError("handled above");
        };
    }

    @Override
    public String algorithm(Collective collective, int groupSize, double bytes) {
        if (collective == Collective.ALL_REDUCE) {
            double rate = rate(groupSize);
            double ring = CollectiveAlgorithms.ringAllReduce(groupSize, bytes, stepSeconds, rate);
            double tree = CollectiveAlgorithms.treeAllReduce(groupSize, bytes, stepSeconds, rate);
            if (sharp(groupSize, bytes, rate) < Math.min(ring, tree)) {
                return "in-network (SHARP)";
            }
            return tree < ring ? "double-binary-tree" : "ring";
        }
        return switch (collective) {
            case ALL_TO_ALL -> "direct";
            case BROADCAST -> "pipelined ring";
            case SEND_RECV -> "point-to-point";
            default -> "ring";
        };
    }

    /**
     * Reduction in the switches (InfiniBand SHARP): each device sends its buffer up once and
     * receives the result once, after a tree's worth of latency; infinite where the fabric has none.
     */
    private double sharp(int groupSize, double bytes, double rate) {
        return inNetwork ? CollectiveAlgorithms.inNetworkAllReduce(groupSize, bytes,
                2 * CollectiveAlgorithms.ceilLog2(groupSize) * stepSeconds, rate) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double bytesPerSecond(int groupSize) {
        return rate(groupSize);
    }

    /** The NIC rate left to each device when a group of this size crosses the fabric. */
    private double rate(int groupSize) {
        double oversubscription = groupSize > podSize ? Math.max(topOversubscription, inPodOversubscription)
                : inPodOversubscription;
        return bytesPerSecond / oversubscription;
    }
}
