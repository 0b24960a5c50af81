package org.scalemodel.workload.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Precision;

class JobReaderTest {

    @Test
    void readsTheModelWithMegatronDefaults() {
        TrainingJob job = JobReader.read(Jobs.gpt3(1536));
        assertThat(job.model().kvHeads()).isEqualTo(96);
        assertThat(job.model().headDim()).isEqualTo(128);
        assertThat(job.model().activation()).isEqualTo(Activation.GELU);
        assertThat(job.precision()).isEqualTo(Precision.BF16);
        assertThat(job.framework().gradReduceBytes()).as("FP32 main gradients under BF16").isEqualTo(4);
        assertThat(job.framework().flashAttention()).isTrue();
        assertThat(job.framework().attentionKernel()).as("the vendor stack's own").isEqualTo("fused");
        assertThat(job.framework().crossEntropyFusion()).as("Megatron's default").isFalse();
    }

    @Test
    void namesTheAttentionKernelAsPartDefinitionsDo() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        parameters.put("framework", Map.of("attention-kernel", "flash-attention-2"));
        assertThat(JobReader.read(parameters).framework().attentionKernel()).isEqualTo("flash-attention-2");
        parameters.put("framework", Map.of("attention-kernel", "Flash-Attention-2"));
        assertThat(JobReader.read(parameters).framework().attentionKernel()).isEqualTo("flash-attention-2");
        parameters.put("framework", Map.of("attention-kernel", "Flash Attention"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.attention-kernel: expected a kernel "
                + "name such as fused or flash-attention-2, got \"Flash Attention\"");
        parameters.put("framework", Map.of("attention-kernel", "flash-attention-2", "flash-attention", false));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessageContaining("framework.flash-attention is false");
    }

    @Test
    void theNormAndRotationFollowTheActivationUnlessGivenAndTheElementwiseModeIsFusedUnlessEager() {
        TrainingJob gpt = JobReader.read(Jobs.gpt3(1536));
        assertThat(gpt.model().norm()).isEqualTo(Norm.LAYERNORM);
        assertThat(gpt.model().rotary()).isFalse();
        assertThat(gpt.framework().eagerElementwise()).isFalse();
        Map<String, Object> parameters = Jobs.gpt3(1536);
        Jobs.model(parameters).put("activation", "swiglu");
        Jobs.model(parameters).put("ffn-hidden", 32768);
        TrainingJob llamaLike = JobReader.read(parameters);
        assertThat(llamaLike.model().norm()).isEqualTo(Norm.RMSNORM);
        assertThat(llamaLike.model().rotary()).isTrue();
        Jobs.model(parameters).putAll(Map.of("norm", "LayerNorm", "rotary", false));
        parameters.put("framework", Map.of("elementwise", "eager"));
        TrainingJob stated = JobReader.read(parameters);
        assertThat(stated.model().norm()).isEqualTo(Norm.LAYERNORM);
        assertThat(stated.model().rotary()).isFalse();
        assertThat(stated.framework().eagerElementwise()).isTrue();
        Jobs.model(parameters).put("norm", "batchnorm");
        assertThatThrownBy(() -> JobReader.read(parameters))
                .hasMessage("model.norm: expected layernorm or rmsnorm, got \"batchnorm\"");
        Jobs.model(parameters).put("norm", "rmsnorm");
        parameters.put("framework", Map.of("elementwise", "compiled"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.elementwise: expected fused (fused "
                + "kernels or torch.compile) or eager (one PyTorch kernel per operator), got \"compiled\"");
    }

    @Test
    void linearBiasesFollowTheActivationUnlessGivenAndCountAmongALayersTensors() {
        TrainingJob gpt = JobReader.read(Jobs.gpt3(1536));
        assertThat(gpt.model().biases()).isTrue();
        // GPT-3: QKV, output and two MLP matrices with their biases, two LayerNorms' weights and biases
        assertThat(gpt.model().tensorsPerLayer()).isEqualTo(12);
        Map<String, Object> parameters = Jobs.gpt3(1536);
        Jobs.model(parameters).put("activation", "swiglu");
        TrainingJob llamaLike = JobReader.read(parameters);
        assertThat(llamaLike.model().biases()).isFalse();
        // Llama: five matrices and two RMSNorm weights
        assertThat(llamaLike.model().tensorsPerLayer()).isEqualTo(7);
        Jobs.model(parameters).put("biases", true);
        assertThat(JobReader.read(parameters).model().tensorsPerLayer()).isEqualTo(12);
        Jobs.model(parameters).put("biases", "some");
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessageStartingWith("model.biases");
    }

    @Test
    void mainGradientsAreFusedUnlessDeepSpeedsBf16OptimizerIsSaid() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        assertThat(JobReader.read(parameters).framework().deepSpeedBf16()).isFalse();
        parameters.put("framework", Map.of("main-grads", "DeepSpeed-BF16"));
        assertThat(JobReader.read(parameters).framework().deepSpeedBf16()).isTrue();
        Jobs.job(parameters).put("precision", "fp16");
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.main-grads: DeepSpeed's "
                + "BF16_Optimizer needs job.precision bf16, got fp16");
        Jobs.job(parameters).put("precision", "bf16");
        parameters.put("framework", Map.of("main-grads", "deepspeed-bf16", "grad-reduce-bytes", 2));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.grad-reduce-bytes: DeepSpeed's "
                + "BF16_Optimizer (framework.main-grads: deepspeed-bf16) reduces FP32 gradients, 4 bytes, got 2");
        parameters.put("framework", Map.of("main-grads", " Added "));
        assertThat(JobReader.read(parameters).framework().mainGrads()).isEqualTo(MainGrads.ADDED);
        assertThat(JobReader.read(parameters).framework().deepSpeedBf16()).isFalse();
        parameters.put("framework", Map.of("main-grads", "apex"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessageStartingWith(
                "framework.main-grads: expected fused (").hasMessageEndingWith("got \"apex\"");
    }

    @Test
    void zero3GathersPerLayerUnlessCopiedOrPerTensorIsSaid() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        assertThat(JobReader.read(parameters).framework().zero3Gather()).isEqualTo(Zero3Gather.PER_LAYER);
        parameters.put("framework", Map.of("zero3-gather", "Per-Tensor"));
        assertThat(JobReader.read(parameters).framework().zero3Gather()).isEqualTo(Zero3Gather.PER_TENSOR);
        parameters.put("framework", Map.of("zero3-gather", "per-layer-copied"));
        assertThat(JobReader.read(parameters).framework().zero3Gather()).isEqualTo(Zero3Gather.PER_LAYER_COPIED);
        parameters.put("framework", Map.of("zero3-gather", "bucketed"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessageStartingWith(
                "framework.zero3-gather: expected per-layer (one gather per layer into the flat parameter, FSDP1), "
                        + "per-layer-copied").hasMessageEndingWith("got \"bucketed\"");
    }

    @Test
    void fp8CastsRideInNeighbouringKernelsUnlessTorchaoIsSaid() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        assertThat(JobReader.read(parameters).framework().torchaoFp8Casts()).isFalse();
        parameters.put("framework", Map.of("fp8-casts", "TorchAO"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.fp8-casts: torchao's casts are "
                + "FP8's, they need job.precision fp8, got bf16");
        Jobs.job(parameters).put("precision", "fp8");
        assertThat(JobReader.read(parameters).framework().torchaoFp8Casts()).isTrue();
        parameters.put("framework", Map.of("fp8-casts", "delayed"));
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("framework.fp8-casts: expected fused (in "
                + "neighbouring kernels, Transformer Engine) or torchao (torchao's dynamic per-tensor scaling kernels "
                + "per linear), got \"delayed\"");
    }

    @Test
    void fp8PrimaryWeightsNeedAnFp8Job() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        parameters.put("framework", Map.of("fp8-params", true));
        assertThatThrownBy(() -> JobReader.read(parameters))
                .hasMessage("framework.fp8-params: FP8 primary weights need job.precision fp8, got bf16");
        Jobs.job(parameters).put("precision", "fp8");
        assertThat(JobReader.read(parameters).framework().fp8Params()).isTrue();
        assertThat(JobReader.read(Jobs.gpt3(1536)).framework().fp8Params()).as("off unless asked").isFalse();
    }

    @Test
    void gpt3HasTheParametersNarayananCounts() {
        // Eq. 2 of Narayanan et al. 2021: P = 12 l h^2 (1 + 13/(12h) + (V + s)/(12 l h)) = 174.6B; without
        // biases, norms and position embeddings (the 13/12h and s terms) it is 12 l h^2 + 2 V h (untied)
        TransformerModel model = JobReader.read(Jobs.gpt3(1536)).model();
        double expected = 12.0 * 96 * 12288 * 12288 + 2.0 * 51200 * 12288;
        assertThat(model.totalParameters()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void modelFlopsPerTokenAreKorthikantiEquation7() {
        // 72 B L s h^2 (1 + s/(6h) + V/(12 h L)) per iteration, per token: / (B s)
        TransformerModel model = JobReader.read(Jobs.gpt3(1536)).model();
        double l = 96;
        double h = 12288;
        double s = 2048;
        double v = 51200;
        double expected = 72 * l * h * h * (1 + s / (6 * h) + v / (12 * h * l));
        assertThat(model.modelFlopsPerToken()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void problemsNameTheFieldPath() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        Jobs.model(parameters).put("hidden", "wide");
        assertThatThrownBy(() -> JobReader.read(parameters)).hasMessage("model.hidden: expected a whole number, got \"wide\"");
        Map<String, Object> unknown = Jobs.gpt3(1536);
        Jobs.model(unknown).put("layer", 3);
        assertThatThrownBy(() -> JobReader.read(unknown)).hasMessageStartingWith("model.layer: unknown field");
        Map<String, Object> missing = Jobs.gpt3(1536);
        Jobs.model(missing).remove("vocab");
        assertThatThrownBy(() -> JobReader.read(missing)).hasMessage("model.vocab: missing (a whole number)");
    }

    @Test
    void rejectsGqaThatDoesNotDivideAndTopKAboveTheExperts() {
        Map<String, Object> gqa = Jobs.gpt3(1536);
        Jobs.model(gqa).put("kv-heads", 7);
        assertThatThrownBy(() -> JobReader.read(gqa)).hasMessageContaining("model.kv-heads: 7 must divide model.heads");
        Map<String, Object> moe = Jobs.gpt3(1536);
        Jobs.model(moe).put("moe", Map.of("experts", 8, "top-k", 9, "expert-ffn-hidden", 1024));
        assertThatThrownBy(() -> JobReader.read(moe)).hasMessageContaining("model.moe.top-k: 9 exceeds");
    }
}
