package org.scalemodel.workload.transformer;

/**
 * What the training software overlaps and how it stores things: properties of the framework
 * (Megatron-LM, NeMo, DeepSpeed, FSDP), not of the plan.
 *
 * @param overlapGradReduce  bucketed gradient reduction runs during the last backward (Megatron
 *                           {@code --overlap-grad-reduce}, PyTorch DDP buckets)
 * @param overlapParamGather the distributed optimizer's parameter all-gather runs during the next
 *                           forward ({@code --overlap-param-gather})
 * @param tpCommOverlap      tensor-parallel collectives overlap the GEMMs ({@code --tp-comm-overlap})
 * @param flashAttention     fused attention (no materialised scores); false for 2021-22 Megatron
 * @param dropout            dropout layers (and their masks) present
 * @param gradReduceBytes    bytes per gradient element in data-parallel reduction (4: FP32 main
 *                           gradients, Megatron's default under BF16; 2: reduced in 16 bits)
 * @param crossEntropyFusion the softmax cross-entropy runs as fused kernels (Megatron
 *                           {@code --cross-entropy-loss-fusion}, NeMo {@code cross_entropy_loss_fusion});
 *                           off, it is PyTorch operators over FP32 logits
 * @param attentionKernel    the fused-attention kernel the framework runs, as the parts' efficiencies
 *                           name it: {@code fused} (the vendor stack's, cuDNN through Transformer
 *                           Engine on NVIDIA) or, for example, {@code flash-attention-2}
 * @param fp8Params          under FP8, the layers' primary weights are FP8 tensors (NeMo
 *                           {@code fp8_params}, Megatron {@code --fp8-param-gather}): no BF16 copy beside
 *                           the FP8 weight and its transpose, and the distributed optimizer gathers
 *                           them in FP8; the optimizer's FP32 master copy is unchanged. Under
 *                           ZeRO-3 / FSDP only what is gathered changes: the shard each rank keeps
 *                           is counted as without it
 * @param eagerElementwise   the element-wise operators run one PyTorch kernel each (eager mode, no
 *                           torch.compile): RMSNorm, RoPE and SwiGLU move what their PyTorch
 *                           compositions move instead of what one fused kernel reads and writes
 * @param zero3Gather        how ZeRO-3 gathers and reduces: one gather and one reduce-scatter per
 *                           layer (FSDP's wrapping unit), which a backward keeps through its
 *                           recompute, in place (FSDP1) or through copied flat buffers (FSDP2); or
 *                           each weight matrix with its own collective, each time a module runs, so
 *                           a recomputed forward gathers again, as DeepSpeed's ZeRO-3 of 2021 did
 *                           (partition_parameters.py {@code _allgather_param}: one
 *                           {@code torch.distributed.all_gather} per parameter, after a
 *                           {@code torch.cuda.synchronize()}; norms and biases, under its
 *                           persistence threshold, stay resident), reduce-scattering each
 *                           parameter's gradient with its own collective, theirs included
 *                           ({@code _reduce_scatter_gradients})
 * @param overlapP2p         the pipeline's sends and receives run beside the compute of another
 *                           model chunk (Megatron {@code --overlap-p2p-communication}, NeMo
 *                           {@code overlap_p2p_comm}); Megatron does so only in its interleaved
 *                           schedule, so a plan without virtual stages still waits for them
 * @param torchaoFp8Casts    under FP8, each linear casts its operands with torchao's dynamic
 *                           per-tensor scaling, whose kernels move what torchao's own roofline
 *                           counts ({@code torchao/float8/roofline_utils.py}): the input's absolute
 *                           maximum fused into the operator before it, then a cast that reads BF16
 *                           and writes FP8 twice (row- and column-major), 4 B per input element;
 *                           the weight's maximum and cast, 6 B per weight element; the output
 *                           gradient's, 4 B per element; false: the casts ride in neighbouring
 *                           kernels (Transformer Engine fuses them into the norms and activations)
 * @param mainGrads         how each micro-batch's weight gradients reach the reduced gradients:
 *                           fused into the weight-gradient GEMMs (Megatron's gradient-accumulation
 *                           fusion), added by a kernel of their own, or DeepSpeed's BF16_Optimizer's
 *                           FP32 copies ({@link MainGrads})
 * @param sequentialP2p      a pipeline stage exchanges with a neighbour by a blocking receive, then
 *                           a blocking send (DeepSpeed's pipeline engine: p2p.recv, p2p.send), each
 *                           a transfer time of its own; false: the send and the receive run together
 *                           (Megatron's _communicate: one batch of isend and irecv), so the
 *                           activation out and the gradient in cross the full-duplex link at once
 * @param foreachOptimizer   the Adam step runs one multi-tensor kernel for each operation of the
 *                           update, each a pass over the state (PyTorch's {@code _multi_tensor_adamw},
 *                           torchtitan's and LLM Foundry's default), where false is one fused pass
 * @param separateBiasGrads  a model with biases reduces each biased linear's output gradient over
 *                           the tokens with a kernel of its own (PyTorch's linear backward,
 *                           {@code grad_output.sum(0)}; Megatron-LM's bias-GeLU and
 *                           bias-dropout-add before Transformer Engine), where false is the
 *                           reduction in the weight-gradient GEMM's epilogue (Transformer Engine)
 */
record Framework(boolean overlapGradReduce, boolean overlapParamGather, boolean tpCommOverlap, boolean flashAttention,
        boolean dropout, int gradReduceBytes, boolean crossEntropyFusion, String attentionKernel, boolean fp8Params,
        boolean eagerElementwise, Zero3Gather zero3Gather, boolean overlapP2p, boolean torchaoFp8Casts,
        MainGrads mainGrads, boolean sequentialP2p, boolean foreachOptimizer, boolean separateBiasGrads) {

    /** The main gradients are DeepSpeed's BF16_Optimizer's FP32 copies, all-reduced, not reduce-scattered. */
    boolean deepSpeedBf16() {
        return mainGrads == MainGrads.DEEPSPEED_BF16;
    }
}
