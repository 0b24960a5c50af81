package org.scalemodel.workload.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ComputeStep;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.OperatorKind;
import org.scalemodel.api.workload.Overlap;
import org.scalemodel.api.workload.Phase;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.StageWork;

class IterationBuilderTest {

    private static final TrainingJob GPT3 = JobReader.read(Jobs.gpt3(1536));

    /** GPT-3 175B in FP8 with these framework settings. */
    private static TrainingJob gpt3Fp8(Map<String, Object> framework) {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        Jobs.job(parameters).put("precision", "fp8");
        parameters.put("framework", framework);
        return JobReader.read(parameters);
    }

    /** GPT-3 175B with one framework setting changed. */
    /** The first stage of GPT-3 under ZeRO-3 over 1,536 ranks, gathered as {@code framework.zero3-gather} says. */
    private static StageWork zero3Stage(String gather, Recompute recompute) {
        ParallelPlan zero3 = new ParallelPlan(1, 1, 1536, 1, 1, 1, 1, false, 1, recompute, 3);
        return IterationBuilder.build(gpt3With("zero3-gather", gather), zero3).stages().get(0);
    }

    private static TrainingJob gpt3With(String key, Object value) {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        parameters.put("framework", Map.of(key, value));
        return JobReader.read(parameters);
    }

    private static ParallelPlan plan(int tp, int pp, int dp, int mb, boolean sp, int v, Recompute rc, int zero) {
        return new ParallelPlan(tp, pp, dp, 1, 1, mb, (int) (1536 / ((long) mb * dp)), sp, v, rc, zero);
    }

    @Test
    void tensorParallelMovesNarayanansVolume() {
        // Narayanan et al. Sec. 3.2: four all-reduces of b s h elements per layer and micro-batch
        IterationWork work = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 1, Recompute.NONE, 0));
        StageWork stage = work.stages().get(5);
        List<CommunicationStep> tp = stage.communication().stream()
                .filter(c -> c.axis() == ParallelAxis.TENSOR && c.collective() == Collective.ALL_REDUCE
                        && !c.name().startsWith("output"))
                .toList();
        int layers = 96 / 12;
        assertThat(tp).allSatisfy(c -> assertThat(c.bytes()).isEqualTo(1 * 2048 * 12288 * 2.0));
        assertThat(tp.stream().mapToInt(CommunicationStep::count).sum()).isEqualTo(4 * layers);
    }

    @Test
    void sequenceParallelSwapsEachAllReduceForAnAllGatherAndAReduceScatter() {
        IterationWork work = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 0));
        StageWork stage = work.stages().get(5);
        int gathers = stage.communication().stream().filter(c -> c.collective() == Collective.ALL_GATHER
                && c.axis() == ParallelAxis.TENSOR).mapToInt(CommunicationStep::count).sum();
        int scatters = stage.communication().stream().filter(c -> c.collective() == Collective.REDUCE_SCATTER
                && c.axis() == ParallelAxis.TENSOR).mapToInt(CommunicationStep::count).sum();
        assertThat(gathers).isEqualTo(4 * 8);
        assertThat(scatters).isEqualTo(4 * 8);
    }

    @Test
    void everyFlopOfTheModelIsOnSomeDevice() {
        // executed forward + backward FLOPs of all stages, times the data-parallel replicas and tensor
        // shards, equal the model FLOPs when attention is counted in full (no fused causal kernel)
        TrainingJob job = gpt3With("flash-attention", false);
        ParallelPlan plan = plan(8, 12, 16, 1, false, 1, Recompute.NONE, 0);
        IterationWork work = IterationBuilder.build(job, plan);
        double executed = 0;
        for (StageWork stage : work.stages()) {
            for (ComputeStep step : stage.compute()) {
                if (step.phase() != Phase.ITERATION && !step.name().contains("router")) {
                    executed += step.flops() * step.count();
                }
            }
        }
        executed *= plan.microBatches() * plan.tensor() * plan.data();
        assertThat(executed).isCloseTo(work.modelFlops() * plan.devices(), Percentage.withPercentage(0.01));
    }

    @Test
    void recomputationAddsTheForwardAndNeverLessWork() {
        ParallelPlan none = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        ParallelPlan full = plan(8, 12, 16, 1, true, 1, Recompute.FULL, 1);
        IterationWork a = IterationBuilder.build(GPT3, none);
        IterationWork b = IterationBuilder.build(GPT3, full);
        assertThat(b.modelFlops()).isEqualTo(a.modelFlops());
        assertThat(b.hardwareFlops()).isGreaterThan(a.hardwareFlops());
        // Narayanan Eq. 3 vs Korthikanti Eq. 7: hardware/model = 96/72 without the logits' share
        assertThat(b.hardwareFlops() / b.modelFlops()).isBetween(1.30, 4.0 / 3);
        assertThat(b.stages().get(0).memory().activationBytes()).isLessThan(a.stages().get(0).memory().activationBytes());
    }

    @Test
    void perOperatorRecomputationCountsWhatItRedoesInMoeModels() {
        // 8 layers, the first 2 dense, a shared expert: the FLOPs the steps redo are the ones counted
        Map<String, Object> parameters = Jobs.gpt3(64);
        Map<String, Object> model = Jobs.model(parameters);
        model.putAll(Map.of("layers", 8, "hidden", 1024, "heads", 8, "ffn-hidden", 4096, "activation", "swiglu",
                "vocab", 32000, "seq-len", 1024));
        model.put("moe", Map.of("experts", 8, "top-k", 2, "expert-ffn-hidden", 1024, "shared-experts", 1,
                "dense-layers", 2));
        TrainingJob moe = JobReader.read(parameters);
        IterationWork work = IterationBuilder.build(moe, new ParallelPlan(1, 1, 8, 1, 1, 1, 8, false, 1,
                Recompute.SELECTIVE_OP, 1));
        double redone = work.stages().get(0).compute().stream().filter(c -> c.phase() == Phase.RECOMPUTE)
                .mapToDouble(c -> c.flops() * c.count()).sum() * work.microBatches();
        assertThat(redone).isPositive();
        assertThat(work.hardwareFlops() - work.modelFlops()).isCloseTo(redone, Percentage.withPercentage(1e-9));
    }

    @Test
    void anUnfusedCrossEntropyMovesMegatronsOperatorsWorth() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        parameters.put("framework", new java.util.HashMap<>(Map.of("cross-entropy-fusion", true)));
        TrainingJob fused = JobReader.read(parameters);
        ParallelPlan plan = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        double logits = 2048.0 * 51200 / 8;
        for (Object[] expected : new Object[][] {{GPT3, 38.0, 14.0}, {fused, 12.0, 12.0}}) {
            StageWork last = IterationBuilder.build((TrainingJob) expected[0], plan).stages().get(11);
            assertThat(last.compute().stream().filter(c -> c.name().equals("output.forward.loss")).findFirst()
                    .orElseThrow().bytes()).isEqualTo(logits * (double) expected[1]);
            assertThat(last.compute().stream().filter(c -> c.name().equals("output.backward.loss")).findFirst()
                    .orElseThrow().bytes()).isEqualTo(logits * (double) expected[2]);
        }
    }

    private static Map<String, Object> llama8b(String elementwise) {
        Map<String, Object> parameters = Jobs.gpt3(16);
        Jobs.model(parameters).putAll(Map.of("layers", 32, "hidden", 4096, "heads", 32, "kv-heads", 8,
                "ffn-hidden", 14336, "activation", "swiglu", "vocab", 128256, "seq-len", 8192));
        parameters.put("framework", new java.util.HashMap<>(Map.of("elementwise", elementwise)));
        return parameters;
    }

    private static double bytes(StageWork stage, String name) {
        return stage.compute().stream().filter(c -> c.name().equals(name)).mapToDouble(c -> c.bytes() * c.count())
                .sum();
    }

    @Test
    void eagerPyTorchMovesWhatItsRmsNormRopeAndSwigluOperatorsMove() {
        ParallelPlan plan = new ParallelPlan(1, 1, 8, 1, 1, 2, 1, false, 1, Recompute.NONE, 3);
        StageWork fused = IterationBuilder.build(JobReader.read(llama8b("fused")), plan).stages().get(0);
        StageWork eager = IterationBuilder.build(JobReader.read(llama8b("eager")), plan).stages().get(0);
        double tokens = 2.0 * 8192;
        // per token and layer: two norms and two adds; fused norms read and write 2 B each, eager
        // RMSNorm moves 36 B; each add reads two and writes one
        assertThat(bytes(fused, "dense.forward.norms-residuals")).isEqualTo(32 * tokens * 4096 * (2 * 4 + 2 * 6));
        assertThat(bytes(eager, "dense.forward.norms-residuals")).isEqualTo(32 * tokens * 4096 * (2 * 36 + 2 * 6));
        // RoPE on 32 query and 8 key heads of 128: 4 B per element fused, 20 eager; twice in backward
        double rotated = 32 * tokens * (4096 + 1024);
        assertThat(bytes(fused, "dense.forward.attention.rotary")).isEqualTo(rotated * 4);
        assertThat(bytes(eager, "dense.forward.attention.rotary")).isEqualTo(rotated * 20);
        assertThat(bytes(eager, "dense.backward.attention.rotary")).isEqualTo(rotated * 40);
        // SwiGLU: gate and up read, one written (3 elements) fused; SiLU then the product (5) eager
        assertThat(bytes(eager, "dense.forward.mlp.activation") / bytes(fused, "dense.forward.mlp.activation"))
                .isEqualTo(5.0 / 3);
        // the GEMMs do not change
        assertThat(bytes(eager, "dense.forward.mlp.up")).isEqualTo(bytes(fused, "dense.forward.mlp.up"));
    }

    @Test
    void gptsLayerNormAndGeluMoveTheSameEagerAndNothingIsRotated() {
        Map<String, Object> parameters = Jobs.gpt3(1536);
        parameters.put("framework", new java.util.HashMap<>(Map.of("elementwise", "eager")));
        ParallelPlan plan = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        StageWork eager = IterationBuilder.build(JobReader.read(parameters), plan).stages().get(5);
        StageWork fused = IterationBuilder.build(GPT3, plan).stages().get(5);
        // LayerNorm and GeLU are one native kernel each in eager PyTorch too
        assertThat(eager.compute()).isEqualTo(fused.compute());
        assertThat(fused.compute()).noneMatch(c -> c.name().contains("rotary"));
    }

    @Test
    void torchtitansPerOperatorPolicyRedoesEveryOtherMatmul() {
        // Llama 3 8B as torchtitan trains it: FSDP on 8 GPUs, local batch 2, sequences of 8192
        Map<String, Object> parameters = Jobs.gpt3(16);
        Map<String, Object> model = Jobs.model(parameters);
        model.putAll(Map.of("layers", 32, "hidden", 4096, "heads", 32, "kv-heads", 8, "ffn-hidden", 14336,
                "activation", "swiglu", "vocab", 128256, "seq-len", 8192));
        TrainingJob llama = JobReader.read(parameters);
        IterationWork none = IterationBuilder.build(llama, new ParallelPlan(1, 1, 8, 1, 1, 2, 1, false, 1,
                Recompute.NONE, 3));
        IterationWork op = IterationBuilder.build(llama, new ParallelPlan(1, 1, 8, 1, 1, 2, 1, false, 1,
                Recompute.SELECTIVE_OP, 3));
        IterationWork full = IterationBuilder.build(llama, new ParallelPlan(1, 1, 8, 1, 1, 2, 1, false, 1,
                Recompute.FULL, 3));
        // redone: wk (4096 x 1024), wo (4096 x 4096) and w3 (4096 x 14336), 2 FLOPs per weight and token
        double tokensPerDevice = 16.0 * 8192 / 8;
        double redone = 32 * 2.0 * (4096.0 * 1024 + 4096.0 * 4096 + 4096.0 * 14336) * tokensPerDevice;
        assertThat(op.hardwareFlops() - op.modelFlops()).isCloseTo(redone, Percentage.withPercentage(1e-9));
        assertThat(op.hardwareFlops()).isGreaterThan(none.hardwareFlops()).isLessThan(full.hardwareFlops());
        // kept per token and layer: the layer's input, wq, wv, attention, w1 and w2 outputs in BF16
        double kept = (4096 + 4096 + 1024 + 4096 + 14336 + 4096) * 2.0;
        double held = op.stages().get(0).memory().activationBytes();
        double tokens = 2.0 * 8192;
        assertThat(held).isGreaterThan(32 * tokens * kept)
                .isLessThan(none.stages().get(0).memory().activationBytes())
                .isGreaterThan(full.stages().get(0).memory().activationBytes());
        assertThat(held - 32 * tokens * kept).isLessThan(tokens * 4096 * 40);
    }

    @Test
    void eachAttentionCallRunsOverTheWholeSequencesKeys() {
        Map<String, Object> parameters = Jobs.gpt3(16);
        Map<String, Object> model = Jobs.model(parameters);
        model.putAll(Map.of("seq-len", 32768));
        parameters.put("framework", Map.of("flash-attention", true));
        TrainingJob job = JobReader.read(parameters);
        // context parallelism gathers K and V: each rank's queries still meet all 32,768 keys
        IterationWork whole = IterationBuilder.build(job, new ParallelPlan(8, 1, 2, 1, 1, 1, 8, true, 1,
                Recompute.NONE, 1));
        IterationWork gathered = IterationBuilder.build(job, new ParallelPlan(8, 1, 2, 1, 4, 1, 8, true, 1,
                Recompute.NONE, 1));
        assertThat(whole.stages().get(0).compute()).filteredOn(c -> c.kind() == OperatorKind.ATTENTION).isNotEmpty()
                .allSatisfy(c -> assertThat(c.attentionKeys()).isEqualTo(32768));
        assertThat(gathered.stages().get(0).compute()).filteredOn(c -> c.kind() == OperatorKind.ATTENTION)
                .isNotEmpty().allSatisfy(c -> assertThat(c.attentionKeys()).isEqualTo(32768));
        // other operators have no key length
        assertThat(gathered.stages().get(0).compute()).filteredOn(c -> c.kind() != OperatorKind.ATTENTION)
                .allSatisfy(c -> assertThat(c.attentionKeys()).isZero());
    }

    @Test
    void llama3LayersGoOneShortOnTheFirstAndLastStage() {
        Map<String, Object> parameters = Jobs.gpt3(2048);
        Jobs.model(parameters).put("layers", 126);
        TrainingJob job = JobReader.read(parameters);
        ParallelPlan plan = new ParallelPlan(8, 16, 128, 1, 1, 1, 16, true, 1, Recompute.NONE, 1);
        IterationBuilder.build(job, plan); // valid
        int[] layers = new int[16];
        IterationWork work = IterationBuilder.build(job, plan);
        for (StageWork stage : work.stages()) {
            layers[stage.stage()] = stage.compute().stream().filter(s -> s.name().equals("dense.forward.mlp.down"))
                    .mapToInt(ComputeStep::count).sum();
        }
        assertThat(layers[0]).isEqualTo(7);
        assertThat(layers[15]).isEqualTo(7);
        assertThat(layers[7]).isEqualTo(8);
        assertThat(java.util.Arrays.stream(layers).sum()).isEqualTo(126);
    }

    @Test
    void zeroShardsTheOptimizerStateAcrossDataParallelRanks() {
        IterationWork plain = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 0));
        IterationWork sharded = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1));
        assertThat(sharded.stages().get(3).memory().optimizerBytes())
                .isCloseTo(plain.stages().get(3).memory().optimizerBytes() / 16, Percentage.withPercentage(1e-9));
        assertThat(plain.stages().get(3).communication()).anyMatch(c -> c.name().equals("dp.grad-all-reduce"));
        assertThat(sharded.stages().get(3).communication()).anyMatch(c -> c.name().equals("dp.grad-reduce-scatter"))
                .anyMatch(c -> c.name().equals("dp.param-all-gather"));
    }

    @Test
    void fullyShardedStateIsSixteenBytesPerParameterAsZeroCountsIt() {
        // ZeRO-3 (Rajbhandari et al. 2020, Sec. 3.1) and FSDP with FP32 gradients: the FP32 shard
        // is the master copy, so weights 4 + gradients 4 + moments 8 = 16 B per parameter over dp
        IterationWork sharded = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 3));
        IterationWork plain = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 0));
        var s = sharded.stages().get(5).memory();
        var p = plain.stages().get(5).memory();
        double paramsPerDevice = p.weightBytes() / 2;
        assertThat(s.weightBytes() + s.gradientBytes() + s.optimizerBytes())
                .isCloseTo(16 * paramsPerDevice / 16, Percentage.withPercentage(1e-9));
    }

    @Test
    void underFp8TheOutputLayerStaysInSixteenBitsAndTorchaoCastsAreCountedPerLinear() {
        ParallelPlan plan = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        StageWork last = IterationBuilder.build(gpt3Fp8(Map.of()), plan).stages().get(11);
        assertThat(last.compute()).filteredOn(c -> c.name().startsWith("output.") && c.kind() == OperatorKind.MATMUL)
                .hasSize(2).allSatisfy(c -> assertThat(c.precision()).isEqualTo(Precision.BF16));
        // the 16-bit output layer and the materialised attention's score GEMMs cast nothing, even under torchao
        StageWork lastTorchao = IterationBuilder.build(gpt3Fp8(Map.of("fp8-casts", "torchao", "flash-attention", false)),
                plan).stages().get(11);
        assertThat(lastTorchao.compute()).anyMatch(c -> c.name().endsWith(".gemms"))
                .anyMatch(c -> c.name().endsWith(".fp8-casts"))
                .noneMatch(c -> c.name().endsWith(".fp8-casts") && (c.name().startsWith("output.")
                        || c.name().contains(".gemms")));

        StageWork inner = IterationBuilder.build(gpt3Fp8(Map.of("fp8-casts", "torchao")), plan).stages().get(5);
        // the MLP's up projection of one layer: 2048 tokens x 12288 in, 49152 / 8 out
        double m = 2048;
        double k = 12288;
        double n = 49152 / 8.0;
        assertThat(step(inner, "dense.forward.mlp.up.fp8-casts").bytes()).isEqualTo(4 * m * k + 6 * k * n);
        assertThat(step(inner, "dense.backward.mlp.up.fp8-casts").bytes()).isEqualTo(4 * m * n);
        assertThat(step(inner, "dense.forward.mlp.up.fp8-casts").count()).isEqualTo(96 / 12);
        // four linears, forward and backward, once each
        assertThat(inner.compute()).filteredOn(c -> c.name().endsWith(".fp8-casts")).hasSize(2 * 4);
        // a recomputed forward casts its input and weight again
        StageWork recomputed = IterationBuilder.build(gpt3Fp8(Map.of("fp8-casts", "torchao")),
                plan(8, 12, 16, 1, true, 1, Recompute.FULL, 1)).stages().get(5);
        assertThat(step(recomputed, "dense.recompute.mlp.up.fp8-casts").bytes()).isEqualTo(4 * m * k + 6 * k * n);
    }

    @Test
    void mlasProjectionsCastEachLinearOfTheirOwn() {
        // DeepSeek-V3's attention on 4 layers, TP 2: query 1536 and key-value 512 latent, 128 heads
        Map<String, Object> parameters = Jobs.gpt3(64);
        Jobs.job(parameters).put("precision", "fp8");
        Jobs.model(parameters).putAll(Map.of("layers", 4, "hidden", 7168, "heads", 128, "ffn-hidden", 18432,
                "activation", "swiglu", "vocab", 32000, "seq-len", 4096, "mla", Map.of("q-lora-rank", 1536,
                        "kv-lora-rank", 512, "qk-nope-head-dim", 128, "qk-rope-head-dim", 64, "v-head-dim", 128)));
        parameters.put("framework", Map.of("fp8-casts", "torchao"));
        StageWork stage = IterationBuilder.build(JobReader.read(parameters),
                new ParallelPlan(2, 1, 32, 1, 1, 1, 2, true, 1, Recompute.NONE, 1)).stages().get(0);
        double n = 4096;
        double heads = 128 / 2.0;
        assertThat(step(stage, "dense.forward.attention.projections.kv-up.fp8-casts").bytes())
                .isEqualTo(4 * n * 512 + 6 * 512 * heads * (128 + 128));
        assertThat(step(stage, "dense.backward.attention.projections.out.fp8-casts").bytes()).isEqualTo(4 * n * 7168);
        assertThat(stage.compute()).filteredOn(c -> c.name().contains(".forward.attention.projections.")
                && c.name().endsWith(".fp8-casts")).hasSize(5);
        assertThat(stage.compute()).noneMatch(c -> c.name().equals("dense.forward.attention.projections.fp8-casts"));
        // redoing every other matmul redoes the even linears in forward order: the query and key-value up projections
        StageWork everyOther = IterationBuilder.build(JobReader.read(parameters),
                new ParallelPlan(2, 1, 32, 1, 1, 1, 2, true, 1, Recompute.SELECTIVE_OP, 1)).stages().get(0);
        assertThat(everyOther.compute()).filteredOn(c -> c.name().startsWith("dense.recompute.attention.projections.")
                && c.name().endsWith(".fp8-casts")).extracting(ComputeStep::name).containsExactly(
                        "dense.recompute.attention.projections.q-up.fp8-casts",
                        "dense.recompute.attention.projections.kv-up.fp8-casts");
    }

    private static ComputeStep step(StageWork stage, String name) {
        return stage.compute().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fp8PrimaryWeightsDropTheBf16CopyAndAreGatheredInFp8() {
        TrainingJob fp8 = gpt3Fp8(Map.of());
        TrainingJob fp8Params = gpt3Fp8(Map.of("fp8-params", true));
        ParallelPlan plan = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        StageWork cached = IterationBuilder.build(fp8, plan).stages().get(5);
        StageWork primary = IterationBuilder.build(fp8Params, plan).stages().get(5);
        StageWork bf16 = IterationBuilder.build(GPT3, plan).stages().get(5);
        double params = bf16.memory().weightBytes() / 2;
        // an inner stage (no embedding): BF16 weight + FP8 weight + transpose, against the FP8 two alone
        assertThat(cached.memory().weightBytes()).isCloseTo(4 * params, Percentage.withPercentage(1e-9));
        assertThat(primary.memory().weightBytes()).isCloseTo(2 * params, Percentage.withPercentage(1e-9));
        assertThat(primary.memory().optimizerBytes()).as("the FP32 master copy stays")
                .isEqualTo(cached.memory().optimizerBytes());
        assertThat(gatheredBytes(cached, "dp.param-all-gather")).isPositive();
        assertThat(gatheredBytes(primary, "dp.param-all-gather"))
                .isCloseTo(gatheredBytes(cached, "dp.param-all-gather") / 2, Percentage.withPercentage(1e-9));

        // the first stage's input embedding stays BF16 (2 B), and is gathered in BF16
        StageWork first = IterationBuilder.build(fp8Params, plan).stages().get(0);
        StageWork firstBf16 = IterationBuilder.build(GPT3, plan).stages().get(0);
        double embedding = 51200.0 * 12288 / 8;
        double layers = firstBf16.memory().weightBytes() / 2 - embedding;
        assertThat(first.memory().weightBytes()).isCloseTo(2 * embedding + 2 * layers, Percentage.withPercentage(1e-9));
        assertThat(gatheredBytes(first, "dp.param-all-gather"))
                .isCloseTo(2 * embedding + layers, Percentage.withPercentage(1e-9));

        // FSDP gathers the layers in FP8 too, every micro-batch in forward and in backward
        ParallelPlan sharded = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 3);
        StageWork fsdp = IterationBuilder.build(fp8Params, sharded).stages().get(5);
        StageWork fsdpCached = IterationBuilder.build(fp8, sharded).stages().get(5);
        assertThat(gatheredBytes(fsdp, "dp.fsdp-param-all-gather")).isPositive()
                .isCloseTo(gatheredBytes(fsdpCached, "dp.fsdp-param-all-gather") / 2, Percentage.withPercentage(1e-9));
    }

    @Test
    void fsdp2CopiesEachGatherOutIntoTheParametersAndEachGradientIntoTheReduction() {
        StageWork inPlace = zero3Stage("per-layer", Recompute.SELECTIVE);
        StageWork fsdp2 = zero3Stage("per-layer-copied", Recompute.SELECTIVE);
        // the same collectives: one gather a layer in each pass, one reduce-scatter a layer
        assertThat(collectives(fsdp2, "dp.fsdp-param-all-gather", Phase.FORWARD))
                .isEqualTo(collectives(inPlace, "dp.fsdp-param-all-gather", Phase.FORWARD)).isEqualTo(96);
        assertThat(gatheredBytes(fsdp2, "dp.fsdp-grad-reduce-scatter"))
                .isEqualTo(gatheredBytes(inPlace, "dp.fsdp-grad-reduce-scatter"));
        // each gather copies the rank's shard in (1/1536 of the bytes) and the output out into the
        // parameters, each read and written, in the forward and again in the backward
        double gathered = gatheredBytes(inPlace, "dp.fsdp-param-all-gather") / 2;
        for (Phase phase : new Phase[] {Phase.FORWARD, Phase.BACKWARD}) {
            assertThat(memoryBytes(fsdp2, "dp.fsdp2-gather-copies", phase)).as(phase.name())
                    .isCloseTo(2 * gathered * (1 + 1.0 / 1536), Percentage.withPercentage(1e-9));
        }
        // each gradient read in BF16 and written in the FP32 of the reduction
        double reducedFp32 = gatheredBytes(inPlace, "dp.fsdp-grad-reduce-scatter");
        assertThat(memoryBytes(fsdp2, "dp.fsdp2-reduce-copies", Phase.BACKWARD))
                .isCloseTo(reducedFp32 / 4 * (2 + 4), Percentage.withPercentage(1e-9));
        // FSDP1's flat parameter is gathered into and reduced from in place
        assertThat(inPlace.compute()).noneMatch(c -> c.name().startsWith("dp.fsdp2-"));
        assertThat(fsdp2.compute()).noneMatch(c -> c.name().startsWith("dp.zero3-"));
    }

    @Test
    void deepSpeedsZero3Of2021GathersAndReducesEveryTensorAndGathersAgainForTheRecomputedForward() {
        StageWork layer = zero3Stage("per-layer", Recompute.FULL);
        StageWork tensor = zero3Stage("per-tensor", Recompute.FULL);
        // GPT-3's four weight matrices per layer are gathered one by one (norms and biases stay resident)
        assertThat(collectives(tensor, "dp.fsdp-param-all-gather", Phase.FORWARD))
                .isEqualTo(4 * collectives(layer, "dp.fsdp-param-all-gather", Phase.FORWARD)).isEqualTo(4 * 96);
        // the backward gathers again for the recomputed forward: twice the forward's bytes and calls
        assertThat(collectives(tensor, "dp.fsdp-param-all-gather", Phase.BACKWARD)).isEqualTo(2 * 4 * 96);
        assertThat(gatheredBytes(tensor, "dp.fsdp-param-all-gather"))
                .isCloseTo(1.5 * gatheredBytes(layer, "dp.fsdp-param-all-gather"), Percentage.withPercentage(1e-9));
        // the gradients move the same bytes, one parameter's reduce-scatter at a time
        // (_reduce_scatter_gradients: one torch.distributed.reduce_scatter per parameter), the
        // resident norms' and biases' too: 12 a GPT-3 layer
        assertThat(gatheredBytes(tensor, "dp.fsdp-grad-reduce-scatter"))
                .isCloseTo(gatheredBytes(layer, "dp.fsdp-grad-reduce-scatter"), Percentage.withPercentage(1e-9));
        assertThat(collectives(tensor, "dp.fsdp-grad-reduce-scatter", Phase.BACKWARD))
                .isEqualTo(12 * collectives(layer, "dp.fsdp-grad-reduce-scatter", Phase.BACKWARD)).isEqualTo(12 * 96);
        // on the device: a zero-filled tensor and PyTorch's copies out of its flat buffer per gather (3 B
        // per gathered byte), the bucket copy, the division and PyTorch's copy in per reduction (6)
        double gathered = gatheredBytes(layer, "dp.fsdp-param-all-gather") / 2;
        double reduced = gatheredBytes(layer, "dp.fsdp-grad-reduce-scatter");
        assertThat(memoryBytes(tensor, "dp.zero3-gather-copies", Phase.FORWARD))
                .isCloseTo(3 * gathered, Percentage.withPercentage(1e-9));
        assertThat(memoryBytes(tensor, "dp.zero3-gather-copies", Phase.BACKWARD))
                .isCloseTo(2 * 3 * gathered, Percentage.withPercentage(1e-9));
        assertThat(memoryBytes(tensor, "dp.zero3-reduce-copies", Phase.BACKWARD))
                .isCloseTo(6 * reduced, Percentage.withPercentage(1e-9));
        assertThat(layer.compute()).noneMatch(c -> c.name().startsWith("dp.zero3-"));
        // without full recomputation nothing is gathered a third time
        StageWork selective = zero3Stage("per-tensor", Recompute.SELECTIVE);
        assertThat(collectives(selective, "dp.fsdp-param-all-gather", Phase.BACKWARD)).isEqualTo(4 * 96);
        assertThat(memoryBytes(selective, "dp.zero3-gather-copies", Phase.BACKWARD))
                .isCloseTo(3 * gathered, Percentage.withPercentage(1e-9));
    }

    @Test
    void aStageExchangesWithANeighbourOnceAfterEachPassUnlessItsSendsAreSequential() {
        ParallelPlan pipelined = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        IterationWork batched = IterationBuilder.build(GPT3, pipelined);
        IterationWork sequential = IterationBuilder.build(gpt3With("p2p-exchange", "sequential"), pipelined);
        // Megatron: the send and the receive of one exchange together, one after the forward (with
        // the next stage) and one after the backward (with the previous one)
        assertThat(sends(batched.stages().get(5), Phase.FORWARD)).isEqualTo(1);
        assertThat(sends(batched.stages().get(5), Phase.BACKWARD)).isEqualTo(1);
        assertThat(sends(batched.stages().get(0), Phase.FORWARD)).isEqualTo(1);
        assertThat(sends(batched.stages().get(0), Phase.BACKWARD)).isZero();
        assertThat(sends(batched.stages().get(11), Phase.FORWARD)).isZero();
        assertThat(sends(batched.stages().get(11), Phase.BACKWARD)).isEqualTo(1);
        // DeepSpeed: a blocking receive, then a blocking send, each way
        assertThat(sends(sequential.stages().get(5), Phase.FORWARD)).isEqualTo(2);
        assertThat(sends(sequential.stages().get(5), Phase.BACKWARD)).isEqualTo(2);
        assertThat(sends(sequential.stages().get(0), Phase.BACKWARD)).isEqualTo(1);
        // interleaved, once after each forward and backward pair of chunks, both ways at once: v a
        // micro-batch, on every stage
        IterationWork interleaved = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 2, Recompute.FULL, 1));
        for (int stage : new int[] {0, 5, 11}) {
            assertThat(sends(interleaved.stages().get(stage), Phase.FORWARD)
                    + sends(interleaved.stages().get(stage), Phase.BACKWARD)).isEqualTo(2);
        }
        assertThatThrownBy(() -> gpt3With("p2p-exchange", "async")).hasMessageStartingWith("framework.p2p-exchange");
    }

    private static int sends(StageWork stage, Phase phase) {
        return stage.communication().stream().filter(c -> c.name().startsWith("pp.send-recv") && c.phase() == phase)
                .mapToInt(CommunicationStep::count).sum();
    }

    @Test
    void theVocabularySplitEmbeddingAndOutputLayerReduceOverTheTensorGroup() {
        double hidden = 2048.0 * 12288 * 2;
        IterationWork plain = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1));
        // the partial embeddings all-reduced forward; the output layer's input gradient backward
        assertThat(gatheredBytes(plain.stages().get(0), "embedding.tp.all-reduce")).isEqualTo(hidden);
        assertThat(gatheredBytes(plain.stages().get(11), "output.tp.all-reduce")).isEqualTo(hidden);
        assertThat(plain.stages().get(11).communication()).filteredOn(c -> c.name().equals("output.tp.all-reduce"))
                .singleElement().satisfies(c -> assertThat(c.phase()).isEqualTo(Phase.BACKWARD));
        // under SP: reduce-scattered into the sequence split forward, gathered back backward
        IterationWork split = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.FULL, 1));
        assertThat(gatheredBytes(split.stages().get(0), "embedding.tp.reduce-scatter")).isEqualTo(hidden);
        assertThat(gatheredBytes(split.stages().get(0), "embedding.tp.all-gather")).isEqualTo(hidden);
        assertThat(gatheredBytes(split.stages().get(0), "embedding.tp.all-reduce")).isZero();
        assertThat(gatheredBytes(split.stages().get(11), "output.tp.all-reduce")).isZero();
    }

    @Test
    void theBucketAtEachEndOfAnOverlappedReductionOrGatherIsExposed() {
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        StageWork stage = IterationBuilder.build(GPT3, zero1).stages().get(5);
        double params = gatheredBytes(stage, "dp.param-all-gather") / 2;
        // Megatron-Core's buckets: max(40M, 1M x dp) parameters; the last gradient bucket after the
        // backward, the first weight bucket before the forward, beside no compute
        double bucket = 40e6 / params;
        for (String name : new String[] {"dp.grad-reduce-scatter", "dp.param-all-gather"}) {
            double whole = gatheredBytes(stage, name);
            assertThat(stage.communication()).filteredOn(c -> c.name().equals(name + ".edge")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.overlap()).isEqualTo(Overlap.NONE);
                        assertThat(c.bytes()).isCloseTo(whole * bucket, Percentage.withPercentage(1e-9));
                    });
            assertThat(stage.communication()).filteredOn(c -> c.name().equals(name)).singleElement()
                    .satisfies(c -> assertThat(c.overlap()).isIn(Overlap.LAST_BACKWARD, Overlap.FIRST_FORWARD));
        }
        // not overlapped, the whole buffer goes as one
        StageWork plain = IterationBuilder.build(gpt3With("overlap-grad-reduce", false), zero1).stages().get(5);
        assertThat(plain.communication()).noneMatch(c -> c.name().equals("dp.grad-reduce-scatter.edge"));
    }

    @Test
    void prefetchedFsdpHidesEveryGatherButTheForwardsFirstAndEveryReductionButTheBackwardsLast() {
        StageWork stage = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 1, Recompute.FULL, 3)).stages().get(5);
        for (String name : new String[] {"dp.fsdp-param-all-gather", "dp.fsdp-grad-reduce-scatter"}) {
            Phase phase = name.contains("gather") ? Phase.FORWARD : Phase.BACKWARD;
            assertThat(stage.communication()).filteredOn(c -> c.name().equals(name + ".edge") && c.phase() == phase)
                    .singleElement().satisfies(c -> {
                        assertThat(c.count()).isEqualTo(1);
                        assertThat(c.overlap()).isEqualTo(Overlap.NONE);
                    });
            assertThat(stage.communication()).filteredOn(c -> c.name().equals(name) && c.phase() == phase)
                    .singleElement().satisfies(c -> assertThat(c.overlap()).isEqualTo(Overlap.SAME_PHASE));
            assertThat(collectives(stage, name, phase)).isEqualTo(8);
        }
        // the backward's gathers all hide behind the layers after them
        assertThat(stage.communication()).noneMatch(c -> c.name().equals("dp.fsdp-param-all-gather.edge")
                && c.phase() == Phase.BACKWARD);
        // interleaved, each of a stage's two chunks runs passes of its own, each with its edge
        StageWork interleaved = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 2, Recompute.FULL, 3))
                .stages().get(5);
        assertThat(interleaved.communication()).filteredOn(c -> c.name().equals("dp.fsdp-param-all-gather.edge"))
                .singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(2));
        assertThat(collectives(interleaved, "dp.fsdp-param-all-gather", Phase.FORWARD)).isEqualTo(8);
    }

    @Test
    void separateBiasGradientsReadEachBiasedLinearsOutputGradient() {
        ParallelPlan plan = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        StageWork separate = IterationBuilder.build(gpt3With("bias-grads", "separate"), plan).stages().get(5);
        // GPT-3's QKV (3h/t) and MLP up (4h/t) outputs column-split, the output and down projections'
        // whole h: 2048 tokens x (7h/8 + 2h) x 2 B a layer, 8 layers a stage
        double h = 12288;
        assertThat(memoryBytes(separate, "dense.backward.bias-grads", Phase.BACKWARD))
                .isCloseTo(8 * 2048 * (7 * h / 8 + 2 * h) * 2, Percentage.withPercentage(1e-9));
        assertThat(IterationBuilder.build(GPT3, plan).stages().get(5).compute())
                .noneMatch(c -> c.name().endsWith("bias-grads"));
    }

    @Test
    void adamOpByOpMakesAPassForEachOperation() {
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        double fused = memoryBytes(IterationBuilder.build(GPT3, zero1).stages().get(5), "optimizer.adam-step",
                Phase.ITERATION);
        double foreach = memoryBytes(IterationBuilder.build(gpt3With("optimizer-kernels", "foreach"), zero1).stages()
                .get(5), "optimizer.adam-step", Phase.ITERATION);
        assertThat(foreach / fused).isCloseTo(82.0 / 30, Percentage.withPercentage(1e-9));
        assertThatThrownBy(() -> gpt3With("optimizer-kernels", "apex")).hasMessageStartingWith(
                "framework.optimizer-kernels");
    }

    @Test
    void theWholeGradientBufferIsZeroedAndScaledEachIteration() {
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        StageWork megatron = IterationBuilder.build(GPT3, zero1).stages().get(5);
        double params = gatheredBytes(megatron, "dp.param-all-gather") / 2;
        // a write, then a read and a write, of the FP32 main gradients BF16 keeps
        assertThat(memoryBytes(megatron, "main-grads.zero-and-scale", Phase.ITERATION))
                .isCloseTo(12 * params, Percentage.withPercentage(1e-9));
        // sharded gradients have no whole buffer, DeepSpeed's BF16_Optimizer its own FP32 copies
        StageWork fsdp = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 1, Recompute.FULL, 3)).stages().get(5);
        assertThat(fsdp.compute()).noneMatch(c -> c.name().equals("main-grads.zero-and-scale"));
        StageWork bf16Optimizer = IterationBuilder.build(gpt3With("main-grads", "deepspeed-bf16"), zero1).stages().get(5);
        assertThat(bf16Optimizer.compute()).noneMatch(c -> c.name().equals("main-grads.zero-and-scale"));
    }

    @Test
    void theEmbeddingsBackwardWritesAGradientOfTheWholeTable() {
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        double tokens = 2048;
        // the rows gathered forward (read and written, 2 B each), read and added backward: twice that
        double rows = 2 * (2 * 2 * tokens * 12288);
        double table = 51200.0 * 12288 / 8;
        // zero-filled (2 B an element) every micro-batch, then added into the FP32 main gradient by
        // Megatron's DDP hook (read 2 and 4, write 4), as no GEMM accumulates it
        StageWork fused = IterationBuilder.build(GPT3, zero1).stages().get(0);
        assertThat(memoryBytes(fused, "embedding.backward", Phase.BACKWARD))
                .isCloseTo(rows + table * (2 + 10), Percentage.withPercentage(1e-9));
        // where every gradient is added by a kernel of its own, the embedding's is counted with them
        StageWork added = IterationBuilder.build(gpt3With("main-grads", "added"), zero1).stages().get(0);
        assertThat(memoryBytes(added, "embedding.backward", Phase.BACKWARD))
                .isCloseTo(rows + table * 2, Percentage.withPercentage(1e-9));
    }

    @Test
    void unfusedAccumulationAddsEachMicroBatchsGradientsWithAKernelOfItsOwn() {
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        StageWork fused = IterationBuilder.build(GPT3, zero1).stages().get(5);
        double params = gatheredBytes(fused, "dp.param-all-gather") / 2;
        assertThat(fused.compute()).noneMatch(c -> c.name().equals("main-grads.backward.accumulation"));
        // read the 16-bit gradient and the main gradient, write the sum: 2 + 4 + 4 B under BF16's
        // FP32 main gradients, 2 + 2 + 2 B where they are 16-bit; once per micro-batch's backward
        for (Map.Entry<Integer, Double> reduce : Map.of(4, 10.0, 2, 6.0).entrySet()) {
            Map<String, Object> parameters = Jobs.gpt3(1536);
            parameters.put("framework", Map.of("main-grads", "added", "grad-reduce-bytes", reduce.getKey()));
            StageWork added = IterationBuilder.build(JobReader.read(parameters), zero1).stages().get(5);
            assertThat(added.compute()).filteredOn(c -> c.name().equals("main-grads.backward.accumulation"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.phase()).isEqualTo(Phase.BACKWARD);
                        assertThat(c.bytes()).isCloseTo(reduce.getValue() * params, Percentage.withPercentage(1e-9));
                    });
        }
        // sharded gradients are reduce-scattered every micro-batch: nothing to add into
        TrainingJob added = gpt3With("main-grads", "added");
        assertThatThrownBy(() -> IterationBuilder.build(added, plan(8, 12, 16, 1, false, 1, Recompute.FULL, 3)))
                .hasMessageContaining("framework.main-grads: added accumulates each micro-batch's gradients into the whole gradient, which ZeRO 3 shards");
    }

    @Test
    void deepSpeedsBf16OptimizerAddsEachMicroBatchsGradientsIntoFp32CopiesAndAllReducesThem() {
        TrainingJob deepSpeed = gpt3With("main-grads", "deepspeed-bf16");
        ParallelPlan zero1 = plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1);
        StageWork megatron = IterationBuilder.build(GPT3, zero1).stages().get(5);
        StageWork bf16Optimizer = IterationBuilder.build(deepSpeed, zero1).stages().get(5);
        double params = gatheredBytes(megatron, "dp.param-all-gather") / 2;
        // update_hp_grads after every micro-batch's backward: cast (2 + 4 B) and add (4 + 4 + 4 B)
        assertThat(bf16Optimizer.compute()).filteredOn(c -> c.name().equals("main-grads.backward.fp32-accumulation"))
                .singleElement().satisfies(c -> {
                    assertThat(c.phase()).isEqualTo(Phase.BACKWARD);
                    assertThat(c.bytes()).isCloseTo(18 * params, Percentage.withPercentage(1e-9));
                });
        assertThat(megatron.compute()).noneMatch(c -> c.name().equals("main-grads.backward.fp32-accumulation"));
        // the FP32 gradients are all-reduced after the last backward, where Megatron reduce-scatters
        // them; the BF16 weights gathered back; neither beside any compute
        assertThat(gatheredBytes(megatron, "dp.grad-reduce-scatter")).isPositive();
        assertThat(gatheredBytes(bf16Optimizer, "dp.grad-reduce-scatter")).isZero();
        assertThat(bf16Optimizer.communication()).filteredOn(c -> c.name().startsWith("dp.")).hasSize(2)
                .allSatisfy(c -> assertThat(c.overlap()).isEqualTo(Overlap.NONE));
        assertThat(gatheredBytes(bf16Optimizer, "dp.grad-all-reduce")).isCloseTo(4 * params, Percentage.withPercentage(1e-9));
        assertThat(gatheredBytes(bf16Optimizer, "dp.param-all-gather")).isEqualTo(gatheredBytes(megatron, "dp.param-all-gather"));
        // its BF16 gradients and their FP32 copies are held whole (6 B a parameter, Megatron 4)
        assertThat(bf16Optimizer.memory().gradientBytes()).isCloseTo(1.5 * megatron.memory().gradientBytes(),
                Percentage.withPercentage(1e-9));
        // it shards the optimizer state as ZeRO 1 does, and nothing else
        for (int zero : new int[] {0, 3}) {
            assertThatThrownBy(() -> IterationBuilder.build(deepSpeed, plan(8, 12, 16, 1, false, 1, Recompute.FULL, zero)))
                    .hasMessageContaining("BF16_Optimizer").hasMessageEndingWith("needs zero 1, not " + zero);
        }
    }

    @Test
    void aTiedEmbeddingsGradientIsAllReducedBetweenTheFirstAndTheLastStage() {
        double table = 12288.0 * 51200 / 8;
        // the main gradients' bytes: FP32, GPT3's default under BF16; 2 where reduced in 16 bits; FP32
        // again under DeepSpeed's BF16_Optimizer
        for (Map.Entry<Map<String, Object>, Double> framework : Map.of(Map.<String, Object>of(), 4.0,
                Map.<String, Object>of("grad-reduce-bytes", 2), 2.0,
                Map.<String, Object>of("main-grads", "deepspeed-bf16"), 4.0).entrySet()) {
            Map<String, Object> parameters = Jobs.gpt3(1536);
            Jobs.model(parameters).put("tied-embeddings", true);
            parameters.put("framework", framework.getKey());
            IterationWork work = IterationBuilder.build(JobReader.read(parameters),
                    plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1));
            for (int stage : new int[] {0, 11}) {
                assertThat(work.stages().get(stage).communication())
                        .filteredOn(c -> c.name().equals("pp.tied-embedding-all-reduce")).singleElement()
                        .satisfies(c -> {
                            // Megatron's embedding group: the first and the last stage
                            assertThat(c.axis()).isEqualTo(ParallelAxis.EMBEDDING);
                            assertThat(c.phase()).isEqualTo(Phase.ITERATION);
                            assertThat(c.bytes()).isCloseTo(framework.getValue() * table, Percentage.withPercentage(1e-9));
                        });
            }
            assertThat(work.stages().get(5).communication())
                    .noneMatch(c -> c.name().equals("pp.tied-embedding-all-reduce"));
        }
        // untied, or with one stage holding both ends, there is nothing to all-reduce
        assertThat(IterationBuilder.build(GPT3, plan(8, 12, 16, 1, false, 1, Recompute.FULL, 1)).stages().get(0)
                .communication()).noneMatch(c -> c.name().equals("pp.tied-embedding-all-reduce"));
        Map<String, Object> parameters = Jobs.gpt3(1536);
        Jobs.model(parameters).put("tied-embeddings", true);
        assertThat(IterationBuilder.build(JobReader.read(parameters), plan(8, 1, 16, 1, false, 1, Recompute.FULL, 1))
                .stages().get(0).communication()).noneMatch(c -> c.name().equals("pp.tied-embedding-all-reduce"));
    }

    @Test
    void pipelineSendsOverlapOnlyInTheInterleavedSchedule() {
        TrainingJob overlapped = gpt3With("overlap-p2p", true);
        ParallelPlan interleaved = plan(8, 12, 16, 1, true, 2, Recompute.NONE, 1);
        ParallelPlan oneChunk = plan(8, 12, 16, 1, true, 1, Recompute.NONE, 1);
        assertThat(sendOverlaps(overlapped, interleaved)).containsOnly(Overlap.SAME_PHASE);
        // Megatron turns overlap_p2p_comm off without virtual stages: the stage waits for its sends
        assertThat(sendOverlaps(overlapped, oneChunk)).containsOnly(Overlap.NONE);
        assertThat(sendOverlaps(GPT3, interleaved)).as("off by default").containsOnly(Overlap.NONE);
    }

    private static List<Overlap> sendOverlaps(TrainingJob job, ParallelPlan plan) {
        List<Overlap> overlaps = IterationBuilder.build(job, plan).stages().get(5).communication().stream()
                .filter(c -> c.name().startsWith("pp.send-recv")).map(CommunicationStep::overlap).toList();
        assertThat(overlaps).hasSize(2);
        return overlaps;
    }

    /** How many of a collective a phase runs, the one at the pass's edge included. */
    private static long collectives(StageWork stage, String name, Phase phase) {
        return stage.communication().stream()
                .filter(c -> (c.name().equals(name) || c.name().equals(name + ".edge")) && c.phase() == phase)
                .mapToLong(CommunicationStep::count).sum();
    }

    private static double memoryBytes(StageWork stage, String name, Phase phase) {
        return stage.compute().stream().filter(c -> c.name().equals(name) && c.phase() == phase)
                .mapToDouble(c -> c.bytes() * c.count()).sum();
    }

    /** The bytes a collective moves, all its buckets together. */
    private static double gatheredBytes(StageWork stage, String name) {
        return stage.communication().stream().filter(c -> c.name().equals(name) || c.name().equals(name + ".edge"))
                .mapToDouble(c -> c.bytes() * c.count()).sum();
    }

    @Test
    void theLastStageHoldsOneFp32CopyOfTheLogits() {
        // Korthikanti et al. 2022, Sec. 4.3: 4 s b v / t bytes for the output layer's logits
        IterationWork work = IterationBuilder.build(GPT3, plan(8, 12, 16, 1, true, 1, Recompute.NONE, 0));
        double logits = 4.0 * 2048 * 1 * 51200 / 8;
        assertThat(work.stages().get(11).memory().bufferBytes()).isCloseTo(logits, Percentage.withPercentage(1e-9));
        assertThat(work.stages().get(5).memory().bufferBytes()).isZero();
    }

    @Test
    void expertTensorParallelismSplitsTheExpertsOrFoldsThemIntoTheTensorRanks() {
        Map<String, Object> parameters = Jobs.gpt3(256);
        Jobs.model(parameters).putAll(Map.of("layers", 8, "hidden", 4096, "heads", 32, "ffn-hidden", 16384,
                "activation", "swiglu", "moe", Map.of("experts", 64, "top-k", 8, "expert-ffn-hidden", 1024)));
        TrainingJob job = JobReader.read(parameters);
        ParallelPlan folded = new ParallelPlan(8, 1, 32, 16, 1, 1, 8, true, 1, Recompute.NONE, 1, 1);
        ParallelPlan split = new ParallelPlan(8, 1, 32, 16, 1, 1, 8, true, 1, Recompute.NONE, 1, 8);
        StageWork a = IterationBuilder.build(job, folded).stages().get(0);
        StageWork b = IterationBuilder.build(job, split).stages().get(0);
        // whole experts on each of 16 expert ranks (4 each) vs experts split 8 ways over 16 x 8 ranks
        assertThat(b.memory().weightBytes()).isLessThan(a.memory().weightBytes());
        assertThat(a.communication()).noneMatch(c -> c.name().contains("etp."));
        assertThat(b.communication()).anyMatch(c -> c.name().contains("etp.all-gather"));
        // the same expert FLOPs either way: routing is balanced
        double expertFlopsA = a.compute().stream().filter(c -> c.name().contains("experts"))
                .mapToDouble(c -> c.flops() * c.count()).sum();
        double expertFlopsB = b.compute().stream().filter(c -> c.name().contains("experts"))
                .mapToDouble(c -> c.flops() * c.count()).sum();
        assertThat(expertFlopsA).isCloseTo(expertFlopsB, Percentage.withPercentage(1e-9));
        // expert gradients are reduced over the replicas of each expert shard, dense ones over dp
        assertThat(a.communication()).anyMatch(c -> c.name().equals("edp.grad-reduce-scatter")
                && c.axis() == ParallelAxis.EXPERT_DATA)
                .anyMatch(c -> c.name().equals("dp.grad-reduce-scatter") && c.axis() == ParallelAxis.DATA);
        // under SP a MoE layer without shared experts has only attention's TP pair: the routed
        // experts move their own tokens
        assertThat(a.communication().stream().filter(c -> c.name().equals("moe.forward.tp.all-gather"))
                .mapToInt(CommunicationStep::count).sum()).isEqualTo(8);
        // without SP every tensor rank holds all tokens: nothing to gather, the same expert FLOPs
        StageWork noSp = IterationBuilder.build(job, new ParallelPlan(8, 1, 32, 1, 1, 1, 8, false, 1, Recompute.NONE,
                1, 8)).stages().get(0);
        assertThat(noSp.communication()).noneMatch(c -> c.name().contains("etp."));
        assertThat(noSp.compute().stream().filter(c -> c.name().contains("experts"))
                .mapToDouble(c -> c.flops() * c.count()).sum()).isCloseTo(expertFlopsB, Percentage.withPercentage(1e-9));
        assertThatThrownBy(() -> IterationBuilder.build(job, new ParallelPlan(8, 1, 32, 16, 1, 1, 8, false, 1,
                Recompute.NONE, 1, 1))).hasMessageContaining("needs sequence parallelism");
        assertThatThrownBy(() -> IterationBuilder.build(job, new ParallelPlan(8, 1, 32, 16, 1, 1, 8, true, 1,
                Recompute.NONE, 1, 4))).hasMessageContaining("must be 1 or the tensor degree");
    }

    @Test
    void plansThatDoNotDivideAreRejectedWithTheRule() {
        assertThatThrownBy(() -> IterationBuilder.build(GPT3, new ParallelPlan(7, 1, 1, 1, 1, 1, 1536)))
                .hasMessageContaining("heads (96) not divisible by tp 7");
        assertThatThrownBy(() -> IterationBuilder.build(GPT3, new ParallelPlan(8, 12, 16, 1, 1, 1, 95)))
                .hasMessageContaining("not the job's global batch of 1536");
        assertThatThrownBy(() -> IterationBuilder.build(GPT3, new ParallelPlan(8, 12, 16, 2, 1, 1, 96)))
                .hasMessageContaining("needs a MoE model");
        assertThatThrownBy(() -> IterationBuilder.build(GPT3, plan(8, 10, 16, 1, true, 2, Recompute.NONE, 1)))
                .hasMessageContaining("micro-batches (96) divisible by pp (10)");
    }
}
