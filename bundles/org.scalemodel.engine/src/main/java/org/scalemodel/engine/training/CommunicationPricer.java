package org.scalemodel.engine.training;

import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ParallelPlan;

/**
 * Prices a plan's collectives on the fabric, on the groups Megatron-LM forms: ranks ordered tensor
 * innermost, then context, then data (experts within data x context), then pipeline; so a tensor
 * group is {@code tp} adjacent devices, a data-parallel group strides over {@code tp} and a pipeline
 * neighbour is {@code tp x cp x dp} away. Expert layers regroup a stage's ranks as expert-tensor x
 * expert x the rest (Megatron-Core's parallel folding): an expert group strides over {@code etp}.
 */
final class CommunicationPricer {

    private final Fabric fabric;
    private final ParallelPlan plan;

    CommunicationPricer(Fabric fabric, ParallelPlan plan) {
        this.fabric = fabric;
        this.plan = plan;
    }

    /** @return seconds of all repetitions of {@code step} */
    double seconds(CommunicationStep step) {
        int group;
        long stride;
        switch (step.axis()) {
            case TENSOR -> {
                group = plan.tensor();
                stride = 1;
            }
            case CONTEXT -> {
                group = plan.context();
                stride = plan.tensor();
            }
            case DATA -> {
                group = plan.data() * plan.context();
                stride = plan.tensor();
            }
            case EXPERT -> {
                // parallel folding: expert groups follow the expert-tensor groups in rank order
                group = plan.expert();
                stride = plan.expertTensor();
            }
            case EXPERT_DATA -> {
                long ranks = (long) plan.tensor() * plan.data() * plan.context();
                group = (int) (ranks / ((long) plan.expert() * plan.expertTensor()));
                stride = (long) plan.expert() * plan.expertTensor();
            }
            case PIPELINE -> {
                group = plan.pipeline() > 1 ? 2 : 1;
                stride = (long) plan.tensor() * plan.context() * plan.data();
            }
            case EMBEDDING -> {
                // the first and the last stage, d = (pp - 1) stages apart. A fabric places a group of
                // two with stride s as if groups tiled the system, so that the pair leaves every
                // domain smaller than 2s; half the distance, rounded up, makes it leave exactly the
                // domains no larger than d, as the two ends do (and always fits the system)
                group = plan.pipeline() > 1 ? 2 : 1;
                long apart = (long) (plan.pipeline() - 1) * plan.tensor() * plan.context() * plan.data();
                stride = (apart + 2) / 2;
            }
            default -> throw new IllegalStateException("axis " + step.axis());
        }
        if (group <= 1) {
            return 0;
        }
        double seconds = step.collective() == Collective.ALL_TO_ALL
                ? fabric.allToAllSeconds(group, stride, step.bytes(), 1)
                : fabric.seconds(step.collective(), group, stride, step.bytes());
        return seconds * step.count();
    }
}
