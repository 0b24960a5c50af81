package org.scalemodel.api.fabric;

/**
 * One dimension of a plan's parallelism: tensor, context, expert, data or pipeline, or any
 * name a workload uses.
 *
 * @param name the dimension's name, as reports show it (for example {@code tp})
 * @param size members of each of its groups, &gt;= 1
 */
public record ParallelDimension(String name, int size) {

    public ParallelDimension {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parallel dimension needs a name");
        }
        if (size < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + size);
        }
    }
}
