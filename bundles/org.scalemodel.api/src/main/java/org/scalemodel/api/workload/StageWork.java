package org.scalemodel.api.workload;

import java.util.List;
import java.util.Objects;

/**
 * The work of one device in one pipeline stage. Steps in the {@link Phase#FORWARD},
 * {@link Phase#BACKWARD} and {@link Phase#RECOMPUTE} phases happen once per micro-batch (for all
 * of the device's virtual stages together); {@link Phase#ITERATION} steps once per iteration.
 *
 * @param stage         the stage index, 0 = first
 * @param compute       compute steps
 * @param communication communication steps
 * @param memory        what a device of this stage holds at its peak
 */
public record StageWork(int stage, List<ComputeStep> compute, List<CommunicationStep> communication,
        MemoryFootprint memory) {

    public StageWork {
        if (stage < 0) {
            throw new IllegalArgumentException("stage must be >= 0, got " + stage);
        }
        compute = List.copyOf(compute);
        communication = List.copyOf(communication);
        Objects.requireNonNull(memory, "memory");
    }
}
