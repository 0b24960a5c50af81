package com.acme.scalemodel.plugin;

import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.model.Collective;
import org.scalemodel.model.ParallelAxis;
import org.scalemodel.model.Precision;
import org.scalemodel.plugin.ScalemodelPlugin;
import org.scalemodel.workload.CommunicationStep;
import org.scalemodel.workload.ComputeStep;
import org.scalemodel.workload.IterationWork;
import org.scalemodel.workload.ParallelPlan;
import org.scalemodel.workload.WorkloadGenerator;
import org.scalemodel.workload.WorkloadSpec;

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
