package org.scalemodel.workload.transformer;

/**
 * How each micro-batch's weight gradients reach the gradients the data-parallel ranks reduce
 * ({@code framework.main-grads}).
 */
enum MainGrads {
    /**
     * The weight-gradient GEMMs accumulate into the main gradients themselves (Megatron-LM's
     * gradient-accumulation fusion, Transformer Engine's {@code fuse_wgrad_accumulation}): nothing
     * moves besides the GEMMs.
     */
    FUSED,
    /**
     * Each weight-gradient GEMM writes a 16-bit gradient that a kernel of its own then adds into the
     * main gradient, reading both and writing the sum, after every micro-batch's backward: autograd's
     * {@code AccumulateGrad} into {@code .grad} (DeepSpeed's engine, PyTorch DDP), or Megatron-LM's
     * DDP hook {@code param.main_grad.add_(param.grad.data)} before its fused accumulation.
     */
    ADDED,
    /**
     * DeepSpeed's BF16_Optimizer ({@code bf16_optimizer.py}, BLOOM's Megatron-DeepSpeed): after
     * every micro-batch's backward each BF16 gradient is cast to FP32 and added into its FP32 copy
     * ({@code update_hp_grads}), the FP32 gradients are all-reduced over the data-parallel ranks
     * ({@code _bf16_reduce_grads}), each rank updates its shard and the BF16 weights are all-gathered.
     */
    DEEPSPEED_BF16
}
