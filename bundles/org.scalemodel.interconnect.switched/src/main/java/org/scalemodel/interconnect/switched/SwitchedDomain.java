package org.scalemodel.interconnect.switched;

import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * A scale-up domain where every device reaches every other through switches at its full link
 * bandwidth (NVSwitch, UB switch planes). Rings see no contention; all-to-all goes direct;
 * all-reduce may be done in the switch (NVLink SHARP) where the switch offers it, and the
 * cheaper algorithm is priced, as NCCL picks by size.
 *
 * @param devices         devices in the domain
 * @param bytesPerSecond  achievable bandwidth per device and direction (link rate x measured efficiency)
 * @param stepSeconds     latency of one ring step
 * @param inNetwork       whether the switch reduces in the network
 * @param inNetworkBytesPerSecond achievable in-network all-reduce rate (algbw)
 * @param inNetworkStartSeconds   fixed cost of an in-network all-reduce
 */
record SwitchedDomain(long devices, double bytesPerSecond, double stepSeconds, boolean inNetwork,
        double inNetworkBytesPerSecond, double inNetworkStartSeconds) implements Topology {

    @Override
    public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
        CollectiveAlgorithms.checkArguments(groupSize, devices, bytes);
        return switch (collective) {
            case ALL_REDUCE -> inNetwork ? Math.min(ring(groupSize, bytes), nvls(groupSize, bytes))
                    : ring(groupSize, bytes);
            case REDUCE_SCATTER, ALL_GATHER ->
                CollectiveAlgorithms.ringGather(groupSize, bytes, stepSeconds, bytesPerSecond);
            case ALL_TO_ALL -> CollectiveAlgorithms.directAllToAll(groupSize, bytes, stepSeconds, bytesPerSecond);
            case BROADCAST -> CollectiveAlgorithms.broadcast(groupSize, bytes, stepSeconds, bytesPerSecond);
            case SEND_RECV -> CollectiveAlgorithms.sendReceive(bytes, stepSeconds, bytesPerSecond);
        };
    }

    @Override
    public String algorithm(Collective collective, int groupSize, double bytes) {
        return switch (collective) {
            case ALL_REDUCE -> inNetwork && nvls(groupSize, bytes) < ring(groupSize, bytes) ? "in-network" : "ring";
            case REDUCE_SCATTER, ALL_GATHER -> "ring";
            case ALL_TO_ALL -> "direct";
            case BROADCAST -> "pipelined ring";
            case SEND_RECV -> "point-to-point";
        };
    }

    /** Ring, a tree (inside one switch NCCL's tree is a chain, priced as a tree), or NVLS where the switch has it. */
    @Override
    public double allReduceSeconds(int groupSize, double bytes, AllReduceAlgorithm algorithm) {
        CollectiveAlgorithms.checkArguments(groupSize, devices, bytes);
        return switch (algorithm) {
            case AUTO -> collectiveSeconds(Collective.ALL_REDUCE, groupSize, bytes);
            case RING -> ring(groupSize, bytes);
            case TREE -> CollectiveAlgorithms.treeAllReduce(groupSize, bytes, stepSeconds, bytesPerSecond);
            case IN_NETWORK -> inNetwork ? nvls(groupSize, bytes) : Double.NaN;
        };
    }

    @Override
    public double bytesPerSecond(int groupSize) {
        return bytesPerSecond;
    }

    private double ring(int p, double bytes) {
        return CollectiveAlgorithms.ringAllReduce(p, bytes, stepSeconds, bytesPerSecond);
    }

    private double nvls(int p, double bytes) {
        return CollectiveAlgorithms.inNetworkAllReduce(p, bytes, inNetworkStartSeconds, inNetworkBytesPerSecond);
    }
}
