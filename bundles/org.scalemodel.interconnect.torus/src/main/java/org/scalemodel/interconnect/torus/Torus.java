package org.scalemodel.interconnect.torus;

import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * A torus of the given dimension sizes. Each device's link bandwidth is split evenly over its
 * 2 x dims links (one each way per dimension); a bidirectional ring along one dimension uses two
 * of them. A group fills dimensions in order; an all-reduce is a reduce-scatter dimension by
 * dimension (the message shrinking by each dimension's size) then an all-gather back, as in
 * Mikami et al. 2018 (2D-Torus all-reduce, arXiv 1811.05233) and Google's TPU pods.
 *
 * @param sizes          dimension sizes, product = devices
 * @param bytesPerSecond achievable bandwidth per device and direction, all links together
 * @param stepSeconds    latency of one ring step
 */
record Torus(int[] sizes, double bytesPerSecond, double stepSeconds) implements Topology {

    @Override
    public long devices() {
        long devices = 1;
        for (int size : sizes) {
            devices *= size;
        }
        return devices;
    }

    @Override
    public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
        CollectiveAlgorithms.checkArguments(groupSize, devices(), bytes);
        double ringRate = bytesPerSecond(groupSize);
        if (collective == Collective.SEND_RECV) {
            // a neighbour: one link, one way
            return groupSize < 2 ? 0 : CollectiveAlgorithms.sendReceive(bytes, stepSeconds, ringRate / 2);
        }
        double seconds = 0;
        double size = bytes;
        int remaining = groupSize;
        for (int d = 0; d < sizes.length && remaining > 1; d++) {
            int members = Math.min(sizes[d], remaining);
            remaining = (remaining + members - 1) / members;
            seconds += switch (collective) {
                case ALL_REDUCE -> 2 * CollectiveAlgorithms.ringGather(members, size, stepSeconds, ringRate);
                case REDUCE_SCATTER, ALL_GATHER -> CollectiveAlgorithms.ringGather(members, size, stepSeconds, ringRate);
                case ALL_TO_ALL -> ringAllToAll(members, size, stepSeconds, ringRate);
                // dimensions use disjoint links, so the pipeline streams the buffer through all of
                // them at once: only the first dimension pays the bandwidth term, each pays its fill
                case BROADCAST -> (members / 2) * stepSeconds + (d == 0 ? size / ringRate : 0);
                case SEND_RECV -> throw new AssertionError("handled above");
            };
            // after a reduce-scatter along this dimension each device holds 1/members of the data;
            // an all-to-all or a broadcast carries the whole buffer through every dimension
            if (collective != Collective.ALL_TO_ALL && collective != Collective.BROADCAST) {
                size /= members;
            }
        }
        return seconds;
    }

    /**
     * All-to-all along one bidirectional ring of p: each member sends bytes/p to every other by
     * the shorter way round, so the links carry bytes/p x sum over k of min(k, p-k) hops per
     * member (p^2/4 for even p, (p^2-1)/4 for odd), shared by 2p directed links of rate/2 each:
     * bytes x hops / (p x rate).
     * For p of 4 and more this is more than the (p-1)/p x bytes of a ring all-gather: the
     * ring's bisection, not the injection bandwidth, limits it.
     */
    static double ringAllToAll(int p, double bytes, double stepSeconds, double ringBytesPerSecond) {
        if (p < 2) {
            return 0;
        }
        long hops = (long) p * p / 4;
        return (p - 1) * stepSeconds + bytes * hops / (p * ringBytesPerSecond);
    }

    @Override
    public String algorithm(Collective collective, int groupSize, double bytes) {
        return switch (collective) {
            case SEND_RECV -> "point-to-point";
            case BROADCAST -> "dimension-by-dimension pipelined ring";
            case ALL_TO_ALL -> "dimension-by-dimension shortest-path exchange";
            default -> "dimension-by-dimension ring";
        };
    }

    /** A ring along one dimension uses the two links of that dimension. */
    @Override
    public double bytesPerSecond(int groupSize) {
        return 2 * bytesPerSecond / (2.0 * sizes.length);
    }

    /** @return a defensive copy: records expose their arrays otherwise */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }
}
