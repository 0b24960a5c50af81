package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.List;

import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.GroupPlacement;
import org.scalemodel.api.fabric.ParallelDimension;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

/**
 * A system's levels composed, and groups placed on them. A group inside one level is priced by
 * that level's plugin. A group spanning levels runs as NCCL runs it across nodes: one ring (or,
 * for all-reduce, a double binary tree) through every member, whose rate is set by the level
 * boundaries it crosses, each crossed by as many rings at once as a domain holds members (one
 * ring per NIC). All-to-all levels carry their share concurrently. No per-device object is ever
 * built: the cost of a 524,288-device system is the cost of its few levels.
 */
final class ComposedFabric implements Fabric {

    private final String systemId;
    private final String[] names;
    private final long[] domainSizes;
    private final Topology[] levels;
    private final GroupPlacer placer;

    /**
     * @param domainSizes devices in one domain of each level, innermost first, each dividing the
     *                    next; the last is the system
     */
    ComposedFabric(String systemId, String[] names, long[] domainSizes, Topology[] levels) {
        this.systemId = systemId;
        this.names = names.clone();
        this.domainSizes = domainSizes.clone();
        this.levels = levels.clone();
        this.placer = new GroupPlacer(systemId, names, domainSizes);
    }

    @Override
    public String systemId() {
        return systemId;
    }

    @Override
    public long devices() {
        return domainSizes[domainSizes.length - 1];
    }

    @Override
    public double seconds(Collective collective, int groupSize, long stride, double bytes) {
        check(groupSize, stride, bytes);
        return price(collective, groupSize, stride, bytes, AllReduceAlgorithm.AUTO, null);
    }

    @Override
    public double allReduceSeconds(int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm) {
        check(groupSize, stride, bytes);
        return price(Collective.ALL_REDUCE, groupSize, stride, bytes, algorithm, null);
    }

    @Override
    public double allToAllSeconds(int groupSize, long stride, double bytes, double skew) {
        check(groupSize, stride, bytes);
        if (!(skew >= 1) || !Double.isFinite(skew)) {
            throw new IllegalArgumentException("skew must be finite and >= 1 (1: uniform), got " + skew);
        }
        // the busiest member carries skew times the average traffic on every level it crosses
        return price(Collective.ALL_TO_ALL, groupSize, stride, bytes * skew, AllReduceAlgorithm.AUTO, null);
    }

    @Override
    public CollectiveEstimate estimate(Collective collective, int groupSize, long stride, double bytes) {
        return estimate(collective, groupSize, stride, bytes, AllReduceAlgorithm.AUTO);
    }

    @Override
    public CollectiveEstimate estimateAllReduce(int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm) {
        return estimate(Collective.ALL_REDUCE, groupSize, stride, bytes, algorithm);
    }

    private CollectiveEstimate estimate(Collective collective, int groupSize, long stride, double bytes,
            AllReduceAlgorithm algorithm) {
        check(groupSize, stride, bytes);
        List<CollectiveEstimate.Step> steps = new ArrayList<>();
        double seconds = price(collective, groupSize, stride, bytes, algorithm, steps);
        double bus = seconds > 0 ? CollectiveAlgorithms.busBandwidth(collective, groupSize, bytes, seconds) : 0;
        return new CollectiveEstimate(seconds, bus, steps);
    }

    @Override
    public List<GroupPlacement> place(List<ParallelDimension> innermostFirst) {
        return placer.place(innermostFirst);
    }

    /** Members of the group inside one domain of level {@code i}. */
    private long membersWithin(int i, int groupSize, long stride) {
        return GroupPlacer.membersWithin(domainSizes[i], groupSize, stride);
    }

    private double price(Collective collective, int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm,
            List<CollectiveEstimate.Step> steps) {
        if (groupSize < 2) {
            return 0;
        }
        int top = levels.length - 1;
        while (top > 0 && membersWithin(top - 1, groupSize, stride) >= groupSize) {
            top--;
        }
        if (collective == Collective.SEND_RECV) {
            int level = 0;
            while (membersWithin(level, groupSize, stride) < 2) {
                level++;
            }
            return step(level, collective, 2, span(level, groupSize, stride), bytes, steps);
        }
        if (collective == Collective.ALL_TO_ALL) {
            return allToAll(groupSize, stride, bytes, top, steps);
        }
        if (!spansSeveralLevels(groupSize, stride, top)) {
            return levelByLevel(collective, groupSize, stride, bytes, top, algorithm, steps);
        }
        // across levels NCCL runs one ring (pipelined, for a broadcast), or for all-reduce a tree,
        // through every member
        if (algorithm == AllReduceAlgorithm.IN_NETWORK) {
            throw new IllegalArgumentException("an in-network all-reduce across levels (SHARP between nodes) is not "
                    + "modelled on " + systemId + "; the group spans several levels: use auto, ring or tree");
        }
        double rate = acrossLevelsRate(groupSize, stride, top);
        double step = acrossLevelsStep(groupSize, stride, top);
        double ring = algorithm == AllReduceAlgorithm.TREE ? Double.POSITIVE_INFINITY
                : flatRing(collective, groupSize, bytes, step, rate);
        // NCCL's tree across nodes (a chain inside each node, double binary trees between nodes,
        // pipelined): the flat ring's rate, with log2(p) steps instead of p
        double tree = collective == Collective.ALL_REDUCE && algorithm != AllReduceAlgorithm.RING
                ? CollectiveAlgorithms.treeAllReduce(groupSize, bytes, step, rate) : Double.POSITIVE_INFINITY;
        if (steps != null) {
            String ringName = collective == Collective.BROADCAST ? "pipelined ring" : "ring";
            steps.add(new CollectiveEstimate.Step("all levels", groupSize,
                    (tree < ring ? "double-binary-tree" : ringName) + " across levels"
                            + (algorithm == AllReduceAlgorithm.AUTO ? "" : " (forced)"), Math.min(ring, tree)));
        }
        return Math.min(ring, tree);
    }

    private boolean spansSeveralLevels(int groupSize, long stride, int top) {
        int spanned = 0;
        long inner = 1;
        for (int i = 0; i <= top; i++) {
            long within = membersWithin(i, groupSize, stride);
            spanned += within / inner >= 2 ? 1 : 0;
            inner = within;
        }
        return spanned > 1;
    }

    /**
     * One ring through every member, as NCCL runs rings across nodes, at the rate of
     * {@link #acrossLevelsRate}.
     */
    private static double flatRing(Collective collective, int groupSize, double bytes, double step, double rate) {
        return switch (collective) {
            case ALL_REDUCE -> CollectiveAlgorithms.ringAllReduce(groupSize, bytes, step, rate);
            case REDUCE_SCATTER, ALL_GATHER -> CollectiveAlgorithms.ringGather(groupSize, bytes, step, rate);
            case BROADCAST -> CollectiveAlgorithms.broadcast(groupSize, bytes, step, rate);
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /**
     * Each boundary of level i is crossed by as many rings at once as there are members inside
     * one level-(i-1) domain, each through its own link (one ring per NIC), so a ring across
     * levels runs at the smallest of (members inside) x (the level's rate). Eight NICs of 25 GB/s
     * give about 200 GB/s of bus bandwidth on DGX A100 (NVIDIA, nccl issue 812: "we measure
     * 192GB/s AllReduce BusBW").
     */
    private double acrossLevelsRate(int groupSize, long stride, int top) {
        double rate = Double.POSITIVE_INFINITY;
        long inner = 1;
        for (int i = 0; i <= top; i++) {
            long within = membersWithin(i, groupSize, stride);
            int members = (int) (within / inner);
            if (members >= 2) {
                rate = Math.min(rate, inner * levels[i].bytesPerSecond(members));
            }
            inner = within;
        }
        return rate;
    }

    private double acrossLevelsStep(int groupSize, long stride, int top) {
        double step = 0;
        long inner = 1;
        for (int i = 0; i <= top; i++) {
            long within = membersWithin(i, groupSize, stride);
            if (within / inner >= 2) {
                step = Math.max(step, levels[i].stepSeconds());
            }
            inner = within;
        }
        return step;
    }

    /**
     * Level by level: for a group inside one level this is that level's price alone; an
     * all-reduce runs as a reduce-scatter at each inner level, the outermost all-reduce on the
     * shrunken shard, then all-gathers back out.
     */
    private double levelByLevel(Collective collective, int groupSize, long stride, double bytes, int top,
            AllReduceAlgorithm algorithm, List<CollectiveEstimate.Step> steps) {
        double seconds = 0;
        double size = bytes;
        long inner = 1;
        for (int i = 0; i <= top; i++) {
            long within = membersWithin(i, groupSize, stride);
            int members = (int) (within / inner);
            if (members < 2) {
                continue;
            }
            boolean outermost = i == top;
            Collective phase = collective == Collective.ALL_REDUCE && !outermost ? Collective.REDUCE_SCATTER : collective;
            double once = phase == Collective.ALL_REDUCE && algorithm != AllReduceAlgorithm.AUTO
                    ? forcedAllReduce(i, members, size, algorithm, steps)
                    : step(i, phase, members, span(i, groupSize, stride), size, steps);
            // an inner reduce-scatter of an all-reduce is mirrored by an all-gather on the way back
            seconds += collective == Collective.ALL_REDUCE && !outermost ? 2 * once : once;
            size /= members;
            inner = within;
        }
        return seconds;
    }

    /** All-to-all: each level carries the traffic that leaves the domain below it; levels run at once. */
    private double allToAll(int groupSize, long stride, double bytes, int top, List<CollectiveEstimate.Step> steps) {
        double slowest = 0;
        long inner = 1;
        for (int i = 0; i <= top; i++) {
            long within = membersWithin(i, groupSize, stride);
            int members = (int) (within / inner);
            if (members >= 2) {
                double leaving = bytes * (1 - (double) inner / groupSize) * members / (members - 1);
                slowest = Math.max(slowest, step(i, Collective.ALL_TO_ALL, members, span(i, groupSize, stride), leaving, steps));
            }
            inner = within;
        }
        return slowest;
    }

    /** An all-reduce with the algorithm the caller forced, as NCCL_ALGO does. */
    private double forcedAllReduce(int level, int members, double bytes, AllReduceAlgorithm algorithm,
            List<CollectiveEstimate.Step> steps) {
        double seconds = levels[level].allReduceSeconds(members, bytes, algorithm);
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("level '" + names[level] + "' of " + systemId + " does not run a "
                    + algorithm.label() + " all-reduce (it offers " + levels[level].algorithm(Collective.ALL_REDUCE, members, bytes)
                    + "); use auto");
        }
        if (steps != null) {
            steps.add(new CollectiveEstimate.Step(names[level], members, algorithm.label() + " (forced)", seconds));
        }
        return seconds;
    }

    /**
     * Devices the whole group spreads over inside one domain of the level: a level with shared
     * upper tiers (a fat-tree between pods) tells from it whether the group crosses them.
     */
    private long span(int level, int groupSize, long stride) {
        return Math.min((long) groupSize * stride, domainSizes[level]);
    }

    private double step(int level, Collective collective, int members, long spanDevices, double bytes,
            List<CollectiveEstimate.Step> steps) {
        double seconds = levels[level].collectiveSeconds(collective, members, Math.max(members, spanDevices), bytes);
        if (steps != null) {
            steps.add(new CollectiveEstimate.Step(names[level], members,
                    levels[level].algorithm(collective, members, bytes), seconds));
        }
        return seconds;
    }

    private void check(int groupSize, long stride, double bytes) {
        if (groupSize < 1 || stride < 1 || (long) groupSize * stride > devices() && groupSize > 1) {
            throw new IllegalArgumentException("a group of " + groupSize + " devices " + stride
                    + " apart does not fit " + systemId + " (" + devices() + " devices)");
        }
        if (!Double.isFinite(bytes) || bytes < 0) {
            throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
        }
    }
}
