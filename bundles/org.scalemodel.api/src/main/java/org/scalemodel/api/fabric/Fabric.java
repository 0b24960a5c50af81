package org.scalemodel.api.fabric;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.model.Collective;

/**
 * A system's interconnect, all levels composed. Devices are numbered innermost level first: the
 * devices of one scale-up domain are consecutive. A parallel group is {@code groupSize} devices
 * {@code stride} apart (tensor parallelism: stride 1; data parallelism over tensor x pipeline
 * ranks: stride tp x pp). Thread safe; pricing allocates nothing.
 */
@ProviderType
public interface Fabric {

    /** @return the system's id */
    String systemId();

    /** @return devices the fabric joins */
    long devices();

    /**
     * @param collective the operation
     * @param groupSize  members, &gt;= 1, and groupSize x stride &lt;= devices
     * @param stride     distance between consecutive members, &gt;= 1
     * @param bytes      the nccl-tests size S (see {@code CollectiveAlgorithms})
     * @return seconds; 0 for a group of one
     * @throws IllegalArgumentException if the group does not fit the system
     */
    double seconds(Collective collective, int groupSize, long stride, double bytes);

    /**
     * A skewed all-to-all, as MoE dispatch and combine are when experts are unevenly loaded: the
     * busiest member sends and receives {@code skew} times the average, and sets the time.
     *
     * @param skew busiest member's traffic / the average, &gt;= 1 (1: uniform)
     * @return seconds
     * @throws IllegalArgumentException if the group does not fit or {@code skew < 1}
     */
    double allToAllSeconds(int groupSize, long stride, double bytes, double skew);

    /** @return the same price with how it was reached, for reports */
    CollectiveEstimate estimate(Collective collective, int groupSize, long stride, double bytes);

    /**
     * An all-reduce with the algorithm forced, as {@code NCCL_ALGO} forces NCCL's choice;
     * {@link AllReduceAlgorithm#AUTO} is {@link #seconds}.
     *
     * @throws IllegalArgumentException if the group does not fit, or a level it spans does not
     *                                  run that algorithm (the message names the level)
     */
    double allReduceSeconds(int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm);

    /** @return {@link #allReduceSeconds} with how it was reached, for reports */
    CollectiveEstimate estimateAllReduce(int groupSize, long stride, double bytes, AllReduceAlgorithm algorithm);

    /**
     * Places a plan's parallel groups: the first dimension is innermost (its members adjacent),
     * each next one strides over the ones inside it, as Megatron-LM orders tensor, context,
     * expert, data and pipeline ranks. The price of a dimension's collective is then
     * {@link #seconds} with its size and stride.
     *
     * @param innermostFirst the dimensions; the product of their sizes must divide the devices
     * @return one placement per dimension, in the same order
     * @throws IllegalArgumentException if the plan needs more devices than the system has, does
     *                                  not divide them, or a dimension's groups would straddle
     *                                  a level's domains unevenly
     */
    List<GroupPlacement> place(List<ParallelDimension> innermostFirst);
}
