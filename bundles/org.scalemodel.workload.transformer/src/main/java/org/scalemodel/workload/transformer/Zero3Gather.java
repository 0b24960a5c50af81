package org.scalemodel.workload.transformer;

/**
 * How ZeRO-3 / FSDP gathers a layer's weights and reduces its gradients, and what that moves on
 * the device besides the collectives ({@code framework.zero3-gather}).
 */
enum Zero3Gather {
    /**
     * One all-gather a layer straight into the flat parameter the layer computes from, and one
     * reduce-scatter a layer from the flat gradient (FSDP1's FlatParameter): nothing copied around
     * them; a backward keeps the gathered layer through its recompute.
     */
    PER_LAYER,
    /**
     * One all-gather a layer through a flat buffer, copied out into each parameter, and each
     * gradient copied into one flat buffer for the layer's reduce-scatter, cast to the reduction's
     * precision on the way (FSDP2's per-parameter sharding, as torchtitan runs it:
     * {@code foreach_all_gather} copies the rank's shards in, {@code foreach_all_gather_copy_out}
     * splits the output into the parameters, {@code foreach_reduce_scatter_copy_in} chunk-cats
     * the gradients).
     */
    PER_LAYER_COPIED,
    /**
     * One all-gather per weight matrix each time a module runs, so a recomputed forward gathers
     * again, and one reduce-scatter per parameter, with their device copies (DeepSpeed's ZeRO-3
     * of 2021).
     */
    PER_TENSOR
}
