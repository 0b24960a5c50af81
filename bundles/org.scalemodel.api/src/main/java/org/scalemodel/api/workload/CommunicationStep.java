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
 * @param bytes      nccl-tests size of one repetition (for all-gather and reduce-scatter the
 *                   gathered total, for the others the buffer per member), &gt;= 0
 * @param count      repetitions, &gt;= 1
 * @param phase      when it runs
 * @param overlap    what it hides behind
 */
public record CommunicationStep(String name, Collective collective, ParallelAxis axis, double bytes, int count,
        Phase phase, Overlap overlap) {

    public CommunicationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(collective, "collective");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(overlap, "overlap");
        WorkChecks.nonNegative(bytes, "bytes");
        WorkChecks.atLeastOne(count, "count");
    }

    /** An exposed forward step, as version 0.1 of this package described every collective. */
    public CommunicationStep(String name, Collective collective, ParallelAxis axis, double bytes, int count) {
        this(name, collective, axis, bytes, count, Phase.FORWARD, Overlap.NONE);
    }
}
