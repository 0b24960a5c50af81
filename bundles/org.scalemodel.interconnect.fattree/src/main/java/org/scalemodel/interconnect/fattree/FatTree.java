package org.scalemodel.interconnect.fattree;

import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * A Clos fabric seen from one device: its NIC's achievable rate, and tiers that may be
 * oversubscribed (leaf to spine within a pod, and between pods). Who pays the oversubscription
 * depends on the traffic pattern, not only on the tiers a group spans:
 * <ul>
 * <li>Rings, trees and in-network reduction (all-reduce, reduce-scatter, all-gather, broadcast)
 * do not. NCCL orders a ring by rank, so only the few ring edges that leave a leaf or a pod use
 * the upper tiers, one flow per ring and boundary, far below those tiers' capacity (a pod of
 * 3,072 GPUs behind a 1:7 tier still has the uplinks of about 439 NICs). This assumes a job's
 * ranks sit in rank order on the fabric, as the rest of the model does.</li>
 * <li>All-to-all does: every member sends to every other at once, so the share of its traffic
 * that leaves its pod crosses the tier between pods.</li>
 * <li>Point-to-point (pipeline stages) does too, where the pairs cross pods.</li>
 * </ul>
 * All-reduce is priced as ring, double binary tree, or SHARP where the fabric has it, whichever
 * is cheaper, as NCCL chooses across nodes.
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

    /** Placement unknown: the members are taken as consecutive devices. */
    @Override
    public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
        return collectiveSeconds(collective, groupSize, groupSize, bytes);
    }

    @Override
    public double collectiveSeconds(Collective collective, int groupSize, long spanDevices, double bytes) {
        CollectiveAlgorithms.checkArguments(groupSize, devices, bytes);
        double rate = bytesPerSecond;
        return switch (collective) {
            case ALL_REDUCE -> Math.min(Math.min(CollectiveAlgorithms.ringAllReduce(groupSize, bytes, stepSeconds, rate),
                    CollectiveAlgorithms.treeAllReduce(groupSize, bytes, stepSeconds, rate)), sharp(groupSize, bytes, rate));
            case REDUCE_SCATTER, ALL_GATHER -> CollectiveAlgorithms.ringGather(groupSize, bytes, stepSeconds, rate);
            case ALL_TO_ALL -> CollectiveAlgorithms.directAllToAll(groupSize, bytes, stepSeconds,
                    rate / allToAllSlowdown(spanDevices));
            case BROADCAST -> CollectiveAlgorithms.broadcast(groupSize, bytes, stepSeconds, rate);
            case SEND_RECV -> CollectiveAlgorithms.sendReceive(bytes, stepSeconds, rate / pointToPointSlowdown(spanDevices));
        };
    }

    /**
     * Every member sends to every other at once. Its traffic leaves its leaf (the leaf size is
     * not modelled, so all of it is taken to), and the share addressed outside its pod, 1 -
     * pod / span, crosses the tier between pods: a 1:k tier gives that share 1/k of the rate.
     */
    double allToAllSlowdown(long spanDevices) {
        double slowdown = inPodOversubscription;
        if (spanDevices > podSize) {
            slowdown = Math.max(slowdown, topOversubscription * (1 - (double) podSize / spanDevices));
        }
        return Math.max(1, slowdown);
    }

    /**
     * Pipeline stages send at once, every device to its peer; where the group spans pods some
     * pairs cross the tier between them, and the slowest pair sets the pace.
     */
    double pointToPointSlowdown(long spanDevices) {
        return spanDevices > podSize ? Math.max(inPodOversubscription, topOversubscription) : inPodOversubscription;
    }

    /** Ring, double binary tree, or SHARP where the fabric has it. */
    @Override
    public double allReduceSeconds(int groupSize, double bytes, AllReduceAlgorithm algorithm) {
        if (algorithm == AllReduceAlgorithm.AUTO) {
            return collectiveSeconds(Collective.ALL_REDUCE, groupSize, bytes);
        }
        CollectiveAlgorithms.checkArguments(groupSize, devices, bytes);
        double rate = bytesPerSecond;
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
            double rate = bytesPerSecond;
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

    /** A ring's rate: the NIC's (see the class comment for why oversubscription does not apply). */
    @Override
    public double bytesPerSecond(int groupSize) {
        return bytesPerSecond;
    }
}
