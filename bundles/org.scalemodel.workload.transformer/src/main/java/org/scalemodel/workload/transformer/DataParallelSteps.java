package org.scalemodel.workload.transformer;

import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.workload.Overlap;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Phase;
import org.scalemodel.api.workload.Recompute;

/**
 * A stage's data-parallel work: the gradient reduction and weight gathering its ZeRO stage and
 * framework call for (Megatron's distributed optimizer, FSDP, DeepSpeed's ZeRO-3 of 2021 and its
 * BF16_Optimizer), a tied embedding's reduction between the first and the last stage, and the
 * optimizer step.
 */
final class DataParallelSteps {

    private static final double ACT = IterationBuilder.ACT;
    /**
     * Bytes an Adam step moves per parameter it updates: reads master, m, v and the gradient
     * (4 x 4), writes master, m, v (3 x 4) and the 16-bit weight (2); assumed, from the state sizes.
     */
    private static final double ADAM_STEP_BYTES = 30;
    /**
     * Bytes PyTorch's multi-tensor AdamW ({@code torch/optim/adamw.py _multi_tensor_adamw}) moves per
     * parameter, one pass per operation over FP32 tensors: the first moment's lerp towards the
     * gradient (read 8, write 4), the second moment's scaling (8) and addcmul with the gradient
     * squared (read 8, write 4), the weight decay's scaling of the parameter (8), the square root, the
     * bias correction's division and the epsilon's addition (8 each), and the addcdiv into the
     * parameter (read 12, write 4): 82.
     */
    private static final double FOREACH_ADAM_STEP_BYTES = 82;
    /**
     * Bytes DeepSpeed's BF16_Optimizer moves per parameter after every micro-batch's backward
     * ({@code update_hp_grads}: {@code hp_grad.add_(lp.grad.to(float32))}): the cast reads the BF16
     * gradient and writes an FP32 copy (2 + 4), the addition reads it and the FP32 gradient and
     * writes the sum (4 + 4 + 4).
     */
    private static final double FP32_COPY_ACCUMULATION_BYTES = 18;

    private final TrainingJob job;
    private final TransformerModel model;
    private final ParallelPlan plan;
    private final Precision act;

    DataParallelSteps(TrainingJob job, ParallelPlan plan, Precision act) {
        this.job = job;
        this.model = job.model();
        this.plan = plan;
        this.act = act;
    }

    /**
     * Gradient reduction, parameter gathering and the optimizer step: dense weights over the data
     * x context ranks, expert weights over their own replicas (the expert-data-parallel group).
     */
    void add(StageSteps steps, double denseParams, double expertParams, int layers, double embedding,
            double expertShard) {
        double shard = (double) plan.data() * plan.context();
        synchronise(steps, "dp", ParallelAxis.DATA, denseParams, embedding, shard, layers);
        synchronise(steps, "edp", ParallelAxis.EXPERT_DATA, expertParams, 0, expertShard, layers);
        if (job.framework().deepSpeedBf16()) {
            // after every micro-batch's backward, update_hp_grads casts each BF16 gradient to FP32
            // (read 2, write 4) and adds it into the FP32 copy (read 4 and 4, write 4)
            steps.memory("main-grads.backward.fp32-accumulation", Phase.BACKWARD,
                    (denseParams + expertParams) * FP32_COPY_ACCUMULATION_BYTES, Precision.FP32, 1);
        }
        // the main gradients' element is the reduction's (grad-reduce-bytes)
        int mainBytes = job.framework().gradReduceBytes();
        Precision mainPrecision = mainBytes == 2 ? act : Precision.FP32;
        if (!job.framework().deepSpeedBf16() && plan.zeroStage() <= 1) {
            // the whole gradient buffer is zeroed before the first micro-batch (Megatron's
            // zero_grad_buffer: write) and scaled by 1/dp before its reduction (Megatron's
            // gradient_scaling_factor, DeepSpeed's averaging: read and write), every iteration
            steps.memory("main-grads.zero-and-scale", Phase.ITERATION, (denseParams + expertParams) * 3.0 * mainBytes,
                    mainPrecision, 1);
        }
        if (job.framework().mainGrads() == MainGrads.ADDED) {
            // after every micro-batch's backward a kernel of its own adds each 16-bit weight gradient
            // into the main gradient: reads both, writes the sum; PlanChecks keeps this to unsharded
            // gradients
            steps.memory("main-grads.backward.accumulation", Phase.BACKWARD,
                    (denseParams + expertParams) * (ACT + 2.0 * mainBytes), mainPrecision, 1);
        }
        if (model.tiedEmbeddings() && plan.pipeline() > 1 && embedding > 0) {
            // a tied embedding lives on the first and the last stage: after the backward its gradient
            // is all-reduced between them, before the optimizer step (Megatron's
            // _allreduce_word_embedding_grads, DeepSpeed's ReduceTiedGrads, FP32 under its
            // BF16_Optimizer, whose grad-reduce-bytes JobReader holds at 4); under ZeRO-3 each rank
            // reduces its shard
            double held = plan.zeroStage() == 3 ? embedding / shard : embedding;
            steps.collective("pp.tied-embedding-all-reduce", Collective.ALL_REDUCE, ParallelAxis.EMBEDDING,
                    held * job.framework().gradReduceBytes(), 1, Phase.ITERATION, Overlap.NONE);
        }
        double updated = plan.zeroStage() == 0 ? denseParams + expertParams
                : denseParams / shard + expertParams / expertShard;
        steps.memory("optimizer.adam-step", Phase.ITERATION,
                updated * (job.framework().foreachOptimizer() ? FOREACH_ADAM_STEP_BYTES : ADAM_STEP_BYTES), Precision.FP32, 1);
    }

    /**
     * @param embedding the part of {@code params} that is the embedding or output layer: gathered in
     *                  16 bits even where the layers' weights are FP8
     */
    private void synchronise(StageSteps steps, String prefix, ParallelAxis axis, double params, double embedding,
            double replicas, int layers) {
        if (params <= 0 || replicas <= 1) {
            return;
        }
        int gradBytes = job.framework().gradReduceBytes();
        // the bytes the weights are gathered in: FP8 primary weights are gathered as FP8
        double gathered = job.framework().fp8Params() ? (params - embedding) + embedding * ACT : params * ACT;
        if (job.framework().deepSpeedBf16()) {
            // DeepSpeed's BF16_Optimizer all-reduces its FP32 gradients (_bf16_reduce_grads; JobReader
            // holds grad-reduce-bytes at 4 for it) after the last backward, each rank updates its shard
            // of the FP32 weights and the BF16 weights are all-gathered back (all_gather_dp_groups)
            // before the next forward: the pipeline engine's ReduceGrads and OptimizerStep are steps
            // of their own, beside no compute
            steps.collective(prefix + ".grad-all-reduce", Collective.ALL_REDUCE, axis, params * gradBytes, 1,
                    Phase.ITERATION, Overlap.NONE);
            steps.collective(prefix + ".param-all-gather", Collective.ALL_GATHER, axis, gathered, 1, Phase.ITERATION,
                    Overlap.NONE);
            return;
        }
        Overlap afterBackward = job.framework().overlapGradReduce() ? Overlap.LAST_BACKWARD : Overlap.NONE;
        Overlap beforeForward = job.framework().overlapParamGather() ? Overlap.FIRST_FORWARD : Overlap.NONE;
        switch (plan.zeroStage()) {
            case 0 -> bucketed(steps, prefix + ".grad-all-reduce", Collective.ALL_REDUCE, axis, params,
                    params * gradBytes, afterBackward);
            case 1, 2 -> {
                bucketed(steps, prefix + ".grad-reduce-scatter", Collective.REDUCE_SCATTER, axis, params,
                        params * gradBytes, afterBackward);
                bucketed(steps, prefix + ".param-all-gather", Collective.ALL_GATHER, axis, params, gathered,
                        beforeForward);
            }
            default -> everyMicroBatch(steps, prefix, axis, params, gathered, gradBytes, layers, replicas);
        }
    }

    /**
     * A reduction or gather of the whole buffer, bucket by bucket: overlapped, all buckets but one
     * hide behind the compute they run beside, and one cannot: the last gradient bucket is ready
     * only when the backward ends, the first weight bucket is needed before the forward starts
     * (T_exposed = max(0, T_comm - window) + T_comm(last bucket)). Buckets of Megatron-Core's
     * default size, max(40M, 1M x dp) parameters (DistributedDataParallel's bucket_size).
     */
    private void bucketed(StageSteps steps, String name, Collective collective, ParallelAxis axis, double params,
            double bytes, Overlap overlap) {
        if (overlap == Overlap.NONE) {
            steps.collective(name, collective, axis, bytes, 1, Phase.ITERATION, Overlap.NONE);
            return;
        }
        double bucket = Math.min(1, Math.max(40e6, 1e6 * plan.data()) / params);
        if (bucket < 1) {
            steps.collective(name, collective, axis, bytes * (1 - bucket), 1, Phase.ITERATION, overlap);
        }
        steps.collective(name + ".edge", collective, axis, bytes * bucket, 1, Phase.ITERATION, Overlap.NONE);
    }

    /**
     * FSDP / ZeRO-3: every micro-batch gathers the weights in forward and again in backward and
     * reduce-scatters the gradients, one layer (FSDP's wrapping unit, ZeRO-3's module) at a time so
     * each pays its collective latency; prefetched when the framework overlaps parameter gathering
     * and gradient reduction.
     */
    private void everyMicroBatch(StageSteps steps, String prefix, ParallelAxis axis, double params, double gathered,
            int gradBytes, int layers, double replicas) {
        Overlap gather = job.framework().overlapParamGather() ? Overlap.SAME_PHASE : Overlap.NONE;
        Overlap reduce = job.framework().overlapGradReduce() ? Overlap.SAME_PHASE : Overlap.NONE;
        int units = Math.max(1, layers);
        boolean perTensor = job.framework().zero3Gather() == Zero3Gather.PER_TENSOR;
        // gathered one weight matrix at a time, each paying the latency (DeepSpeed's ZeRO-3 of
        // 2021): the matrices split the layer's bytes, so one pass moves what a per-layer one does;
        // norm weights and biases, under its stage3_param_persistence_threshold (100,000
        // elements), stay resident and are not gathered
        int gathers = perTensor ? units * model.matricesPerLayer() : units;
        // prefetched, each gather hides behind the unit before it, but the first of a forward has
        // none before it (and the last reduction of a backward none after it, below)
        edgeExposed(steps, prefix + ".fsdp-param-all-gather", Collective.ALL_GATHER, axis, gathered / gathers, gathers,
                Phase.FORWARD, gather);
        // a module gathered per call gathers again for a recomputed forward, which moves the
        // weights a third time (assumed released in between: DeepSpeed keeps at most
        // stage3_max_live_parameters, default 1e9, which one layer of these models exceeds)
        boolean regather = perTensor && plan.recompute() == Recompute.FULL;
        steps.collective(prefix + ".fsdp-param-all-gather", Collective.ALL_GATHER, axis, gathered / gathers,
                regather ? 2 * gathers : gathers, Phase.BACKWARD, gather);
        // DeepSpeed's ZeRO-3 of 2021 reduce-scatters each parameter's gradient with its own
        // collective (partition_parameters.py _reduce_scatter_gradients: one
        // torch.distributed.reduce_scatter per parameter of the bucket), the resident norms'
        // and biases' too: every one pays a ring's latency; the matrices carry the bytes
        int reductions = perTensor ? units * model.tensorsPerLayer() : units;
        edgeExposed(steps, prefix + ".fsdp-grad-reduce-scatter", Collective.REDUCE_SCATTER, axis,
                params * gradBytes / reductions, reductions, Phase.BACKWARD, reduce);
        switch (job.framework().zero3Gather()) {
            case PER_TENSOR -> zero3Copies(steps, prefix, gathered, regather, params * gradBytes);
            case PER_LAYER_COPIED -> fsdp2Copies(steps, prefix, gathered, params, replicas, gradBytes);
            case PER_LAYER -> {
                // FSDP1's flat parameter is gathered into and reduced from in place
            }
        }
    }

    /**
     * {@code count} collectives of a micro-batch's passes, overlapped but for the one at each pass's
     * edge: a stage runs a forward and a backward for each of its v model chunks, and FSDP does not
     * prefetch from one chunk's pass into the next.
     */
    private void edgeExposed(StageSteps steps, String name, Collective collective, ParallelAxis axis,
            double bytes, int count, Phase phase, Overlap overlap) {
        int edges = Math.min(count, plan.virtualStages());
        if (overlap == Overlap.NONE || count == edges) {
            steps.collective(name, collective, axis, bytes, count, phase, Overlap.NONE);
            return;
        }
        steps.collective(name, collective, axis, bytes, count - edges, phase, overlap);
        steps.collective(name + ".edge", collective, axis, bytes, edges, phase, Overlap.NONE);
    }

    /**
     * The copies around FSDP2's per-layer collectives, on the device (PyTorch's
     * {@code _fsdp_collectives.py}): each gather copies the rank's shards into the flat input
     * ({@code foreach_all_gather}, read and write of 1/n of the gathered bytes) and splits the flat
     * output into the parameters ({@code foreach_all_gather_copy_out}, read and write of all of
     * them), in the forward and again in the backward; each reduction chunk-cats the gradients
     * into one flat input in the reduction's precision ({@code foreach_reduce_scatter_copy_in}:
     * each read in the weights' 16 bits and written in {@code gradBytes}). The reduced shard, 1/n
     * of them, is too small to price.
     */
    private void fsdp2Copies(StageSteps steps, String prefix, double gatheredBytes, double params, double ranks,
            int gradBytes) {
        double perGather = 2 * gatheredBytes * (1 + 1 / ranks);
        steps.memory(prefix + ".fsdp2-gather-copies", Phase.FORWARD, perGather, act, 1);
        steps.memory(prefix + ".fsdp2-gather-copies", Phase.BACKWARD, perGather, act, 1);
        steps.memory(prefix + ".fsdp2-reduce-copies", Phase.BACKWARD, params * (ACT + gradBytes), act, 1);
    }

    /**
     * The copies around DeepSpeed's 2021 per-tensor collectives, on the device: each gather
     * zero-fills the whole tensor ({@code torch.zeros} in {@code _allgather_param}) and PyTorch's
     * all-gather into a list of tensors copies every rank's part out of its flat buffer (1.8-1.9
     * {@code ProcessGroupNCCL::allgather}): 3 bytes moved per gathered byte; the reduction copies
     * each gradient into the bucket ({@code contiguous_gradients}), divides it in place
     * ({@code average_tensor}) and PyTorch copies the list into a flat buffer
     * ({@code ::reduce_scatter}): 6 bytes per reduced byte.
     */
    private void zero3Copies(StageSteps steps, String prefix, double gatheredBytes, boolean regather,
            double reducedBytes) {
        steps.memory(prefix + ".zero3-gather-copies", Phase.FORWARD, 3 * gatheredBytes, act, 1);
        steps.memory(prefix + ".zero3-gather-copies", Phase.BACKWARD, 3 * gatheredBytes * (regather ? 2 : 1), act, 1);
        steps.memory(prefix + ".zero3-reduce-copies", Phase.BACKWARD, 6 * reducedBytes, act, 1);
    }
}
