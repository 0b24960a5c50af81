package org.scalemodel.api.training;

import java.util.Objects;
import java.util.Optional;

import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.WorkloadSpec;

/**
 * A training question: this workload on this system, with this plan or the best one found.
 *
 * @param name        a name for reports
 * @param system      the system, resolved (a catalog system, possibly resized, or one built from a case)
 * @param workload    the workload and its generator
 * @param plan        the plan to evaluate; empty to let the planner search
 * @param trainTokens tokens of the whole training run, for time to train; 0 when not asked
 * @param search      the limits of a plan search
 */
public record TrainingScenario(String name, SystemSpec system, WorkloadSpec workload, Optional<ParallelPlan> plan,
        double trainTokens, SearchSpace search) {

    public TrainingScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(search, "search");
        if (!(trainTokens >= 0) || Double.isInfinite(trainTokens)) {
            throw new IllegalArgumentException("trainTokens must be finite and >= 0, got " + trainTokens);
        }
    }

    /** @return this scenario with {@code chosen} as its plan */
    public TrainingScenario withPlan(ParallelPlan chosen) {
        return new TrainingScenario(name, system, workload, Optional.of(chosen), trainTokens, search);
    }

    /** @return this scenario on another system (a what-if: another chip, network or scale) */
    public TrainingScenario on(SystemSpec other) {
        return new TrainingScenario(name, other, workload, plan, trainTokens, search);
    }
}
