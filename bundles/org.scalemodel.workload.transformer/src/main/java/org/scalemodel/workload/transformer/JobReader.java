package org.scalemodel.workload.transformer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.model.Precision;

/**
 * Reads the generator's parameters: {@code model}, {@code job} and {@code framework} maps. Every
 * problem names the field path and what was expected.
 */
final class JobReader {

    private static final Set<String> TOP = Set.of("model", "job", "framework");
    private static final Set<String> MODEL = Set.of("name", "layers", "hidden", "heads", "kv-heads", "head-dim",
            "ffn-hidden", "activation", "vocab", "seq-len", "tied-embeddings", "moe", "mla", "attention", "norm", "rotary",
            "biases");
    private static final Set<String> MOE = Set.of("experts", "top-k", "shared-experts", "shared-expert-ffn-hidden",
            "expert-ffn-hidden", "dense-layers");
    private static final Set<String> MLA = Set.of("q-lora-rank", "kv-lora-rank", "qk-nope-head-dim",
            "qk-rope-head-dim", "v-head-dim");
    private static final Set<String> JOB = Set.of("global-batch", "precision", "optimizer");
    private static final Set<String> FRAMEWORK = Set.of("overlap-grad-reduce", "overlap-param-gather",
            "tp-comm-overlap", "flash-attention", "dropout", "grad-reduce-bytes", "cross-entropy-fusion",
            "attention-kernel", "fp8-params", "elementwise", "zero3-gather", "overlap-p2p", "fp8-casts", "main-grads",
            "p2p-exchange", "optimizer-kernels", "bias-grads");

    private JobReader() {
    }

    static TrainingJob read(Map<String, Object> parameters) {
        known(parameters, TOP, "");
        Map<String, Object> model = map(parameters, "model", "", true);
        Map<String, Object> job = map(parameters, "job", "", true);
        Map<String, Object> framework = map(parameters, "framework", "", false);
        TransformerModel transformer = model(model);
        known(job, JOB, "job.");
        long globalBatch = whole(job, "global-batch", "job.", null);
        Precision precision = precision(job.getOrDefault("precision", "bf16"), "job.precision");
        Object optimizer = job.getOrDefault("optimizer", "adam");
        if (!"adam".equalsIgnoreCase(String.valueOf(optimizer)) && !"adamw".equalsIgnoreCase(String.valueOf(optimizer))) {
            throw new IllegalArgumentException("job.optimizer: expected adam or adamw (the state sizes modelled), got \""
                    + optimizer + "\"");
        }
        known(framework, FRAMEWORK, "framework.");
        Framework flags = new Framework(flag(framework, "framework.", "overlap-grad-reduce", true),
                flag(framework, "framework.", "overlap-param-gather", true), flag(framework, "framework.", "tp-comm-overlap", false),
                flag(framework, "framework.", "flash-attention", true), flag(framework, "framework.", "dropout", false),
                count(framework, "grad-reduce-bytes", "framework.", precision == Precision.FP16 ? 2L : 4L),
                flag(framework, "framework.", "cross-entropy-fusion", false), kernel(framework.get("attention-kernel")),
                flag(framework, "framework.", "fp8-params", false), eager(framework.get("elementwise")),
                zero3Gather(framework.get("zero3-gather")), flag(framework, "framework.", "overlap-p2p", false),
                torchaoCasts(framework.get("fp8-casts")), mainGrads(framework.get("main-grads")),
                sequentialP2p(framework.get("p2p-exchange")), foreachOptimizer(framework.get("optimizer-kernels")),
                separateBiasGrads(framework.get("bias-grads")));
        if (flags.fp8Params() && precision != Precision.FP8) {
            throw new IllegalArgumentException("framework.fp8-params: FP8 primary weights need job.precision fp8, got "
                    + precision.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (flags.deepSpeedBf16() && precision != Precision.BF16) {
            throw new IllegalArgumentException("framework.main-grads: DeepSpeed's BF16_Optimizer needs job.precision "
                    + "bf16, got " + precision.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (flags.deepSpeedBf16() && flags.gradReduceBytes() != 4) {
            throw new IllegalArgumentException("framework.grad-reduce-bytes: DeepSpeed's BF16_Optimizer "
                    + "(framework.main-grads: deepspeed-bf16) reduces FP32 gradients, 4 bytes, got "
                    + flags.gradReduceBytes());
        }
        if (flags.torchaoFp8Casts() && precision != Precision.FP8) {
            throw new IllegalArgumentException("framework.fp8-casts: torchao's casts are FP8's, they need job.precision "
                    + "fp8, got " + precision.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!flags.flashAttention() && !Efficiency.FUSED_ATTENTION.equals(flags.attentionKernel())) {
            throw new IllegalArgumentException("framework.attention-kernel: names a fused-attention kernel, but "
                    + "framework.flash-attention is false (materialised scores)");
        }
        if (flags.gradReduceBytes() != 2 && flags.gradReduceBytes() != 4) {
            throw new IllegalArgumentException("framework.grad-reduce-bytes: expected 2 or 4, got "
                    + flags.gradReduceBytes());
        }
        return new TrainingJob(transformer, globalBatch, precision, flags);
    }

    /** A kernel name as part definitions write them: lower-case words joined by hyphens. */
    private static String kernel(Object value) {
        if (value == null) {
            return Efficiency.FUSED_ATTENTION;
        }
        String name = value instanceof String text ? text.trim().toLowerCase(java.util.Locale.ROOT) : "";
        if (!Efficiency.isKernelName(name)) {
            throw new IllegalArgumentException("framework.attention-kernel: expected a kernel name such as fused or "
                    + "flash-attention-2, got \"" + value + "\"");
        }
        return name;
    }

    private static TransformerModel model(Map<String, Object> model) {
        known(model, MODEL, "model.");
        int layers = count(model, "layers", "model.", null);
        long hidden = whole(model, "hidden", "model.", null);
        int heads = count(model, "heads", "model.", null);
        int kvHeads = count(model, "kv-heads", "model.", (long) heads);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("model.kv-heads: " + kvHeads + " must divide model.heads (" + heads + ")");
        }
        long headDim = whole(model, "head-dim", "model.", hidden % heads == 0 ? hidden / heads : null);
        Activation activation = activation(model.getOrDefault("activation", "gelu"));
        long ffn = whole(model, "ffn-hidden", "model.", activation == Activation.GELU ? 4 * hidden : null);
        long vocab = whole(model, "vocab", "model.", null);
        long seqLen = whole(model, "seq-len", "model.", null);
        boolean tied = flag(model, "model.", "tied-embeddings", false);
        Optional<Moe> moe = Optional.empty();
        if (model.get("moe") != null) {
            Map<String, Object> m = map(model, "moe", "model.", true);
            known(m, MOE, "model.moe.");
            int experts = count(m, "experts", "model.moe.", null);
            int topK = count(m, "top-k", "model.moe.", null);
            if (topK > experts) {
                throw new IllegalArgumentException("model.moe.top-k: " + topK + " exceeds model.moe.experts (" + experts + ")");
            }
            long expertFfn = whole(m, "expert-ffn-hidden", "model.moe.", null);
            long shared = whole(m, "shared-experts", "model.moe.", 0L);
            long sharedFfn = whole(m, "shared-expert-ffn-hidden", "model.moe.", shared * expertFfn);
            int dense = count(m, "dense-layers", "model.moe.", 0L);
            if (dense > layers) {
                throw new IllegalArgumentException("model.moe.dense-layers: " + dense + " exceeds model.layers (" + layers + ")");
            }
            moe = Optional.of(new Moe(experts, topK, sharedFfn, expertFfn, dense));
        }
        Optional<Mla> mla = Optional.empty();
        if (model.get("mla") != null) {
            Map<String, Object> m = map(model, "mla", "model.", true);
            known(m, MLA, "model.mla.");
            mla = Optional.of(new Mla(whole(m, "q-lora-rank", "model.mla.", 0L), whole(m, "kv-lora-rank", "model.mla.", null),
                    whole(m, "qk-nope-head-dim", "model.mla.", null), whole(m, "qk-rope-head-dim", "model.mla.", null),
                    whole(m, "v-head-dim", "model.mla.", null)));
        }
        // the pairings of the published families: GPT-3, BLOOM, OPT and MPT use LayerNorm, no
        // rotation and biases in their linear layers with GeLU; Llama and the models built like it
        // RMSNorm and RoPE with SwiGLU, and no biases
        boolean llamaLike = activation == Activation.SWIGLU;
        Norm norm = norm(model.getOrDefault("norm", llamaLike ? "rmsnorm" : "layernorm"));
        boolean rotary = flag(model, "model.", "rotary", llamaLike || mla.isPresent());
        boolean biases = flag(model, "model.", "biases", !llamaLike && mla.isEmpty());
        return new TransformerModel(layers, hidden, heads, kvHeads, headDim, ffn, activation, vocab, seqLen, tied, moe,
                mla, norm, rotary, biases);
    }

    static Precision precision(Object value, String path) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "bf16" -> Precision.BF16;
            case "fp16" -> Precision.FP16;
            case "fp8" -> Precision.FP8;
            default -> throw new IllegalArgumentException(path + ": expected bf16, fp16 or fp8, got \"" + value + "\"");
        };
    }

    /** {@code framework.elementwise}: {@code fused} (the default) or {@code eager}. */
    private static boolean eager(Object value) {
        return either(value, "framework.elementwise", "fused", "fused kernels or torch.compile", "eager",
                "one PyTorch kernel per operator");
    }

    /** {@code framework.zero3-gather}: {@code per-layer} (the default), {@code per-layer-copied} or {@code per-tensor}. */
    private static Zero3Gather zero3Gather(Object value) {
        String text = value == null ? "per-layer" : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "per-layer" -> Zero3Gather.PER_LAYER;
            case "per-layer-copied" -> Zero3Gather.PER_LAYER_COPIED;
            case "per-tensor" -> Zero3Gather.PER_TENSOR;
            default -> throw new IllegalArgumentException("framework.zero3-gather: expected per-layer (one gather per "
                    + "layer into the flat parameter, FSDP1), per-layer-copied (one per layer through copied flat "
                    + "buffers, FSDP2) or per-tensor (one per weight matrix, again for a recomputed forward, and one "
                    + "reduce-scatter per parameter: DeepSpeed's ZeRO-3 of 2021), got \"" + value + "\"");
        };
    }

    /** {@code framework.main-grads}: {@code fused} (the default), {@code added} or {@code deepspeed-bf16}. */
    private static MainGrads mainGrads(Object value) {
        String text = value == null ? "fused" : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "fused" -> MainGrads.FUSED;
            case "added" -> MainGrads.ADDED;
            case "deepspeed-bf16" -> MainGrads.DEEPSPEED_BF16;
            default -> throw new IllegalArgumentException("framework.main-grads: expected fused (the weight-gradient "
                    + "GEMMs accumulate into the main gradients, Megatron's gradient-accumulation fusion), added (each "
                    + "micro-batch's 16-bit gradient added into them by a kernel of its own: autograd, Megatron-LM "
                    + "before the fusion) or deepspeed-bf16 (DeepSpeed's BF16_Optimizer: each micro-batch's BF16 "
                    + "gradients added into FP32 copies, which are all-reduced), got \"" + value + "\"");
        };
    }

    /** {@code framework.p2p-exchange}: {@code batched} (the default) or {@code sequential}. */
    private static boolean sequentialP2p(Object value) {
        return either(value, "framework.p2p-exchange", "batched", "a stage's send to a neighbour and its receive from "
                + "it run together, Megatron's batched isend/irecv", "sequential", "a blocking receive, then a blocking "
                + "send, DeepSpeed's pipeline engine");
    }

    /** {@code framework.optimizer-kernels}: {@code fused} (the default) or {@code foreach}. */
    private static boolean foreachOptimizer(Object value) {
        return either(value, "framework.optimizer-kernels", "fused", "one pass over each parameter's state, Apex's or "
                + "Megatron's fused Adam", "foreach", "a pass over the state for each operation of the update, "
                + "PyTorch's multi-tensor AdamW");
    }

    /** {@code framework.bias-grads}: {@code fused} (the default) or {@code separate}. */
    private static boolean separateBiasGrads(Object value) {
        return either(value, "framework.bias-grads", "fused", "in the weight-gradient GEMM's epilogue, Transformer "
                + "Engine", "separate", "a reduction over the tokens of each biased linear's output gradient, PyTorch's "
                + "linear backward and Megatron-LM before Transformer Engine");
    }

    /** {@code framework.fp8-casts}: {@code fused} (the default) or {@code torchao}. */
    private static boolean torchaoCasts(Object value) {
        return either(value, "framework.fp8-casts", "fused", "in neighbouring kernels, Transformer Engine", "torchao",
                "torchao's dynamic per-tensor scaling kernels per linear");
    }

    /**
     * A setting of two words: false for {@code otherwise} (also when not given), true for {@code
     * when}; anything else is refused with both words and what each means.
     */
    private static boolean either(Object value, String path, String otherwise, String otherwiseMeans, String when,
            String whenMeans) {
        String text = value == null ? otherwise : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (text.equals(otherwise) || text.equals(when)) {
            return text.equals(when);
        }
        throw new IllegalArgumentException(path + ": expected " + otherwise + " (" + otherwiseMeans + ") or " + when
                + " (" + whenMeans + "), got \"" + value + "\"");
    }

    private static Norm norm(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "layernorm" -> Norm.LAYERNORM;
            case "rmsnorm" -> Norm.RMSNORM;
            default -> throw new IllegalArgumentException("model.norm: expected layernorm or rmsnorm, got \"" + value + "\"");
        };
    }

    private static Activation activation(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "gelu", "relu" -> Activation.GELU;
            case "swiglu", "geglu" -> Activation.SWIGLU;
            default -> throw new IllegalArgumentException("model.activation: expected gelu or swiglu, got \"" + value + "\"");
        };
    }

    private static void known(Map<String, Object> map, Set<String> keys, String path) {
        for (String key : map.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(path + key + ": unknown field; expected one of "
                        + keys.stream().sorted().toList());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key, String path, boolean required) {
        Object value = parent.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(path + key + ": missing");
            }
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(path + key + ": expected a mapping, got " + describe(value));
        }
        return (Map<String, Object>) map;
    }

    /** A whole number that counts something held in an int (layers, heads, experts...). */
    private static int count(Map<String, Object> map, String key, String path, Long fallback) {
        long value = whole(map, key, path, fallback);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + key + ": expected at most " + Integer.MAX_VALUE + ", got "
                    + describe(map.get(key)));
        }
        return (int) value;
    }

    /** A positive whole number; {@code fallback} null means required. */
    private static long whole(Map<String, Object> map, String key, String path, Long fallback) {
        Object value = map.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(path + key + ": missing (a whole number)");
            }
            return fallback;
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(String.valueOf(value).trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + key + ": expected a whole number, got " + describe(value));
            }
        }
        boolean zeroAllowed = fallback != null && fallback == 0;
        if (number != Math.rint(number) || number < (zeroAllowed ? 0 : 1) || number > 1e15) {
            throw new IllegalArgumentException(path + key + ": expected a whole number " + (zeroAllowed ? ">= 0" : ">= 1")
                    + ", got " + describe(value));
        }
        return (long) number;
    }

    private static boolean flag(Map<String, Object> map, String path, String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "on").contains(text)) {
            return true;
        }
        if (List.of("false", "no", "off").contains(text)) {
            return false;
        }
        throw new IllegalArgumentException(path + key + ": expected true or false, got " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
