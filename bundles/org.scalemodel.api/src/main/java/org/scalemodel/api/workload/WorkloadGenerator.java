package org.scalemodel.api.workload;

import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a workload (for example transformer training) into the work of one iteration.
 *
 * <p>Register as a whiteboard service with {@link org.scalemodel.api.plugin.ScalemodelPlugin}; the
 * plugin id is what {@link WorkloadSpec#generatorId()} names. Implementations must be thread
 * safe, deterministic for a given {@code random}, and must not read the wall clock.
 */
@ConsumerType
public interface WorkloadGenerator {

    /**
     * @param spec   the workload, with this generator's parameters
     * @param plan   how the work is split across devices
     * @param random seeded by the engine; the only source of randomness allowed
     * @return the work of one iteration on one device; never null
     * @throws IllegalArgumentException if a parameter is missing or invalid, or the plan does
     *                                  not divide the workload; the message says which and why
     */
    IterationWork generate(WorkloadSpec spec, ParallelPlan plan, RandomGenerator random);
}
