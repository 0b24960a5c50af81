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
        if (groupSize < 1 || groupSize > devices() || !Double.isFinite(bytes) || bytes < 0) {
            throw new IllegalArgumentException("groupSize must be in [1, " + devices() + "] and bytes finite and >= 0");
        }
        double ringRate = 2 * bytesPerSecond / (2.0 * sizes.length);
        double seconds = 0;
        double size = bytes;
        int remaining = groupSize;
        for (int d = 0; d < sizes.length && remaining > 1; d++) {
            int members = Math.min(sizes[d], remaining);
            remaining = (remaining + members - 1) / members;
            seconds += switch (collective) {
                case ALL_REDUCE -> 2 * CollectiveAlgorithms.ringGather(members, size, stepSeconds, ringRate);
                case REDUCE_SCATTER, ALL_GATHER, ALL_TO_ALL, BROADCAST ->
                    CollectiveAlgorithms.ringGather(members, size, stepSeconds, ringRate);
                case SEND_RECV -> CollectiveAlgorithms.sendReceive(size, stepSeconds, ringRate / 2);
            };
            if (collective == Collective.SEND_RECV) {
                break;
            }
            // after a reduce-scatter along this dimension each device holds 1/members of the data
            size = collective == Collective.ALL_TO_ALL ? size : size / members;
        }
        return seconds;
    }

    @Override
    public String algorithm(Collective collective, int groupSize, double bytes) {
        return collective == Collective.SEND_RECV ? "point-to-point" : "dimension-by-dimension ring";
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
