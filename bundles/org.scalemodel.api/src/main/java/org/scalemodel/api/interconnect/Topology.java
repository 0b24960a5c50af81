package org.scalemodel.api.interconnect;

import org.osgi.annotation.versioning.ConsumerType;
import org.scalemodel.api.model.Collective;

/**
 * One built topology level. Pricing is in the planner's inner loop: it takes and returns
 * primitives in SI units and must not allocate per call.
 */
@ConsumerType
public interface Topology {

    /** @return devices this level joins into one group, &gt; 0 */
    long devices();

    /**
     * Time of one collective among {@code groupSize} members of this level.
     *
     * @param collective the operation
     * @param groupSize  members, in [2, {@link #devices()}]
     * @param bytes      the nccl-tests size S in bytes, &gt;= 0: the buffer of an all-reduce or
     *                   broadcast, the total gathered or scattered size of an all-gather or
     *                   reduce-scatter, the send buffer of an all-to-all, the message of a send
     *                   (see {@link CollectiveAlgorithms})
     * @return seconds, finite and &gt;= 0; never less for a larger message, never more for
     *         more bandwidth
     * @throws IllegalArgumentException if {@code groupSize} or {@code bytes} is out of range
     */
    double collectiveSeconds(Collective collective, int groupSize, double bytes);

    /**
     * The same, for a group whose members are spread over {@code spanDevices} consecutive devices
     * (members x stride, in the system's device numbering), so that a level whose upper tiers are
     * shared (a fat-tree's oversubscribed tiers between pods) can tell whether the group crosses
     * them. By default where the members sit does not matter.
     *
     * @param spanDevices devices from the group's first member to past its last, &gt;= groupSize
     */
    default double collectiveSeconds(Collective collective, int groupSize, long spanDevices, double bytes) {
        return collectiveSeconds(collective, groupSize, bytes);
    }

    /**
     * The achievable bandwidth one device gets at this level when {@code groupSize} members
     * communicate at once, per direction: what a ring that crosses this level moves per device.
     * The engine uses it to price rings that span several levels (NCCL's flat rings across
     * nodes, one ring per NIC).
     *
     * @param groupSize members communicating at this level, in [1, {@link #devices()}]
     * @return bytes per second, &gt; 0
     */
    double bytesPerSecond(int groupSize);

    /** @return latency of one ring step at this level, seconds, &gt;= 0 */
    double stepSeconds();

    /** @return the name of the algorithm {@link #collectiveSeconds} prices for these arguments, e.g. {@code "ring"} */
    String algorithm(Collective collective, int groupSize, double bytes);

    /**
     * Time of an all-reduce with the algorithm chosen by the caller, as {@code NCCL_ALGO} forces
     * NCCL's choice. A level that offers a choice overrides this; by default only
     * {@link AllReduceAlgorithm#AUTO} is priced.
     *
     * @return seconds, or NaN where this level does not run that algorithm (no allocation on
     *         this path, so no exception either; the engine turns NaN into an error that names
     *         the level)
     */
    default double allReduceSeconds(int groupSize, double bytes, AllReduceAlgorithm algorithm) {
        return algorithm == AllReduceAlgorithm.AUTO ? collectiveSeconds(Collective.ALL_REDUCE, groupSize, bytes) : Double.NaN;
    }
}
