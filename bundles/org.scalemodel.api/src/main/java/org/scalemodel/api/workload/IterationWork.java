package org.scalemodel.api.workload;

import java.util.List;

import org.scalemodel.api.hardware.Efficiency;

/**
 * The work of one iteration, per pipeline stage.
 *
 * @param stages             one entry per pipeline stage, in order; at least one
 * @param microBatches       micro-batches each pipeline runs per iteration, &gt;= 1
 * @param virtualStages      model chunks per device (1 = plain 1F1B, more = interleaved), &gt;= 1
 * @param modelFlops         model FLOPs of the iteration on one device, averaged over the devices
 *                           (no recomputation; the numerator of MFU), &gt;= 0
 * @param hardwareFlops      FLOPs a device executes on average, recomputation included, &gt;= 0
 * @param tokens             tokens the whole job processes per iteration, &gt;= 0 (0 = not a token workload)
 * @param attentionKernel    the attention kernel the framework runs, as the parts' efficiencies name it
 *                           ({@code "fused"}: the part's own fused-attention figure)
 */
public record IterationWork(List<StageWork> stages, int microBatches, int virtualStages, double modelFlops,
        double hardwareFlops, double tokens, String attentionKernel) {

    public IterationWork {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an iteration needs at least one stage");
        }
        WorkChecks.atLeastOne(microBatches, "microBatches");
        WorkChecks.atLeastOne(virtualStages, "virtualStages");
        WorkChecks.nonNegative(modelFlops, "modelFlops");
        WorkChecks.nonNegative(hardwareFlops, "hardwareFlops");
        WorkChecks.nonNegative(tokens, "tokens");
        if (attentionKernel == null || attentionKernel.isBlank()) {
            attentionKernel = Efficiency.FUSED_ATTENTION;
        }
    }

    /** With the part's own fused attention (version 0.2 of this package named no kernel). */
    public IterationWork(List<StageWork> stages, int microBatches, int virtualStages, double modelFlops,
            double hardwareFlops, double tokens) {
        this(stages, microBatches, virtualStages, modelFlops, hardwareFlops, tokens, Efficiency.FUSED_ATTENTION);
    }

    /** One stage, one micro-batch, nothing held: how version 0.1 of this package described an iteration. */
    public IterationWork(List<ComputeStep> compute, List<CommunicationStep> communication, double modelFlops) {
        this(List.of(new StageWork(0, compute, communication, MemoryFootprint.NONE)), 1, 1, modelFlops, modelFlops, 0,
                Efficiency.FUSED_ATTENTION);
    }

    /** @return the compute steps of the first stage (the only one of a 0.1-style iteration) */
    public List<ComputeStep> compute() {
        return stages.get(0).compute();
    }

    /** @return the communication steps of the first stage */
    public List<CommunicationStep> communication() {
        return stages.get(0).communication();
    }
}
