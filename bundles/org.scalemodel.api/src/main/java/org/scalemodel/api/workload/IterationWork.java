package org.scalemodel.api.workload;

import java.util.List;

/**
 * The work one device does in one iteration.
 *
 * @param compute       compute steps, in execution order
 * @param communication communication steps
 * @param modelFlops    model FLOPs of the iteration on this device (no recomputation), &gt;= 0;
 *                      the numerator of MFU
 */
public record IterationWork(List<ComputeStep> compute, List<CommunicationStep> communication, double modelFlops) {

    public IterationWork {
        compute = List.copyOf(compute);
        communication = List.copyOf(communication);
        WorkChecks.nonNegative(modelFlops, "modelFlops");
    }
}
