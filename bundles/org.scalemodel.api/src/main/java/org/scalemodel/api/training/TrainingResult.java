package org.scalemodel.api.training;

import java.util.List;
import java.util.Objects;

import org.scalemodel.api.workload.ParallelPlan;

/**
 * The predicted iteration of one plan.
 *
 * @param systemId          the system
 * @param devices           devices the plan uses
 * @param plan              the plan
 * @param stepSeconds       time of one iteration
 * @param breakdown         the critical path split by part; the parts sum to {@code stepSeconds}
 * @param mfu               model FLOPs utilisation, 0 to 1, against {@code peakFlopsPerSecond}
 * @param hfu               hardware FLOPs utilisation (recomputation counted), 0 to 1
 * @param peakFlopsPerSecond the dense peak MFU is measured against
 * @param tokensPerSecond   tokens the whole job processes per second
 * @param timeToTrainSeconds time to train the scenario's tokens; NaN when none were given
 * @param memory            the fullest device's memory
 * @param notes             assumptions and warnings worth reading with the figures
 * @param stages            each pipeline stage's forward and backward time per micro-batch
 * @param tailSeconds       the once-per-iteration work after the pipeline drains (exposed gradient
 *                          synchronisation and the optimizer step)
 * @param operators         the compute of the stage that sets the pace, per iteration, by operator;
 *                          empty where the engine was not asked for it (plan search fills it for the
 *                          plans it returns only, to stay fast)
 */
public record TrainingResult(String systemId, long devices, ParallelPlan plan, double stepSeconds,
        List<TimeShare> breakdown, double mfu, double hfu, double peakFlopsPerSecond, double tokensPerSecond,
        double timeToTrainSeconds, MemoryUse memory, List<String> notes, List<StageTime> stages,
        double tailSeconds, List<OperatorTime> operators) {

    public TrainingResult {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(plan, "plan");
        breakdown = List.copyOf(breakdown);
        Objects.requireNonNull(memory, "memory");
        notes = List.copyOf(notes);
        stages = List.copyOf(stages);
        operators = List.copyOf(operators);
    }

    /** A result without the operator split, as version 0.2 of this package built one. */
    public TrainingResult(String systemId, long devices, ParallelPlan plan, double stepSeconds,
            List<TimeShare> breakdown, double mfu, double hfu, double peakFlopsPerSecond, double tokensPerSecond,
            double timeToTrainSeconds, MemoryUse memory, List<String> notes, List<StageTime> stages,
            double tailSeconds) {
        this(systemId, devices, plan, stepSeconds, breakdown, mfu, hfu, peakFlopsPerSecond, tokensPerSecond,
                timeToTrainSeconds, memory, notes, stages, tailSeconds, List.of());
    }

    /** @return tokens per second per device */
    public double tokensPerSecondPerDevice() {
        return tokensPerSecond / devices;
    }

    /** @return the seconds of one part of the breakdown, 0 when absent */
    public double seconds(String part) {
        return breakdown.stream().filter(s -> s.part().equals(part)).mapToDouble(TimeShare::seconds).sum();
    }
}
