package com.acme.scalemodel.plugin;

import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.plugin.ScalemodelPlugin;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ComputeStep;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.scalemodel.api.workload.WorkloadSpec;

/** One square BF16 matrix multiply of size {@code n}, split by tensor parallelism, then an all-reduce. */
@Component
@ScalemodelPlugin(id = "acme-matmul", name = "Acme matrix multiply")
public final class AcmeMatmul implements WorkloadGenerator {

    @Override
    public IterationWork generate(WorkloadSpec spec, ParallelPlan plan, RandomGenerator random) {
        if (!(spec.parameters().get("n") instanceof Number n) || n.doubleValue() <= 0) {
            throw new IllegalArgumentException("parameter n: expected a positive number, got " + spec.parameters().get("n"));
        }
        double size = n.doubleValue();
        double flops = 2 * size * size * size / plan.tensor();
        double bytes = 3 * size * size * 2 / plan.tensor();
        return new IterationWork(List.of(new ComputeStep("matmul", flops, bytes, Precision.BF16, 1)),
                List.of(new CommunicationStep("tp.all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR,
                        size * size * 2, 1)), flops);
    }
}
