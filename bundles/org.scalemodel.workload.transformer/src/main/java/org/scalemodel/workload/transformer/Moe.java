package org.scalemodel.workload.transformer;

/**
 * Mixture-of-experts layers.
 *
 * @param experts       routed experts per MoE layer
 * @param topK          routed experts per token
 * @param sharedFfn     FFN width of the shared expert(s) together, 0 for none
 * @param expertFfn     FFN width of one routed expert
 * @param denseLayers   the first layers that stay dense
 */
record Moe(int experts, int topK, long sharedFfn, long expertFfn, int denseLayers) {
}
