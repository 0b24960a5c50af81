package org.scalemodel.workload.transformer;

import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.plugin.ScalemodelPlugin;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.scalemodel.api.workload.WorkloadSpec;

/**
 * Workload plugin {@code transformer-training}: decoder-only transformers (dense and MoE) in
 * training. Parameters: {@code model} (layers, hidden, heads, kv-heads, head-dim, ffn-hidden,
 * activation, vocab, seq-len, tied-embeddings, moe, mla), {@code job} (global-batch, precision,
 * optimizer) and {@code framework} (overlap and storage behaviour); see the bundle's README.
 */
@Component
@ScalemodelPlugin(id = TransformerTraining.ID, name = "Transformer training (dense and MoE)")
public final class TransformerTraining implements WorkloadGenerator {

    /** The plugin id scenarios name. */
    public static final String ID = "transformer-training";

    @Override
    public IterationWork generate(WorkloadSpec spec, ParallelPlan plan, RandomGenerator random) {
        return IterationBuilder.build(JobReader.read(spec.parameters()), plan);
    }
}
