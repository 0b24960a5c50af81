package org.scalemodel.workload.transformer;

/**
 * The layers' normalisation, which decides what it moves when the element-wise operators run one
 * by one (PyTorch eager): LayerNorm is one native kernel either way; RMSNorm is composed of several.
 */
enum Norm {
    /** LayerNorm, as GPT-3, BLOOM, OPT and MPT. */
    LAYERNORM,
    /** RMSNorm, as Llama and the models built like it. */
    RMSNORM
}
