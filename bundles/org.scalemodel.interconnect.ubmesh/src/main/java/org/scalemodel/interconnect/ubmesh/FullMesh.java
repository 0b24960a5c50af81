package org.scalemodel.interconnect.ubmesh;

import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * An nD-FullMesh with a switch tier above it, as UB-Mesh builds a pod: within each mesh
 * dimension every device links directly to every other, and the top tier joins the meshes
 * through switches. A device's bandwidth is split evenly between its mesh dimensions and its
 * switch uplinks. Collectives run dimension by dimension: direct reduce-scatter (each peer's
 * share on its own link), then the next dimension on the smaller shard, then all-gathers back.
 * <p>
 * With detours (UB-Mesh's All-Path Routing, arXiv 2503.20377) a group smaller than its mesh
 * dimension also borrows the links to the members outside it. Without them, as HCCL runs an
 * Atlas 800T A2 server's HCCS mesh, a group of m in a mesh of n has only its m-1 direct links:
 * (m-1)/(n-1) of the dimension's bandwidth. The 910B measurements grow that way: 8-card bus
 * bandwidth 126-130 GB/s, 4-card 45-48, 2-card 18-19 (gameofdimension/limulidae), where the
 * share gives 129, 55 and 18.5 at the 8-card efficiency: the 4-card figure is 15-23% below it.
 *
 * @param meshSizes      sizes of the direct-connected dimensions, innermost first
 * @param switchSize     number of meshes joined by the switch tier (1: none)
 * @param bytesPerSecond achievable bandwidth per device and direction, all links together
 * @param stepSeconds    latency of one step
 * @param detours        whether a group smaller than its dimension routes over the other links too
 */
record FullMesh(int[] meshSizes, int switchSize, double bytesPerSecond, double stepSeconds, boolean detours)
        implements Topology {

    /** A mesh with detours, as UB-Mesh routes. */
    FullMesh(int[] meshSizes, int switchSize, double bytesPerSecond, double stepSeconds) {
        this(meshSizes, switchSize, bytesPerSecond, stepSeconds, true);
    }

    @Override
    public long devices() {
        long devices = switchSize;
        for (int size : meshSizes) {
            devices *= size;
        }
        return devices;
    }

    @Override
    public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
        CollectiveAlgorithms.checkArguments(groupSize, devices(), bytes);
        int tiers = meshSizes.length + (switchSize > 1 ? 1 : 0);
        double perTier = bytesPerSecond / tiers;
        double seconds = 0;
        double size = bytes;
        int remaining = groupSize;
        for (int d = 0; d <= meshSizes.length && remaining > 1; d++) {
            int capacity = d < meshSizes.length ? meshSizes[d] : switchSize;
            int members = Math.min(capacity, remaining);
            remaining = (remaining + members - 1) / members;
            double tier = perTier * linkShare(d, members, capacity);
            double step = switch (collective) {
                case ALL_REDUCE -> 2 * CollectiveAlgorithms.directAllToAll(members, size, stepSeconds, tier);
                case SEND_RECV -> CollectiveAlgorithms.sendReceive(size, stepSeconds, tier / Math.max(1, members - 1));
                // scatter to the peers, then they all-gather over their direct links; the next
                // dimension's tier is other links, so the pipeline pays the bandwidth term once
                case BROADCAST -> 2 * stepSeconds
                        + (d == 0 ? 2.0 * (members - 1) / members * size / tier : 0);
                default -> CollectiveAlgorithms.directAllToAll(members, size, stepSeconds, tier);
            };
            seconds += step;
            if (collective == Collective.SEND_RECV) {
                break;
            }
            if (collective != Collective.ALL_TO_ALL && collective != Collective.BROADCAST) {
                size /= members;
            }
        }
        return seconds;
    }

    /**
     * The share of a mesh dimension's links a group of {@code members} can use; the switch tier's,
     * and a lone device's, is whole.
     */
    private double linkShare(int dimension, int members, int capacity) {
        return detours || dimension >= meshSizes.length || capacity < 2 || members < 2 ? 1
                : (members - 1.0) / (capacity - 1);
    }

    @Override
    public String algorithm(Collective collective, int groupSize, double bytes) {
        return switch (collective) {
            case SEND_RECV -> "point-to-point";
            case BROADCAST -> "dimension-by-dimension scatter-allgather, pipelined";
            default -> "dimension-by-dimension direct";
        };
    }

    /**
     * Rings crossing this level run in the innermost tier: its share of the device's bandwidth, and
     * without detours only the share of its links that lead to other members.
     */
    @Override
    public double bytesPerSecond(int groupSize) {
        int tiers = meshSizes.length + (switchSize > 1 ? 1 : 0);
        return bytesPerSecond / tiers * linkShare(0, Math.min(groupSize, meshSizes[0]), meshSizes[0]);
    }

    @Override
    public int[] meshSizes() {
        return meshSizes.clone();
    }
}
