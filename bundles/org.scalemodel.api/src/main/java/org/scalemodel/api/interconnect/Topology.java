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

    /** @return the name of the algorithm {@link #collectiveSeconds} prices for these arguments, e.g. {@code "ring"} */
    String algorithm(Collective collective, int groupSize, double bytes);
}
