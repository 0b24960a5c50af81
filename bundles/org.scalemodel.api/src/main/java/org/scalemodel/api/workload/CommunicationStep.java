package org.scalemodel.api.workload;

import java.util.Objects;

import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;

/**
 * One collective (or a repeated group of identical collectives) a device takes part in.
 *
 * @param name       what it is for, e.g. {@code "tp.attention.all-reduce"}
 * @param collective the operation
 * @param axis       the parallel group it runs in
 * @param bytes      message size per member of one repetition, &gt;= 0
 * @param count      repetitions per iteration, &gt;= 1
 */
public record CommunicationStep(String name, Collective collective, ParallelAxis axis, double bytes, int count) {

    public CommunicationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(collective, "collective");
        Objects.requireNonNull(axis, "axis");
        WorkChecks.nonNegative(bytes, "bytes");
        WorkChecks.atLeastOne(count, "count");
    }
}
