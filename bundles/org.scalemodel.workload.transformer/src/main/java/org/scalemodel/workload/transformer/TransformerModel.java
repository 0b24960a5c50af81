package org.scalemodel.workload.transformer;

import java.util.Optional;

/**
 * A decoder-only transformer.
 *
 * @param layers     transformer layers
 * @param hidden     model width h
 * @param heads      attention (query) heads
 * @param kvHeads    key-value heads (= heads for MHA, 1 for MQA, between for GQA)
 * @param headDim    dimension of one head
 * @param ffn        MLP width of a dense layer
 * @param activation the MLP's activation
 * @param vocab      vocabulary size
 * @param seqLen     training sequence length
 * @param tiedEmbeddings whether the output layer shares the input embedding's weights
 * @param moe        the MoE layers, if any
 * @param mla        latent attention, if used instead of MHA/GQA
 * @param norm       the layers' normalisation
 * @param rotary     whether queries and keys are rotated (RoPE) in every layer
 * @param biases     whether every linear layer adds a bias (GPT-3, BLOOM, OPT, MPT) or none does (Llama)
 */
record TransformerModel(int layers, long hidden, int heads, int kvHeads, long headDim, long ffn, Activation activation,
        long vocab, long seqLen, boolean tiedEmbeddings, Optional<Moe> moe, Optional<Mla> mla, Norm norm,
        boolean rotary, boolean biases) {

    /** The weight matrices of a dense layer: the fused query-key-value and output projections, then the MLP's. */
    int matricesPerLayer() {
        return 2 + activation.matrices();
    }

    /**
     * @return the parameter tensors of a dense layer, as a framework that handles parameters one
     *         by one sees them: each weight matrix, its bias where the model has them, and the two
     *         norms' weights (and, for LayerNorm, their biases)
     */
    int tensorsPerLayer() {
        int norms = norm == Norm.LAYERNORM ? 4 : 2;
        return matricesPerLayer() * (biases ? 2 : 1) + norms;
    }

    /** @return width of all query heads together */
    long queryWidth() {
        return mla.map(m -> heads * (m.qkNopeDim() + m.qkRopeDim())).orElse((long) heads * headDim);
    }

    /** @return width of all value heads together */
    long valueWidth() {
        return mla.map(m -> heads * m.vHeadDim()).orElse((long) heads * headDim);
    }

    /** @return width of all key-value heads together (one of K or V) */
    long kvWidth() {
        return (long) kvHeads * headDim;
    }

    /** @return weights of one layer's attention (projections; norms ignored) */
    double attentionParameters() {
        double h = hidden;
        if (mla.isPresent()) {
            Mla m = mla.get();
            double qk = m.qkNopeDim() + m.qkRopeDim();
            double q = m.qLoraRank() > 0 ? m.qLoraRank() * (h + heads * qk) : h * heads * qk;
            double kv = h * (m.kvLoraRank() + m.qkRopeDim()) + m.kvLoraRank() * heads * (m.qkNopeDim() + m.vHeadDim());
            return q + kv + (double) heads * m.vHeadDim() * h;
        }
        return h * (queryWidth() + 2.0 * kvWidth()) + (double) queryWidth() * h;
    }

    /** @return whether layer {@code index} (0-based) is a MoE layer */
    boolean isMoeLayer(int index) {
        return moe.isPresent() && index >= moe.get().denseLayers();
    }

    /** @return weights of one dense MLP */
    double denseMlpParameters() {
        return (double) activation.matrices() * hidden * ffn;
    }

    /** @return weights of all experts (routed and shared) of one MoE layer, and its router */
    double moeMlpParameters() {
        Moe m = moe.orElseThrow();
        return (double) activation.matrices() * hidden * ((double) m.experts() * m.expertFfn() + m.sharedFfn())
                + (double) hidden * m.experts();
    }

    /** @return the part of one MoE layer's weights a token uses (top-k experts, shared, router) */
    double moeActiveParameters() {
        Moe m = moe.orElseThrow();
        return (double) activation.matrices() * hidden * ((double) m.topK() * m.expertFfn() + m.sharedFfn())
                + (double) hidden * m.experts();
    }

    /** @return weights of the embedding and (if untied) the output layer */
    double embeddingParameters() {
        return (tiedEmbeddings ? 1.0 : 2.0) * vocab * hidden;
    }

    /** @return every weight of the model */
    double totalParameters() {
        double total = embeddingParameters();
        for (int i = 0; i < layers; i++) {
            total += attentionParameters() + (isMoeLayer(i) ? moeMlpParameters() : denseMlpParameters());
        }
        return total;
    }

    /** @return the weights one token passes through (MoE: top-k experts only) */
    double activeParameters() {
        double total = embeddingParameters();
        for (int i = 0; i < layers; i++) {
            total += attentionParameters() + (isMoeLayer(i) ? moeActiveParameters() : denseMlpParameters());
        }
        return total;
    }

    /**
     * Model FLOPs of one token in training (forward and backward, no recomputation), counting
     * the attention scores over the full sequence as Narayanan et al. 2021, Korthikanti et al.
     * 2022 and PaLM do (no causal halving), and the output layer; the embedding lookup costs none.
     */
    double modelFlopsPerToken() {
        double perToken = 0;
        for (int i = 0; i < layers; i++) {
            double weights = attentionParameters() + (isMoeLayer(i) ? moeActiveParameters() : denseMlpParameters());
            perToken += 6 * weights + 6.0 * seqLen * (queryWidth() + valueWidth());
        }
        return perToken + 6.0 * hidden * vocab;
    }
}
