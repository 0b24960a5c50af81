package org.scalemodel.api.interconnect;

import org.scalemodel.api.model.Collective;

/**
 * The alpha-beta costs of the standard collective algorithms, for interconnect plugins to
 * build on. Pure functions of primitives; no allocation.
 *
 * <p>Conventions, as nccl-tests (NVIDIA/nccl-tests {@code doc/PERFORMANCE.md}) and Thakur,
 * Rabenseifner and Gropp 2005 (IJHPCA 19(1)) write them: {@code p} members; {@code bytes} is the
 * nccl-tests size S (the buffer of an all-reduce or broadcast, the <em>total</em> gathered or
 * scattered size of an all-gather or reduce-scatter, the send buffer of an all-to-all);
 * {@code stepSeconds} is the latency of one algorithm step (alpha); {@code bytesPerSecond} the
 * achievable bandwidth per member and direction (1/beta).
 */
public final class CollectiveAlgorithms {

    private CollectiveAlgorithms() {
    }

    /** Ring all-reduce: 2(p-1) steps, 2(p-1)/p of the buffer over each member's link. */
    public static double ringAllReduce(int p, double bytes, double stepSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : 2.0 * (p - 1) * stepSeconds + 2.0 * (p - 1) / p * bytes / bytesPerSecond;
    }

    /** Ring reduce-scatter or all-gather: (p-1) steps, (p-1)/p of the total size over each link. */
    public static double ringGather(int p, double bytes, double stepSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : (p - 1) * stepSeconds + (double) (p - 1) / p * bytes / bytesPerSecond;
    }

    /**
     * Double binary tree all-reduce (NCCL 2.4): latency grows with log2(p), bandwidth as a ring's
     * for large p (two complementary trees each carry half the buffer up and down).
     */
    public static double treeAllReduce(int p, double bytes, double stepSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : 2.0 * ceilLog2(p) * stepSeconds + 2.0 * bytes / bytesPerSecond;
    }

    /**
     * All-reduce by reduction in the switch (NVLink SHARP, InfiniBand SHARP): each member sends
     * its buffer once and receives the result once.
     */
    public static double inNetworkAllReduce(int p, double bytes, double startSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : startSeconds + bytes / bytesPerSecond;
    }

    /** All-to-all over direct paths: each member sends (p-1)/p of its buffer, one step per peer group. */
    public static double directAllToAll(int p, double bytes, double stepSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : stepSeconds + (double) (p - 1) / p * bytes / bytesPerSecond;
    }

    /**
     * Pipelined ring broadcast, as NCCL runs it: the root streams the buffer round the ring in
     * chunks, each member forwarding as it receives, so every link carries the buffer once
     * (nccl-tests {@code doc/PERFORMANCE.md}: broadcast busbw = algbw) after p-1 steps of fill.
     * Cheaper for long messages than MPI's scatter + all-gather, which moves 2(p-1)/p of it.
     */
    public static double broadcast(int p, double bytes, double stepSeconds, double bytesPerSecond) {
        return p < 2 ? 0 : (p - 1) * stepSeconds + bytes / bytesPerSecond;
    }

    /** One point-to-point transfer. */
    public static double sendReceive(double bytes, double stepSeconds, double bytesPerSecond) {
        return stepSeconds + bytes / bytesPerSecond;
    }

    /**
     * The argument check every {@link Topology#collectiveSeconds} owes its callers.
     *
     * @throws IllegalArgumentException if {@code groupSize} is not in [1, devices] or
     *                                  {@code bytes} is not finite and &gt;= 0
     */
    public static void checkArguments(int groupSize, long devices, double bytes) {
        if (groupSize < 1 || groupSize > devices) {
            throw new IllegalArgumentException("groupSize must be in [1, " + devices + "], got " + groupSize);
        }
        if (!Double.isFinite(bytes) || bytes < 0) {
            throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
        }
    }

    /** @return ceil(log2(p)) for p &gt;= 1 */
    public static int ceilLog2(int p) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, p) - 1);
    }

    /**
     * The nccl-tests bus bandwidth of a collective: algbw (bytes / seconds) times the factor
     * that makes it comparable with a link's bandwidth.
     */
    public static double busBandwidth(Collective collective, int p, double bytes,
            double seconds) {
        double algbw = bytes / seconds;
        return switch (collective) {
            case ALL_REDUCE -> algbw * 2.0 * (p - 1) / p;
            case REDUCE_SCATTER, ALL_GATHER, ALL_TO_ALL -> algbw * (p - 1) / p;
            case BROADCAST, SEND_RECV -> algbw;
        };
    }
}
