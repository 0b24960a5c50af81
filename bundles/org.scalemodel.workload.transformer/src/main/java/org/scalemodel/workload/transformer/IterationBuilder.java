package org.scalemodel.workload.transformer;

import java.util.ArrayList;
import java.util.List;

import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.MemoryFootprint;
import org.scalemodel.api.workload.Overlap;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Phase;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.StageWork;

/**
 * Turns a job and a plan into the work of one device per pipeline stage. The operator shapes
 * follow Megatron-LM (Shoeybi et al. 2019; Narayanan et al. 2021, Sec. 2-3); communication volumes
 * and activation memory follow Korthikanti et al. 2022 (Sec. 4, Table 2); model-state bytes the
 * Megatron distributed-optimizer table and ZeRO (Rajbhandari et al. 2019, Sec. 3.1). The formulas
 * are collected in {@code shared/reference/modelling-formulas.md}.
 */
final class IterationBuilder {

    /** Bytes of a 16-bit activation. */
    static final double ACT = 2;
    /** Adam's FP32 master weights and two moments. */
    private static final double ADAM_BYTES = 12;
    /**
     * Bytes torchtitan's eager RMSNorm moves per element, forward (torchtitan/models/norms.py,
     * {@code RMSNorm}: {@code x.float()} reads 2 and writes 4, {@code pow(2)} reads 4 and writes 4,
     * {@code mean} reads 4, {@code x * rsqrt} reads 4 and writes 4, {@code type_as} reads 4 and
     * writes 2, {@code * weight} reads 2 and writes 2): 36, against 4 for one fused kernel.
     */
    private static final double EAGER_RMSNORM_BYTES = 36;
    /**
     * Bytes Llama's eager rotary embedding moves per query or key element, forward (torchtitan and
     * Meta's reference {@code apply_rotary_emb}: {@code xq.float()} reads 2 and writes 4, the
     * complex product reads 4 and writes 4, {@code type_as} reads 4 and writes 2): 20, against 4
     * for one fused kernel.
     */
    private static final double EAGER_ROTARY_BYTES = 20;

    private final TrainingJob job;
    private final TransformerModel model;
    private final ParallelPlan plan;
    private final int t;
    private final int p;
    private final int v;
    private final boolean sp;
    /** Tokens of one micro-batch on one rank (the sequence split by context parallelism). */
    private final double n;
    /** Tokens each rank holds outside the tensor-parallel regions (split by t under SP). */
    private final double nOutside;
    private final Precision gemm;
    private final Precision act;
    private final DataParallelSteps dataParallel;
    private final Overlap tpOverlap;
    /** Where each model chunk starts (a running sum of {@link #layersIn}), computed once per build. */
    private final int[] chunkStart;
    /** Steps already built, by layer mix and ends. */
    private final java.util.Map<Long, StageSteps> built = new java.util.HashMap<>();

    private IterationBuilder(TrainingJob job, ParallelPlan plan) {
        this.job = job;
        this.model = job.model();
        this.plan = plan;
        this.t = plan.tensor();
        this.p = plan.pipeline();
        this.v = plan.virtualStages();
        this.sp = plan.sequenceParallel() && t > 1;
        this.n = (double) plan.microBatch() * model.seqLen() / plan.context();
        this.nOutside = sp ? n / t : n;
        this.gemm = job.precision();
        this.act = job.activationPrecision();
        this.dataParallel = new DataParallelSteps(job, plan, act);
        this.tpOverlap = job.framework().tpCommOverlap() ? Overlap.SAME_PHASE : Overlap.NONE;
        this.chunkStart = chunkStarts();
    }

    static IterationWork build(TrainingJob job, ParallelPlan plan) {
        String problem = PlanChecks.problem(job, plan);
        if (problem != null) {
            throw new IllegalArgumentException("plan " + plan.label() + ": " + problem);
        }
        return new IterationBuilder(job, plan).build();
    }

    private IterationWork build() {
        List<StageWork> stages = new ArrayList<>(p);
        for (int stage = 0; stage < p; stage++) {
            stages.add(stage(stage));
        }
        double tokens = (double) job.globalBatch() * model.seqLen();
        double devices = plan.devices();
        double modelFlops = model.modelFlopsPerToken() * tokens / devices;
        double hardwareFlops = (model.modelFlopsPerToken() + recomputeFlopsPerToken()) * tokens / devices;
        return new IterationWork(stages, plan.microBatches(), v, modelFlops, hardwareFlops, tokens,
                job.framework().attentionKernel());
    }

    /** Forward FLOPs redone per token, counted as the model FLOPs are (full attention scores). */
    private double recomputeFlopsPerToken() {
        double scores = 2.0 * model.seqLen() * (model.queryWidth() + model.valueWidth());
        return switch (plan.recompute()) {
            case NONE -> 0;
            // a fused kernel's own recomputation of the scores counts as neither model nor hardware FLOPs
            case SELECTIVE -> job.framework().flashAttention() ? 0 : model.layers() * scores;
            case SELECTIVE_OP -> 2.0 * everyOtherMatmulParameters()
                    + (job.framework().flashAttention() ? 0 : model.layers() * scores);
            case FULL -> (model.modelFlopsPerToken() - 6.0 * model.hidden() * model.vocab()) / 3;
        };
    }

    /**
     * Weights per token, over all layers, of the matrix multiplications {@link #everyOtherMatmul}
     * redoes (2 FLOPs each): half of MLA's projections or wk and wo, and one FFN-wide matrix of the
     * dense MLP, or of each routed expert a token visits and of the shared expert.
     */
    private double everyOtherMatmulParameters() {
        long h = model.hidden();
        double attention = model.mla().isPresent() ? model.attentionParameters() / 2.0
                : h * ((double) model.kvWidth() + model.valueWidth());
        double total = 0;
        for (int layer = 0; layer < model.layers(); layer++) {
            double ffn = model.ffn();
            if (model.isMoeLayer(layer)) {
                Moe m = model.moe().get();
                ffn = (double) m.topK() * m.expertFfn() + m.sharedFfn();
            }
            total += attention + h * ffn;
        }
        return total;
    }

    private StageWork stage(int stage) {
        int dense = 0;
        int moe = 0;
        for (int chunk = 0; chunk < v; chunk++) {
            int global = chunk * p + stage;
            for (int layer = chunkStart[global]; layer < chunkStart[global + 1]; layer++) {
                if (model.isMoeLayer(layer)) {
                    moe++;
                } else {
                    dense++;
                }
            }
        }
        boolean first = stage == 0;
        boolean last = stage == p - 1;
        // stages with the same layers and ends do the same work: their steps are built once (and
        // the engine prices a repeated list once)
        long key = ((long) dense << 34) | ((long) moe << 4) | (first ? 2 : 0) | (last ? 1 : 0);
        StageSteps steps = built.get(key);
        if (steps == null) {
            steps = new StageSteps();
            steps.castKernels = job.framework().torchaoFp8Casts();
            layers(steps, dense, false);
            layers(steps, moe, true);
            if (first) {
                embedding(steps);
            }
            if (last) {
                output(steps);
            }
            pipeline(steps, first, last);
            steps.denseParams = stageDenseParams(dense, moe, first, last);
            steps.expertParams = stageExpertParams(moe);
            dataParallel.add(steps, steps.denseParams, steps.expertParams, dense + moe, embeddingParams(first, last),
                    expertShard());
            steps.freeze();
            built.put(key, steps);
        }
        MemoryFootprint memory = memory(stage, dense, moe, steps.denseParams, steps.expertParams, last);
        return new StageWork(stage, steps.frozenCompute, steps.frozenCommunication, memory);
    }

    /**
     * Layers of model chunk {@code chunk} (0 to p x v - 1, in pipeline order). When the layers do
     * not divide evenly, the chunks short of a layer are the outermost ones, alternating from the
     * first and the last: they also carry the embedding and the output layer, as Llama 3 405B ran
     * 126 layers on 16 stages (Dubey et al. 2024, Sec. 3.3.2).
     */
    int layersIn(int chunk) {
        int chunks = p * v;
        int base = (model.layers() + chunks - 1) / chunks;
        int deficit = chunks * base - model.layers();
        // the k-th outermost chunk: 0, last, 1, last - 1, ...
        int rank = Math.min(2 * chunk, 2 * (chunks - 1 - chunk) + 1);
        return rank < deficit ? base - 1 : base;
    }

    /** @return the first layer of each model chunk, and after the last the layer count */
    private int[] chunkStarts() {
        int chunks = p * v;
        int[] starts = new int[chunks + 1];
        for (int c = 0; c < chunks; c++) {
            starts[c + 1] = starts[c] + layersIn(c);
        }
        return starts;
    }

    /** The input embedding on the first stage, the output layer on the last (unless tied on one stage). */
    private double embeddingParams(boolean first, boolean last) {
        double table = vocabularyShard();
        return (first ? table : 0) + (last && (p > 1 || !model.tiedEmbeddings()) ? table : 0);
    }

    /** Elements of the embedding table (or output layer) one tensor rank holds: its vocabulary split by hidden. */
    private double vocabularyShard() {
        return (double) model.vocab() * model.hidden() / t;
    }

    /** Bytes of a micro-batch's whole hidden state, every token's, in 16 bits. */
    private double hiddenStateBytes() {
        return n * model.hidden() * ACT;
    }

    private double stageDenseParams(int dense, int moe, boolean first, boolean last) {
        double params = (model.attentionParameters() / t) * (dense + moe) + model.denseMlpParameters() / t * dense
                + embeddingParams(first, last);
        if (moe > 0) {
            Moe m = model.moe().get();
            double shared = (double) model.activation().matrices() * model.hidden() * m.sharedFfn();
            params += (shared / t + (double) model.hidden() * m.experts()) * moe;
        }
        return params;
    }

    private double stageExpertParams(int moe) {
        if (moe == 0) {
            return 0;
        }
        Moe m = model.moe().get();
        double routed = (double) model.activation().matrices() * model.hidden() * m.experts() * m.expertFfn();
        return routed / ((double) plan.expertTensor() * plan.expert()) * moe;
    }

    /** Forward, backward and recomputation of {@code count} identical layers. */
    private void layers(StageSteps steps, int count, boolean moeLayer) {
        if (count == 0) {
            return;
        }
        String kind = moeLayer ? "moe" : "dense";
        layerPass(steps, Phase.FORWARD, kind, count, moeLayer, 1);
        layerPass(steps, Phase.BACKWARD, kind, count, moeLayer, 2);
        if (plan.recompute() == Recompute.FULL) {
            layerPass(steps, Phase.RECOMPUTE, kind, count, moeLayer, 1);
        } else if (plan.recompute() == Recompute.SELECTIVE && !job.framework().flashAttention()) {
            attentionCore(steps, Phase.RECOMPUTE, kind, count, 1);
        } else if (plan.recompute() == Recompute.SELECTIVE_OP) {
            everyOtherMatmul(steps, kind, count, moeLayer);
            if (!job.framework().flashAttention()) {
                // materialised scores come from batched GEMMs and a softmax, which the policy
                // does not save: redone as under selective recomputation
                attentionCore(steps, Phase.RECOMPUTE, kind, count, 1);
            }
        }
    }

    /**
     * torchtitan's per-operator policy (torchtitan/models/llama/parallelize_llama.py,
     * {@code _apply_ac_to_transformer_block}): a layer's matrix multiplications are counted in
     * forward order (wq, wk, wv, wo, then w1, w3, w2 for SwiGLU or up, down for GeLU) and the even
     * ones (wk, wo, and w3 or down) are redone in the backward pass, with every element-wise
     * operator (norms, residual adds, the activation). MLA projections and MoE experts follow the
     * same count: half the projections, and the experts' MLP as a dense one.
     */
    private void everyOtherMatmul(StageSteps steps, String kind, int count, boolean moeLayer) {
        long h = model.hidden();
        Phase phase = Phase.RECOMPUTE;
        String at = kind + ".recompute.";
        if (model.mla().isPresent()) {
            double width = model.attentionParameters() / h / t;
            steps.fusedMatmul(at + "attention.projections", phase, n, h, width / 2, gemm, ACT, 1, count);
            mlaCasts(steps, phase, at, count, true);
        } else {
            steps.matmul(at + "attention.k", phase, n, h, kvLocal(), gemm, ACT, 1, count);
            steps.matmul(at + "attention.out", phase, n, (double) model.valueWidth() / t, h, gemm, ACT, 1, count);
        }
        boolean swiglu = model.activation() == Activation.SWIGLU;
        if (moeLayer) {
            Moe m = model.moe().get();
            int etp = plan.expertTensor();
            double routedTokens = routedTokensPerExpert();
            int localExperts = localExperts();
            if (swiglu) {
                steps.matmul(at + "moe.experts.up", phase, routedTokens, h, (double) m.expertFfn() / etp, gemm, ACT,
                        1, localExperts * count);
                steps.matmul(at + "moe.shared.up", phase, n, h, (double) m.sharedFfn() / t, gemm, ACT, 1, count);
            } else {
                steps.matmul(at + "moe.experts.down", phase, routedTokens, (double) m.expertFfn() / etp, h, gemm,
                        ACT, 1, localExperts * count);
                steps.matmul(at + "moe.shared.down", phase, n, (double) m.sharedFfn() / t, h, gemm, ACT, 1, count);
            }
            steps.memory(at + "moe.activation", phase, expertActivationBytes(), act, count);
        } else {
            if (swiglu) {
                steps.matmul(at + "mlp.up", phase, n, h, (double) model.ffn() / t, gemm, ACT, 1, count);
            } else {
                steps.matmul(at + "mlp.down", phase, n, (double) model.ffn() / t, h, gemm, ACT, 1, count);
            }
            steps.memory(at + "mlp.activation", phase, activationElements(n, model.ffn()) * ACT, act, count);
        }
        steps.memory(at + "norms-residuals", phase, nOutside * h * normsAndAddsBytes(), act, count);
        rotary(steps, phase, at, count, 1);
        // the policy keeps reduce-scatter outputs but not gathers: under SP the normed inputs of wk
        // and w3 are gathered again; without SP, wo's all-reduce is redone; a MoE layer dispatches
        // its tokens to the experts again
        double bytes = n * h * ACT;
        if (sp) {
            steps.collective(at + "tp.all-gather", Collective.ALL_GATHER, ParallelAxis.TENSOR, bytes, 2 * count, phase,
                    tpOverlap);
        } else if (t > 1) {
            steps.collective(at + "tp.all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR, bytes, count, phase,
                    tpOverlap);
        }
        if (moeLayer && plan.expert() > 1) {
            steps.collective(at + "ep.dispatch", Collective.ALL_TO_ALL, ParallelAxis.EXPERT, dispatchBytes(), count,
                    phase, Overlap.NONE);
        }
    }

    /**
     * The FP8 casts of MLA's projections, each its own linear (DeepSeek-V3's query down and up,
     * key-value down and up, output): the head-wide dimensions split over the tensor ranks, the
     * latent ones not. {@code everyOther}: only the even ones in forward order, the linears a
     * policy that redoes every other matmul redoes.
     */
    private void mlaCasts(StageSteps steps, Phase phase, String at, int count, boolean everyOther) {
        Mla m = model.mla().get();
        double h = model.hidden();
        double heads = (double) model.heads() / t;
        double qk = m.qkNopeDim() + m.qkRopeDim();
        String name = at + "attention.projections";
        List<Linear> linears = new ArrayList<>();
        if (m.qLoraRank() > 0) {
            linears.add(new Linear(".q-down", h, m.qLoraRank()));
            linears.add(new Linear(".q-up", m.qLoraRank(), heads * qk));
        } else {
            linears.add(new Linear(".q", h, heads * qk));
        }
        linears.add(new Linear(".kv-down", h, m.kvLoraRank() + m.qkRopeDim()));
        linears.add(new Linear(".kv-up", m.kvLoraRank(), heads * (m.qkNopeDim() + m.vHeadDim())));
        linears.add(new Linear(".out", heads * m.vHeadDim(), h));
        for (int i = everyOther ? 1 : 0; i < linears.size(); i += everyOther ? 2 : 1) {
            Linear linear = linears.get(i);
            steps.fp8Casts(name + linear.suffix(), phase, n, linear.in(), linear.out(), gemm, count);
        }
    }

    /** One linear of a fused GEMM: its name's suffix, its input and output widths on one rank. */
    private record Linear(String suffix, double in, double out) {
    }

    /** One pass over the layers: {@code factor} 1 for forward (or its recomputation), 2 for backward. */
    private void layerPass(StageSteps steps, Phase phase, String kind, int count, boolean moeLayer, double factor) {
        long h = model.hidden();
        String at = kind + "." + phase.name().toLowerCase(java.util.Locale.ROOT) + ".";
        // attention projections
        if (model.mla().isPresent()) {
            double width = model.attentionParameters() / h / t;
            steps.fusedMatmul(at + "attention.projections", phase, n, h, width, gemm, ACT, factor, count);
            mlaCasts(steps, phase, at, count, false);
        } else {
            steps.matmul(at + "attention.qkv", phase, n, h, (double) model.queryWidth() / t + 2 * kvLocal(), gemm,
                    ACT, factor, count);
            steps.matmul(at + "attention.out", phase, n, (double) model.valueWidth() / t, h, gemm, ACT, factor,
                    count);
        }
        rotary(steps, phase, at, count, factor);
        attentionCore(steps, phase, kind, count, factor);
        // MLP or experts
        int up = model.activation().matrices() - 1;
        if (moeLayer) {
            Moe m = model.moe().get();
            int etp = plan.expertTensor();
            steps.matmul(at + "moe.router", phase, nOutside, h, m.experts(), act, ACT, factor, count);
            double routedTokens = routedTokensPerExpert();
            int localExperts = localExperts();
            steps.matmul(at + "moe.experts.up", phase, routedTokens, h, (double) up * m.expertFfn() / etp, gemm,
                    ACT, factor, localExperts * count);
            steps.matmul(at + "moe.experts.down", phase, routedTokens, (double) m.expertFfn() / etp, h, gemm,
                    ACT, factor, localExperts * count);
            steps.matmul(at + "moe.shared.up", phase, n, h, (double) up * m.sharedFfn() / t, gemm, ACT, factor,
                    count);
            steps.matmul(at + "moe.shared.down", phase, n, (double) m.sharedFfn() / t, h, gemm, ACT, factor,
                    count);
            steps.memory(at + "moe.activation", phase, expertActivationBytes() * factor, act, count);
            if (plan.expert() > 1) {
                double bytes = dispatchBytes();
                steps.collective(at + "ep.dispatch", Collective.ALL_TO_ALL, ParallelAxis.EXPERT, bytes, count, phase,
                        Overlap.NONE);
                steps.collective(at + "ep.combine", Collective.ALL_TO_ALL, ParallelAxis.EXPERT, bytes, count, phase,
                        Overlap.NONE);
            }
            if (sp && etp > 1) {
                // the routed copies gathered across the expert-tensor group and reduced back
                double gathered = expertTokens() * m.topK() * h * ACT;
                steps.collective(at + "etp.all-gather", Collective.ALL_GATHER, ParallelAxis.TENSOR, gathered, count,
                        phase, Overlap.NONE);
                steps.collective(at + "etp.reduce-scatter", Collective.REDUCE_SCATTER, ParallelAxis.TENSOR, gathered,
                        count, phase, Overlap.NONE);
            }
        } else {
            steps.matmul(at + "mlp.up", phase, n, h, (double) up * model.ffn() / t, gemm, ACT, factor, count);
            steps.matmul(at + "mlp.down", phase, n, (double) model.ffn() / t, h, gemm, ACT, factor, count);
            steps.memory(at + "mlp.activation", phase, activationElements(n, model.ffn()) * ACT * factor, act, count);
        }
        if (phase == Phase.BACKWARD && model.biases() && !moeLayer && job.framework().separateBiasGrads()) {
            // each bias's gradient is its linear's output gradient summed over the tokens, read by
            // a reduction of its own: the QKV and up projections' column-split outputs, the output
            // and down projections' whole hidden state (split by sequence under SP)
            double columns = n * ((double) model.queryWidth() / t + 2 * kvLocal() + (double) up * model.ffn() / t);
            steps.memory(at + "bias-grads", phase, (columns + 2 * nOutside * h) * ACT, act, count);
        }
        // norms and residual adds outside the tensor-parallel regions; dropout adds a read, a write
        // and a 1-byte mask each
        double elementwise = nOutside * h * (normsAndAddsBytes() + (job.framework().dropout() ? 2 * (2 * ACT + 1) : 0));
        steps.memory(at + "norms-residuals", phase, elementwise * factor, act, count);
        // a MoE layer under SP has no dense MLP to gather for: its routed experts move their tokens
        // themselves (dispatch, and the expert-tensor gather); only a shared expert needs the pair
        boolean mlpPair = !moeLayer || !sp || model.moe().get().sharedFfn() > 0;
        tensorParallel(steps, phase, at, count, mlpPair);
        if (plan.context() > 1) {
            double gathered = (double) plan.microBatch() * model.seqLen() * 2 * kvLocal() * ACT;
            steps.collective(at + "cp.kv-all-gather", Collective.ALL_GATHER, ParallelAxis.CONTEXT, gathered, count,
                    phase, Overlap.SAME_PHASE);
            if (phase == Phase.BACKWARD) {
                steps.collective(at + "cp.dkv-reduce-scatter", Collective.REDUCE_SCATTER, ParallelAxis.CONTEXT,
                        gathered, count, phase, Overlap.SAME_PHASE);
            }
        }
    }

    /** Width of K (and of V) on one tensor rank: KV heads are replicated when fewer than t. */
    private double kvLocal() {
        return Math.max((double) model.kvWidth() / t, model.headDim());
    }

    /** Routed copies each local expert receives (at least one). */
    private double routedTokensPerExpert() {
        Moe m = model.moe().get();
        return Math.max(1, expertTokens() * m.topK() * plan.expert() / m.experts());
    }

    /** Experts on one expert-parallel rank (at least one). */
    private int localExperts() {
        return (int) Math.max(1, model.moe().get().experts() / plan.expert());
    }

    /** Bytes the routed experts' activation function reads and writes in one pass. */
    private double expertActivationBytes() {
        Moe m = model.moe().get();
        return expertTokens() * m.topK() * m.expertFfn() / plan.expertTensor() * activationElementsPerWidth() * ACT;
    }

    /** Bytes one dispatch (or combine) all-to-all moves: the top-k copies of this rank's tokens. */
    private double dispatchBytes() {
        return nOutside * model.moe().get().topK() * model.hidden() * ACT;
    }

    /** Elements an MLP activation reads and writes for {@code tokens} rows of width {@code ffn}. */
    private double activationElements(double tokens, long ffn) {
        return tokens * ffn / t * activationElementsPerWidth();
    }

    /**
     * Elements the activation reads and writes per element of the FFN width: GeLU reads and writes
     * one (2); SwiGLU fused reads gate and up and writes one (3); SwiGLU eager ({@code silu(w1 x) *
     * w3 x}) runs the SiLU (reads, writes) and then the product (two reads, a write): 5.
     */
    private double activationElementsPerWidth() {
        if (model.activation() != Activation.SWIGLU) {
            return 2;
        }
        return job.framework().eagerElementwise() ? 5 : 3;
    }

    /**
     * Bytes per element of the hidden width of a layer's two norms and two residual adds (each add
     * reads two and writes one): a norm is one kernel (reads, writes) when fused, and LayerNorm is
     * one native kernel in eager PyTorch too; eager RMSNorm is {@link #EAGER_RMSNORM_BYTES}.
     */
    private double normsAndAddsBytes() {
        double norm = job.framework().eagerElementwise() && model.norm() == Norm.RMSNORM ? EAGER_RMSNORM_BYTES
                : 2 * ACT;
        return 2 * norm + 2 * 3 * ACT;
    }

    /**
     * RoPE on this rank's queries and keys: one fused kernel reads and writes them; eager PyTorch
     * moves {@link #EAGER_ROTARY_BYTES} per element. {@code factor} 2 for backward, as every
     * element-wise operator here.
     */
    private void rotary(StageSteps steps, Phase phase, String at, int count, double factor) {
        if (!model.rotary()) {
            return;
        }
        double perElement = job.framework().eagerElementwise() ? EAGER_ROTARY_BYTES : 2 * ACT;
        // the query heads and key heads this rank holds; MLA rotates its decoupled part only, one
        // shared key per token
        double width = model.mla().map(m -> ((double) model.heads() / t + 1) * m.qkRopeDim())
                .orElse((double) model.queryWidth() / t + kvLocal());
        steps.memory(at + "attention.rotary", phase, n * width * perElement * factor, act, count);
    }

    /** Scores, softmax and attention over V. */
    private void attentionCore(StageSteps steps, Phase phase, String kind, int count, double factor) {
        String at = kind + "." + phase.name().toLowerCase(java.util.Locale.ROOT) + ".attention.core";
        double queries = (double) plan.microBatch() * model.seqLen() / plan.context();
        // full (non-causal) score FLOPs: QK^T and AV over every key
        double full = 2 * queries * model.seqLen() * (double) (model.queryWidth() + model.valueWidth()) / t;
        double headsLocal = (double) model.heads() / t;
        if (job.framework().flashAttention()) {
            // causal kernels skip the masked half; the fused backward does 2.5x the forward (it
            // recomputes the scores): the FlashAttention benchmark's own accounting
            double forward = full / 2;
            double flops = phase == Phase.BACKWARD ? 2.5 * forward : forward;
            double bytes = queries * (model.queryWidth() + 2.0 * model.kvWidth() + model.valueWidth()) / t * ACT
                    * (phase == Phase.BACKWARD ? 2 : 1);
            // every call runs over the whole sequence's keys: context parallelism is priced as an
            // all-gather of K and V (below), after which this rank's queries meet all of them
            steps.attention(at, phase, flops, bytes, act, count, model.seqLen());
        } else {
            // materialised scores: batched GEMMs over the full square, then softmax (and dropout)
            // through memory, as Megatron-LM ran before fused attention
            double headDim = (double) model.queryWidth() / model.heads();
            steps.matmul(at + ".gemms", phase, queries, headDim, model.seqLen(), act, ACT,
                    factor * (model.queryWidth() + model.valueWidth()) / (headDim * t), count);
            double scores = headsLocal * queries * model.seqLen();
            double perScore = 2 * ACT + (job.framework().dropout() ? 2 * ACT + 1 : 0);
            steps.memory(at + ".softmax", phase, scores * perScore * factor, act, count);
        }
    }

    /**
     * Tokens entering this device's experts: its own (split by t under SP) gathered across the
     * expert-tensor group; without SP every tensor rank already holds them all.
     */
    private double expertTokens() {
        return sp ? nOutside * plan.expertTensor() : n;
    }

    /** Megatron's two collectives per layer in each pass (f and g), all-reduce or AG + RS under SP. */
    private void tensorParallel(StageSteps steps, Phase phase, String at, int count, boolean mlpPair) {
        if (t == 1) {
            return;
        }
        double bytes = hiddenStateBytes();
        int pairs = (mlpPair ? 2 : 1) * count;
        if (sp) {
            steps.collective(at + "tp.all-gather", Collective.ALL_GATHER, ParallelAxis.TENSOR, bytes, pairs, phase,
                    tpOverlap);
            steps.collective(at + "tp.reduce-scatter", Collective.REDUCE_SCATTER, ParallelAxis.TENSOR, bytes,
                    pairs, phase, tpOverlap);
        } else {
            steps.collective(at + "tp.all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR, bytes, pairs, phase,
                    tpOverlap);
        }
    }

    private void embedding(StageSteps steps) {
        double bytes = nOutside * model.hidden() * ACT * 2;
        steps.memory("embedding.forward", Phase.FORWARD, bytes, act, 1);
        // PyTorch's dense embedding backward (embedding_dense_backward) zero-fills a gradient of the
        // whole table, the rank's share of the vocabulary by the hidden size, before adding the
        // rows in, every micro-batch
        double table = vocabularyShard();
        double backward = 2 * bytes + table * ACT;
        if (job.framework().mainGrads() == MainGrads.FUSED && plan.zeroStage() <= 1) {
            // and no GEMM accumulates that gradient: Megatron's DDP hook adds it into the main
            // gradient (param.main_grad.add_(param.grad.data)), reading both and writing the sum
            backward += table * (ACT + 2.0 * job.framework().gradReduceBytes());
        }
        steps.memory("embedding.backward", Phase.BACKWARD, backward, act, 1);
        if (t > 1) {
            // each tensor rank looks up its vocabulary shard's rows, zeros elsewhere: the partial
            // embeddings are all-reduced (reduce_from_tensor_model_parallel_region), or under SP
            // reduce-scattered into the sequence split and their gradient all-gathered back
            double hidden = hiddenStateBytes();
            if (sp) {
                steps.collective("embedding.tp.reduce-scatter", Collective.REDUCE_SCATTER, ParallelAxis.TENSOR, hidden,
                        1, Phase.FORWARD, Overlap.NONE);
                steps.collective("embedding.tp.all-gather", Collective.ALL_GATHER, ParallelAxis.TENSOR, hidden, 1,
                        Phase.BACKWARD, Overlap.NONE);
            } else {
                steps.collective("embedding.tp.all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR, hidden, 1,
                        Phase.FORWARD, Overlap.NONE);
            }
        }
    }

    /**
     * The output layer and the loss. Megatron-Core's vocabulary-parallel cross-entropy
     * (tensor_parallel/cross_entropy.py) runs as PyTorch operators unless fused: per logit, the
     * FP32 cast (read 2 B, write 4), the max (read 4), the in-place subtraction and exponential
     * (read and write 4 each), the sum (read 4) and the division that leaves the saved softmax
     * (read and write 4): 38 B forward; backward, the in-place scaling by the incoming gradient
     * (read and write 4) and the cast back to 16 bits (read 4, write 2): 14 B. Fused kernels are
     * counted as one FP32 write and a read and a write each way (12 B), assumed.
     */
    private void output(StageSteps steps) {
        // the output layer stays in 16 bits under FP8: Megatron-Core builds it as a plain
        // ColumnParallelLinear, not a Transformer Engine module, and torchtitan leaves "output" out of
        // its float8 conversion
        steps.matmul("output.forward.logits", Phase.FORWARD, n, model.hidden(), (double) model.vocab() / t, act,
                ACT, 1, 1);
        steps.matmul("output.backward.logits", Phase.BACKWARD, n, model.hidden(), (double) model.vocab() / t,
                act, ACT, 2, 1);
        double logits = n * model.vocab() / t;
        steps.memory("output.forward.loss", Phase.FORWARD, logits * (job.framework().crossEntropyFusion() ? 12 : 38),
                Precision.FP32, 1);
        steps.memory("output.backward.loss", Phase.BACKWARD, logits * (job.framework().crossEntropyFusion() ? 12 : 14),
                Precision.FP32, 1);
        if (sp) {
            // the sequence-split hidden state gathered before the vocabulary-split output layer,
            // and its gradient reduce-scattered back
            steps.collective("output.tp.all-gather", Collective.ALL_GATHER, ParallelAxis.TENSOR, hiddenStateBytes(), 1,
                    Phase.FORWARD, Overlap.NONE);
            steps.collective("output.tp.reduce-scatter", Collective.REDUCE_SCATTER, ParallelAxis.TENSOR,
                    hiddenStateBytes(), 1, Phase.BACKWARD, Overlap.NONE);
        } else if (t > 1) {
            // every tensor rank holds the whole hidden state and computes its vocabulary shard's
            // part of its gradient: all-reduced in the backward (copy_to_tensor_model_parallel_region)
            steps.collective("output.tp.all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR, hiddenStateBytes(), 1,
                    Phase.BACKWARD, Overlap.NONE);
        }
        if (t > 1) {
            // the cross-entropy's max and sum across the vocabulary shards: small all-reduces
            steps.collective("output.tp.loss-all-reduce", Collective.ALL_REDUCE, ParallelAxis.TENSOR, n * 4 * 2, 1,
                    Phase.FORWARD, Overlap.NONE);
        }
    }

    /** Activations forward and gradients backward between stages, once per model chunk. */
    private void pipeline(StageSteps steps, boolean first, boolean last) {
        if (p == 1) {
            return;
        }
        // Megatron's scatter-gather optimisation (and SP) sends 1/t of the boundary tensor per rank
        double bytes = hiddenStateBytes() / t;
        int forwardSends;
        int backwardSends;
        if (job.framework().sequentialP2p()) {
            // a blocking receive, then a blocking send, each way: the activation in and out forward,
            // the gradient in and out backward (one each on the first and last stage of 1F1B)
            forwardSends = v * ((first || last) && v == 1 ? 1 : 2);
            backwardSends = forwardSends;
        } else if (v == 1) {
            // 1F1B exchanges with a neighbour once after each pass, its send and receive together
            // (send_forward_recv_backward after a forward, send_backward_recv_forward after a
            // backward): one transfer time each; the first stage has no neighbour before it, the
            // last none after it
            forwardSends = last ? 0 : 1;
            backwardSends = first ? 0 : 1;
        } else {
            // the interleaved schedule's steady state exchanges once after each forward and
            // backward pair of chunks, both ways at once (send_forward_backward_recv_forward_backward):
            // v exchanges a micro-batch, split between the passes
            forwardSends = v - v / 2;
            backwardSends = v / 2;
        }
        // overlapped, a chunk's sends run beside the next chunk's compute: Megatron overlaps them
        // only in the interleaved schedule (arguments.py turns overlap_p2p_comm off without it)
        Overlap overlap = job.framework().overlapP2p() && v > 1 ? Overlap.SAME_PHASE : Overlap.NONE;
        if (forwardSends > 0) {
            steps.collective("pp.send-recv.forward", Collective.SEND_RECV, ParallelAxis.PIPELINE, bytes, forwardSends,
                    Phase.FORWARD, overlap);
        }
        if (backwardSends > 0) {
            steps.collective("pp.send-recv.backward", Collective.SEND_RECV, ParallelAxis.PIPELINE, bytes,
                    backwardSends, Phase.BACKWARD, overlap);
        }
    }

    /** @return replicas of one expert shard: the stage's ranks over expert x expert-tensor */
    private double expertShard() {
        return (double) t * plan.data() * plan.context() / ((double) plan.expert() * plan.expertTensor());
    }

    private MemoryFootprint memory(int stage, int dense, int moe, double denseParams, double expertParams,
            boolean last) {
        double params = denseParams + expertParams;
        double shard = (double) plan.data() * plan.context();
        double expertShard = expertShard();
        int zero = plan.zeroStage();
        double gradBytes = job.framework().gradReduceBytes();
        // Megatron's table: FP16 keeps an FP32 gradient copy in the optimizer (16 B), BF16 does not (12 B)
        double optimizerBytes = job.precision() == Precision.FP16 ? ADAM_BYTES + 4 : ADAM_BYTES;
        // FP8 adds the FP8 weight and its cached transpose (Transformer Engine): about 2 B per parameter,
        // for the GEMM weights of the layers only (the embedding and output layer stay in BF16)
        double fp8Copy = gemm == Precision.FP8 ? 2 : 0;
        double embedding = embeddingParams(stage == 0, last);
        double nonEmbedding = params - embedding;
        double weights;
        if (zero == 3) {
            double sharded = denseParams / shard + expertParams / expertShard;
            if (gradBytes >= 4) {
                // FSDP with FP32 reduction keeps the FP32 parameter shard, which is the optimizer's
                // master copy: 4 B of weights and 8 B of moments, 16 B in all with the FP32 gradient
                // (Rajbhandari et al. 2020, Sec. 3.1; PyTorch FSDP2 mixed precision)
                weights = sharded * 4;
                optimizerBytes -= 4;
            } else {
                weights = sharded * ACT;
            }
            weights += fp8Copy * nonEmbedding / shard;
        } else if (job.framework().fp8Params()) {
            // FP8 primary weights: the FP8 weight and its transpose, no BF16 copy of the layers
            weights = embedding * ACT + fp8Copy * nonEmbedding;
        } else {
            weights = params * ACT + fp8Copy * nonEmbedding;
        }
        double gradients = zero >= 2 ? (denseParams / shard + expertParams / expertShard) * gradBytes
                : params * gradBytes;
        if (job.framework().deepSpeedBf16()) {
            // DeepSpeed's BF16_Optimizer keeps each BF16 gradient beside its FP32 copy (gradBytes,
            // which JobReader holds at 4 for it), unsharded
            gradients = params * (ACT + gradBytes);
        }
        double optimizer = zero >= 1 ? (denseParams / shard + expertParams / expertShard) * optimizerBytes
                : params * optimizerBytes;
        double perLayerDense = layerActivationBytes(false);
        double perLayerMoe = moe > 0 ? layerActivationBytes(true) : 0;
        // 1F1B: stage s holds the activations of p - s micro-batches; interleaving adds (p - 1)/v
        // (Korthikanti et al. 2022, Sec. 4.2.3: stage 0 holds p(1 + (p - 1)/(pv)))
        double inFlight = Math.min(plan.microBatches(), (p - stage) + (v > 1 ? (p - 1.0) / v : 0));
        double held;
        if (plan.recompute() == Recompute.FULL) {
            // each layer keeps its input; one layer's full activations live while it is recomputed
            held = (dense + moe) * inFlight * n * model.hidden() * ACT / (sp ? t : 1)
                    + Math.max(dense > 0 ? perLayerDense : 0, perLayerMoe);
        } else if (plan.recompute() == Recompute.SELECTIVE_OP) {
            // each layer keeps what the policy saves; one layer's recomputed rest lives in its backward
            double keptDense = Math.min(perLayerDense, everyOtherMatmulKeptBytes(false));
            double keptMoe = moe > 0 ? Math.min(perLayerMoe, everyOtherMatmulKeptBytes(true)) : 0;
            held = (dense * keptDense + moe * keptMoe) * inFlight
                    + Math.max(dense > 0 ? perLayerDense - keptDense : 0, perLayerMoe - keptMoe);
        } else {
            held = (dense * perLayerDense + moe * perLayerMoe) * inFlight;
        }
        double buffers = 0;
        if (last) {
            // the FP32 logits of one micro-batch (Korthikanti et al. 2022, Sec. 4.3: 4sbv/t)
            buffers += n * model.vocab() / t * 4;
        }
        if (zero == 3) {
            // the gathered weights of the current and the prefetched layer
            double layerParams = model.attentionParameters() / t + Math.max(model.denseMlpParameters() / t,
                    model.moe().isPresent() ? model.moeMlpParameters() / ((double) plan.expertTensor() * plan.expert())
                            : 0);
            buffers += 2 * layerParams * ACT;
        }
        return new MemoryFootprint(weights, gradients, optimizer, held, buffers);
    }

    /**
     * Activation bytes one layer keeps for one micro-batch under torchtitan's per-operator policy:
     * its input, the outputs of wq, wv and attention, and of the MLP's odd matrix multiplications
     * (w1 and w2 for SwiGLU, up for GeLU; w2's output is a full-width partial sum under TP). A MoE
     * layer's experts keep what they keep without recomputation.
     */
    private double everyOtherMatmulKeptBytes(boolean moeLayer) {
        double h = model.hidden();
        boolean swiglu = model.activation() == Activation.SWIGLU;
        // the query projection's and attention's outputs, and wv's (MLA's latent projections are small)
        double attention = ((double) model.queryWidth() + model.valueWidth()) / t
                + (model.mla().isPresent() ? 0 : kvLocal());
        double bytes = nOutside * h * ACT + n * attention * ACT;
        if (moeLayer) {
            // the experts keep what they keep without recomputation, less the up-projection half
            // (w3) that is redone under SwiGLU
            Moe m = model.moe().get();
            double redone = swiglu ? ACT * (expertTokens() * m.topK() * m.expertFfn() / plan.expertTensor()
                    + n * (double) m.sharedFfn() / t) : 0;
            return bytes + moeActivationBytes() - redone;
        }
        return bytes + n * ((double) model.ffn() / t + (swiglu ? h : 0)) * ACT;
    }

    /**
     * Bytes kept per element of a GEMM's input for the backward: under FP8, Transformer Engine keeps
     * the FP8 cast (1 B instead of 2).
     */
    private double gemmInputBytes() {
        return gemm == Precision.FP8 ? 1 : ACT;
    }

    /**
     * Bytes kept per element of an MLP's intermediate width: GeLU keeps its input (BF16) and its
     * output, the down projection's input; SwiGLU keeps gate and up (BF16) and their product.
     */
    private double intermediateBytes() {
        return (model.activation() == Activation.SWIGLU ? 2 : 1) * ACT + gemmInputBytes();
    }

    /** Bytes a MoE layer's shared and routed experts keep for one micro-batch without recomputation. */
    private double moeActivationBytes() {
        Moe m = model.moe().get();
        double h = model.hidden();
        double gemmInput = gemmInputBytes();
        double perIntermediate = intermediateBytes();
        double shared = n * perIntermediate * m.sharedFfn() / t;
        // each routed copy keeps the expert's input and its intermediates, split by etp
        double copies = expertTokens() * m.topK();
        return shared + copies * (gemmInput * h + perIntermediate * m.expertFfn() / plan.expertTensor());
    }

    /**
     * Activation bytes one layer keeps for one micro-batch on one device: Korthikanti et al. 2022,
     * Eq. 1-4 generalised to GQA, SwiGLU and MoE widths. Outside the tensor-parallel regions
     * (split by t only under SP): two layer-norm inputs and the inputs of attention and MLP, 8 B per
     * token and hidden unit, plus two 1-byte dropout masks when dropout is on. Inside (split by t):
     * Q, K, V, the attention output and the MLP's intermediates. Materialised attention adds the
     * scores, softmax and its mask (5as/h) unless recomputed or fused away.
     */
    private double layerActivationBytes(boolean moeLayer) {
        double h = model.hidden();
        // GEMM inputs as gemmInputBytes keeps them; norms' inputs, Q, K, V and the activation's
        // input stay BF16
        double gemmInput = gemmInputBytes();
        double outside = 2 * ACT + 2 * gemmInput + (job.framework().dropout() ? 2 : 0);
        double inside = ACT * (model.queryWidth() + 2.0 * model.kvWidth()) / h + gemmInput * model.valueWidth() / h;
        double experts = 0;
        if (moeLayer) {
            experts = moeActivationBytes();
        } else {
            inside += intermediateBytes() * model.ffn() / h;
        }
        double bytes = n * h * (outside / (sp ? t : 1) + inside / t) + experts;
        if (!job.framework().flashAttention() && plan.recompute() == Recompute.NONE) {
            // softmax output (2 B), and with dropout its mask (1 B) and output (2 B): Korthikanti's 5as/h
            double perScore = job.framework().dropout() ? 5 : 2;
            bytes += perScore * model.heads() / (double) t * n * model.seqLen();
        }
        return bytes;
    }
}
