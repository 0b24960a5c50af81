package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PublishedCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PublishedCase read(String json) throws Exception {
        return new PublishedCase(JSON.readTree(json));
    }

    /** The framework settings a case's workload carries. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> framework(PublishedCase c) throws Exception {
        return (Map<String, Object>) c.workload().get("framework");
    }

    /** The model a case's workload describes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(PublishedCase c) throws Exception {
        return (Map<String, Object>) c.workload().get("model");
    }

    private static final String CASE = """
            {"id": "x-175B", "case_type": "training_step", "source": {"year": 2024},
             "model": {"layers": 96, "hidden": 12288, "heads": 96, "kv_heads": 96, "ffn_hidden": 49152,
                       "ffn_activation": "GeLU", "vocab": 51200, "seq_len": 2048},
             "hardware": {"accelerator_id": "a100", "count": 1024, "devices_per_node": 8, "scale_up_domain": 8,
                          "scale_out_gbps_per_device": 200},
             "parallelism": {"tp": 8, "pp": 8, "dp": 16, "cp": 1, "ep": 1, "vpp": 3, "sequence_parallel": true,
                             "zero_or_sharding": "distributed optimizer (likely)", "activation_recompute": "selective"},
             "batch": {"micro_batch": 1, "global_batch_seqs": 1536},
             "precision": "BF16 (MFU quoted vs BF16 peak; FP8 not mentioned)",
             "primary": {"metric": "mfu_pct", "value": 50}}
            """;

    @Test
    void readsThePlanTheCaseRan() throws Exception {
        PublishedCase c = read(CASE);
        ParallelPlan plan = c.plan();
        assertThat(plan).isEqualTo(new ParallelPlan(8, 8, 16, 1, 1, 1, 96, true, 3, Recompute.SELECTIVE, 1));
        assertThat(c.source()).isEqualTo("x");
        assertThat(c.precision()).as("the first precision named").isEqualTo("bf16");
        assertThat(c.assumptions()).isEmpty();
    }

    @Test
    void aStatedPlanIsTheOnlyCandidate() throws Exception {
        PublishedCase c = read(CASE);
        ParallelPlan plan = c.plan();
        assertThat(c.plans(plan)).containsExactly(plan);
    }

    @Test
    void anInterleavedRunWithoutAChunkCountOffersEveryCountItsLayersAllow() throws Exception {
        // 96 layers over pp 8: 12 a stage, split evenly into 2, 3, 4, 6 or 12 chunks
        String interleaved = "\"vpp\": null, \"pipeline_schedule\": \"interleaved 1F1B (chunk count not stated)\"";
        PublishedCase c = read(CASE.replace("\"vpp\": 3", interleaved));
        ParallelPlan stated = c.plan();
        assertThat(stated.virtualStages()).isEqualTo(1);
        assertThat(c.plans(stated)).extracting(ParallelPlan::virtualStages).containsExactly(2, 3, 4, 6, 12);
        assertThat(c.plans(stated)).as("worked out once").isSameAs(c.plans(stated));
        c.choseChunks(c.plans(stated).get(2), 5, true);
        c.choseChunks(c.plans(stated).get(2), 5, false);
        assertThat(c.assumptions()).contains("interleaved schedule, chunk count not stated: the fastest that fits of "
                + "the 5 chunk counts its layers and micro-batches allow (4 virtual stages)", "interleaved schedule, "
                + "chunk count not stated: none fits: the fastest of the 5 chunk counts its layers and micro-batches "
                + "allow (4 virtual stages)");
        // 105 layers over pp 35: 3 a stage, one count to choose
        PublishedCase one = read(CASE.replace("\"vpp\": 3", interleaved).replace("\"layers\": 96", "\"layers\": 105")
                .replace("\"pp\": 8, \"dp\": 16", "\"pp\": 35, \"dp\": 4").replace("\"count\": 1024", "\"count\": 1120")
                .replace("1536", "1120"));
        ParallelPlan oneStated = one.plan();
        assertThat(one.plans(oneStated)).extracting(ParallelPlan::virtualStages).containsExactly(3);
        one.choseChunks(one.plans(oneStated).get(0), 1, true);
        assertThat(one.assumptions()).anyMatch(a -> a.endsWith("chunk count not stated: the one chunk count its layers "
                + "and micro-batches allow (3 virtual stages)"));
    }

    @Test
    void aRunWhosePipelineSendsOverlapComputeRanInterleaved() throws Exception {
        // Megatron-LM overlaps the sends only with virtual stages: a run naming no schedule (in the
        // validation data's words) that says it overlapped them is priced at the chunk counts its 12
        // layers a stage and 96 micro-batches allow, and its overlap is said as an interleaved run's
        String implied = CASE.replace("\"vpp\": 3", "\"vpp\": null, \"pipeline_schedule\": \"1F1B / interleaved "
                + "(not stated)\", \"other\": \"--tp-comm-overlap; PP comm overlap default\"");
        PublishedCase overlapped = new PublishedCase(JSON.readTree(implied), Set.of(StatedOverlap.PIPELINE));
        assertThat(framework(overlapped)).containsEntry("overlap-p2p", true);
        ParallelPlan stated = overlapped.plan();
        assertThat(overlapped.plans(stated)).extracting(ParallelPlan::virtualStages).containsExactly(2, 3, 4, 6, 12);
        assertThat(overlapped.assumptions())
                .contains("PP communication overlap stated: credited as hiding what it overlaps (a what-if)",
                        "pipeline schedule not stated: interleaved priced, the only one in which Megatron overlaps the "
                                + "pipeline's sends as the case says it did")
                .noneMatch(a -> a.endsWith("1F1B priced") || a.contains("as 1F1B runs it"));
        // where its micro-batches do not divide by pp (97 over 8) no chunk count fits: 1F1B, said once, and so is the overlap
        PublishedCase uneven = new PublishedCase(JSON.readTree(implied.replace("\"global_batch_seqs\": 1536",
                "\"global_batch_seqs\": 1552")), Set.of(StatedOverlap.PIPELINE));
        assertThat(framework(uneven)).containsEntry("overlap-p2p", false);
        ParallelPlan fallback = uneven.plan();
        assertThat(uneven.plans(fallback)).containsExactly(fallback);
        assertThat(uneven.assumptions())
                .contains("pipeline schedule not stated, and its layers or micro-batches allow none of the interleaving "
                        + "its pipeline overlap implies: 1F1B priced")
                .anyMatch(a -> a.startsWith("PP communication overlap stated") && a.contains("as 1F1B runs it"))
                .noneMatch(a -> a.startsWith("pipeline schedule not stated: interleaved priced"));
        // one that says it did not, or says nothing, stays 1F1B
        for (String other : new String[] {"no PP comm overlap", ""}) {
            PublishedCase c = read(CASE.replace("\"vpp\": 3", "\"vpp\": null, \"other\": \"" + other + "\""));
            ParallelPlan plan = c.plan();
            assertThat(c.plans(plan)).as(other).containsExactly(plan);
            assertThat(c.assumptions()).as(other).containsOnlyOnce("pipeline schedule not stated: 1F1B priced");
        }
        // a stated schedule is kept whatever the overlap says, and is not said to be unstated
        PublishedCase oneF1B = read(CASE.replace("\"vpp\": 3", "\"vpp\": null, \"pipeline_schedule\": \"1F1B\", "
                + "\"other\": \"PP comm overlap default\""));
        assertThat(oneF1B.plans(oneF1B.plan())).containsExactly(oneF1B.plan());
        assertThat(oneF1B.assumptions()).noneMatch(a -> a.startsWith("pipeline schedule not stated"));
        // and the overlap is said only where there is a pipeline to overlap
        PublishedCase pipelined = read(CASE.replace("\"vpp\": 3", "\"vpp\": 3, \"other\": \"PP comm overlap default\""));
        pipelined.workload();
        assertThat(pipelined.assumptions()).anyMatch(a -> a.startsWith("PP communication overlap stated"));
        PublishedCase flat = read(CASE.replace("\"pp\": 8, \"dp\": 16", "\"pp\": 1, \"dp\": 128")
                .replace("\"vpp\": 3", "\"vpp\": null, \"other\": \"PP comm overlap default\""));
        flat.workload();
        assertThat(flat.assumptions()).noneMatch(a -> a.startsWith("PP communication overlap"));
    }

    @Test
    void anInterleavedRunWhoseMicroBatchesDoNotDivideByPpIsPricedAs1F1B() throws Exception {
        // 1552 sequences over dp 16 and micro-batch 1 are 97 micro-batches, not a multiple of pp 8
        PublishedCase c = read(CASE.replace("\"vpp\": 3", "\"vpp\": null, \"pipeline_schedule\": \"interleaved\"")
                .replace("1536", "1552"));
        ParallelPlan stated = c.plan();
        assertThat(c.plans(stated)).containsExactly(stated);
        c.plans(stated);
        assertThat(c.assumptions()).as("said once").filteredOn(a -> a.endsWith("allow none: 1F1B priced")).hasSize(1);
    }

    @Test
    void gatedUnitsHaveThreeMatricesAndAStatedEagerRunMovesItsOperatorsBytes() throws Exception {
        for (String gated : new String[] {"SwiGLU", "GeGLU", "SiLU gated"}) {
            Map<String, Object> model = model(read(CASE.replace("\"GeLU\"", "\"" + gated + "\"")));
            assertThat(model).as(gated).containsEntry("activation", "swiglu");
        }
        assertThat(model(read(CASE))).containsEntry("activation", "gelu");
        PublishedCase eager = read(CASE.replace("\"activation_recompute\": \"selective\"",
                "\"activation_recompute\": \"selective\", \"other\": \"FSDP, eager\""));
        assertThat(framework(eager)).containsEntry("elementwise", "eager");
        assertThat(eager.assumptions()).anyMatch(a -> a.startsWith("eager mode stated"));
        assertThat(framework(read(CASE))).doesNotContainKey("elementwise");
    }

    @Test
    void aStatedTensorParallelOverlapIsSaidAndPricedAsNotHidden() throws Exception {
        for (String stated : new String[] {"--overlap-grad-reduce --tp-comm-overlap", "FSDP8 x TP8, AsyncTP"}) {
            PublishedCase c = read(CASE.replace("\"activation_recompute\": \"selective\"",
                    "\"activation_recompute\": \"selective\", \"other\": \"" + stated + "\""));
            assertThat(framework(c)).as(stated)
                    .containsEntry("tp-comm-overlap", false);
            assertThat(c.assumptions()).as(stated).anyMatch(a -> a.startsWith("TP communication overlap stated"));
        }
        assertThat(read(CASE).assumptions()).noneMatch(a -> a.startsWith("TP communication overlap"));
    }

    @Test
    void aCreditedOverlapIsPricedAsHiddenWhereACaseStatesIt() throws Exception {
        String stated = CASE.replace("\"vpp\": 3", "\"vpp\": 3, \"other\": \"--tp-comm-overlap; PP comm overlap default\"");
        PublishedCase asRun = new PublishedCase(JSON.readTree(stated));
        assertThat(framework(asRun)).containsEntry("tp-comm-overlap", false)
                .containsEntry("overlap-p2p", false);
        PublishedCase credited = new PublishedCase(JSON.readTree(stated),
                Set.of(StatedOverlap.TENSOR, StatedOverlap.PIPELINE));
        assertThat(framework(credited)).containsEntry("tp-comm-overlap", true)
                .containsEntry("overlap-p2p", true);
        assertThat(credited.assumptions()).contains(
                "TP communication overlap stated: credited as hiding what it overlaps (a what-if)",
                "PP communication overlap stated: credited as hiding what it overlaps (a what-if)");
        // a case that states no overlap has none to credit
        PublishedCase silent = new PublishedCase(JSON.readTree(CASE), Set.of(StatedOverlap.TENSOR));
        assertThat(framework(silent)).containsEntry("tp-comm-overlap", false);
        // nor does a pipeline stated 1F1B (Megatron overlaps its sends only interleaved), nor a run without TP
        PublishedCase oneChunk = new PublishedCase(JSON.readTree(stated.replace("\"vpp\": 3",
                "\"vpp\": null, \"pipeline_schedule\": \"1F1B\"")
                .replace("\"tp\": 8", "\"tp\": 1").replace("\"dp\": 16", "\"dp\": 128")),
                Set.of(StatedOverlap.TENSOR, StatedOverlap.PIPELINE));
        assertThat(framework(oneChunk)).containsEntry("tp-comm-overlap", false)
                .containsEntry("overlap-p2p", false);
        assertThat(oneChunk.assumptions()).contains("PP communication overlap stated: not credited, as 1F1B runs it "
                + "(Megatron overlaps the sends only when interleaved)").noneMatch(a -> a.startsWith("TP communication"));
    }

    @Test
    void llmFoundrysAttentionIsFlashAttention2AndItsTritonKernelIsSaidToBePricedSo() throws Exception {
        String foundry = CASE.replace("\"year\": 2024", "\"year\": 2024, \"title\": \"llm-foundry benchmarks\"");
        PublishedCase flash = read(foundry);
        assertThat(framework(flash)).containsEntry("attention-kernel", "flash-attention-2");
        assertThat(flash.assumptions()).contains("attention by FlashAttention-2 (no Transformer Engine)");
        PublishedCase triton = read(foundry.replace("\"seq_len\": 2048", "\"seq_len\": 2048, \"other\": \"MPT; attention "
                + "attn_impl triton (the script's default)\""));
        assertThat(framework(triton)).containsEntry("attention-kernel", "flash-attention-2")
                .containsEntry("optimizer-kernels", "foreach").containsEntry("bias-grads", "separate");
        assertThat(framework(read(CASE))).doesNotContainKey("optimizer-kernels");
        assertThat(triton.assumptions()).anyMatch(a -> a.startsWith("attention by LLM Foundry's Triton FlashAttention")
                && a.endsWith("too fast")).noneMatch(a -> a.startsWith("attention by FlashAttention-2"));
    }

    @Test
    void fsdp2IsGatheredThroughCopiedBuffers() throws Exception {
        PublishedCase fsdp2 = read(CASE.replace("\"distributed optimizer (likely)\"", "\"FSDP2 (fully sharded)\""));
        assertThat(framework(fsdp2)).containsEntry("zero3-gather", "per-layer-copied");
        assertThat(fsdp2.assumptions()).anyMatch(a -> a.startsWith("FSDP2: each gather copied out"));
        PublishedCase fsdp1 = read(CASE.replace("\"distributed optimizer (likely)\"", "\"PyTorch FSDP FULL_SHARD\""));
        assertThat(framework(fsdp1)).doesNotContainKey("zero3-gather");
    }

    @Test
    void fsdpOverlapsItsCollectivesWhateverTheYear() throws Exception {
        String of2022 = CASE.replace("\"year\": 2024", "\"year\": 2022");
        PublishedCase megatron = read(of2022);
        assertThat(framework(megatron)).containsEntry("overlap-grad-reduce", false)
                .containsEntry("overlap-param-gather", false);
        assertThat(megatron.assumptions()).contains("software of 2022: materialised attention, dropout, "
                + "DP communication not overlapped");
        // before Transformer Engine each bias's gradient was summed apart; TE folds it into the GEMM
        assertThat(framework(megatron)).containsEntry("bias-grads", "separate");
        assertThat(framework(read(CASE))).doesNotContainKey("bias-grads");
        PublishedCase fairscale = read(of2022.replace("\"distributed optimizer (likely)\"",
                "\"FSDP (Fully Sharded Data Parallel) + Megatron-LM tensor parallelism\""));
        assertThat(framework(fairscale)).containsEntry("overlap-grad-reduce", true)
                .containsEntry("overlap-param-gather", true);
        assertThat(fairscale.plan().zeroStage()).isEqualTo(3);
        assertThat(fairscale.assumptions()).anyMatch(a -> a.startsWith("FSDP: gathers and gradient reductions"))
                .contains("software of 2022: materialised attention, dropout, overlapped DP communication");
        // a JAX run's "fully sharded data parallel" (PaLM) is no FSDP of PyTorch's
        PublishedCase jax = read(of2022.replace("\"distributed optimizer (likely)\"",
                "\"256-way fully sharded data parallel\""));
        assertThat(framework(jax)).containsEntry("overlap-grad-reduce", false);
        assertThat(jax.assumptions()).noneMatch(a -> a.startsWith("FSDP:"));
    }

    @Test
    void torchtitansSelectiveCheckpointingIsItsPerOperatorPolicy() throws Exception {
        PublishedCase c = read(CASE.replace("\"year\": 2024", "\"year\": 2024, \"title\": \"TorchTitan: ...\""));
        assertThat(c.plan().recompute()).isEqualTo(Recompute.SELECTIVE_OP);
        assertThat(c.assumptions()).anyMatch(a -> a.contains("per-operator"));
    }

    @Test
    void torchtitanUnderPipelineParallelismGathersOnceAStepAsZero1Does() throws Exception {
        String titan = CASE.replace("\"year\": 2024", "\"year\": 2024, \"title\": \"TorchTitan: ...\"")
                .replace("\"distributed optimizer (likely)\"", "\"FSDP2 (fully sharded)\"");
        PublishedCase pipelined = read(titan);
        assertThat(pipelined.plan().zeroStage()).isEqualTo(1);
        // its FSDP2 without gradient sync adds each micro-batch's BF16 gradient into FP32 ones
        assertThat(framework(pipelined)).containsEntry("main-grads", "added");
        assertThat(pipelined.assumptions()).anyMatch(a -> a.startsWith("torchtitan under PP"))
                .noneMatch(a -> a.startsWith("FSDP2: each gather copied out"));
        PublishedCase unpipelined = read(titan.replace("\"pp\": 8", "\"pp\": 1").replace("\"vpp\": 3", "\"vpp\": 1"));
        assertThat(unpipelined.plan().zeroStage()).isEqualTo(3);
        assertThat(unpipelined.assumptions()).noneMatch(a -> a.startsWith("torchtitan under PP"));
        // FSDP of any other framework gathers every micro-batch, pipelined or not
        assertThat(read(CASE.replace("\"distributed optimizer (likely)\"", "\"FSDP2 (fully sharded)\"")).plan()
                .zeroStage()).isEqualTo(3);
    }

    @Test
    void ascendsMatmulCommunicationFusionIsSaidNotAssumedToHideEverything() throws Exception {
        PublishedCase c = read(CASE.replace("\"activation_recompute\": \"selective\"",
                "\"activation_recompute\": \"selective\", \"other\": \"MC2 (matmul+comm fusion)\""));
        Map<String, Object> framework = framework(c);
        assertThat(framework).containsEntry("tp-comm-overlap", false);
        assertThat(c.assumptions()).anyMatch(a -> a.contains("MC2") && a.contains("not hidden"));
    }

    @Test
    void buildsTheSystemFromWhatTheCaseStates() throws Exception {
        SystemSpec system = read(CASE).system(TestParts.a100());
        assertThat(system.acceleratorCount()).isEqualTo(1024);
        assertThat(system.levels()).hasSize(2);
        assertThat(system.levels().get(0).groupSize()).isEqualTo(8);
        assertThat(system.levels().get(0).interconnectId()).isEqualTo("nvlink-switch");
        assertThat(system.levels().get(1).parameters()).containsEntry("nic-bandwidth-per-direction", "200.0 Gb/s");
    }

    @Test
    void anAscendServerIsAFullMeshAndAFewOfItsNpusHaveOnlyTheLinksBetweenThem() throws Exception {
        org.scalemodel.api.hardware.AcceleratorSpec a100 = TestParts.a100();
        org.scalemodel.api.hardware.AcceleratorSpec npu = new org.scalemodel.api.hardware.AcceleratorSpec("npu",
                a100.aliases(), "Huawei", "NPU", "2023", a100.peakDense(), a100.peakSparse(), a100.memoryCapacity(),
                a100.memoryBandwidth(), a100.scaleUpPerDirection(), a100.scaleOutPerDirection(), a100.tdp(),
                a100.efficiency(), a100.sources(), "test");
        String mesh = CASE.replace("\"scale_up_domain\": 8,",
                "\"scale_up_domain\": 8, \"intra_node_interconnect\": \"HCCS full mesh among the 8 NPUs\",");
        SystemSpec server = read(mesh).system(npu);
        assertThat(server.levels().get(0).interconnectId()).isEqualTo("ub-mesh");
        assertThat(server.levels().get(0).parameters()).containsEntry("mesh", "8").containsEntry("detours", "false")
                .doesNotContainKey("bandwidth-per-direction");
        // four NPUs of an eight-NPU server: 3 of its 7 links, 300 GB/s x 3/7
        SystemSpec four = read(mesh.replace("\"count\": 1024", "\"count\": 4")).system(npu);
        assertThat(four.levels()).hasSize(1);
        assertThat(four.levels().get(0).parameters()).containsEntry("mesh", "4")
                .hasEntrySatisfying("bandwidth-per-direction", v -> assertThat(Double.parseDouble(v.split(" ")[0]))
                        .isCloseTo(300.0 * 3 / 7, org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void deepSpeedsZero3Of2021GathersEachTensor() throws Exception {
        String zero3 = CASE.replace("\"zero_or_sharding\": \"distributed optimizer (likely)\"",
                "\"zero_or_sharding\": \"DeepSpeed ZeRO stage 3 (no TP/PP)\"");
        PublishedCase of2021 = read(zero3.replace("\"year\": 2024", "\"year\": 2021"));
        assertThat(framework(of2021)).containsEntry("zero3-gather", "per-tensor");
        assertThat(of2021.assumptions()).anyMatch(a -> a.startsWith("DeepSpeed ZeRO-3 of 2021"));
        PublishedCase later = read(zero3);
        assertThat(framework(later)).doesNotContainKey("zero3-gather");
    }

    @Test
    void deepSpeedsBf16OptimizerKeepsFp32MainGradients() throws Exception {
        for (String wording : new String[] {"ZeRO stage 1 (DeepSpeed BF16Optimizer)", "DeepSpeed bf16_optimizer"}) {
            PublishedCase bloom = read(CASE.replace("\"zero_or_sharding\": \"distributed optimizer (likely)\"",
                    "\"zero_or_sharding\": \"" + wording + "\""));
            assertThat(framework(bloom)).containsEntry("main-grads", "deepspeed-bf16");
            assertThat(bloom.assumptions()).anyMatch(a -> a.startsWith("DeepSpeed's BF16_Optimizer"));
        }
        assertThat(framework(read(CASE))).doesNotContainKey("main-grads");
    }

    @Test
    void gradientsAreAddedByAKernelOfTheirOwnBeforeTheFusedAccumulationAndUnderDeepSpeed() throws Exception {
        String of2021 = CASE.replace("\"year\": 2024", "\"year\": 2021")
                .replace("\"distributed optimizer (likely)\"", "\"none (Megatron DDP)\"");
        PublishedCase megatron2021 = read(of2021);
        assertThat(framework(megatron2021)).containsEntry("main-grads", "added").doesNotContainKey("grad-reduce-bytes");
        assertThat(megatron2021.assumptions()).anyMatch(a -> a.startsWith("before gradient-accumulation fusion (2021)"));
        // DeepSpeed's engine leaves the accumulation to autograd and reduces in 16 bits, whatever the year
        PublishedCase deepSpeed = read(CASE.replace("\"distributed optimizer (likely)\"",
                "\"DeepSpeed ZeRO stage 1 (data-parallel optimizer sharding)\""));
        assertThat(framework(deepSpeed)).containsEntry("main-grads", "added").containsEntry("grad-reduce-bytes", 2);
        assertThat(deepSpeed.assumptions()).anyMatch(a -> a.startsWith("DeepSpeed's engine: each micro-batch's"));
        // its pipeline engine receives and sends one blocking call after the other
        assertThat(framework(deepSpeed)).containsEntry("p2p-exchange", "sequential");
        assertThat(framework(read(CASE))).doesNotContainKey("p2p-exchange");
        // fused from 2022 on; sharded gradients are not accumulated whole
        assertThat(framework(read(CASE))).doesNotContainKey("main-grads");
        assertThat(framework(read(of2021.replace("\"none (Megatron DDP)\"", "\"DeepSpeed ZeRO stage 3 (no TP/PP)\""))))
                .doesNotContainKey("main-grads");
    }

    @Test
    void aModelThatSaysItsEmbeddingsAreTiedIsReadSo() throws Exception {
        String tied = CASE.replace("\"seq_len\": 2048}", "\"seq_len\": 2048, \"other\": \"ALiBi, tied embeddings\"}");
        assertThat(model(read(tied))).containsEntry("tied-embeddings", true);
        assertThat(model(read(CASE))).doesNotContainKey("tied-embeddings");
    }

    @Test
    void readsTheWordingsOfSharding() throws Exception {
        for (Map.Entry<String, Integer> wording : Map.of("PyTorch FSDP FULL_SHARD (ZeRO-3 equivalent)", 3,
                "DeepSpeed ZeRO stage 1 (data-parallel optimizer sharding)", 1, "none (Megatron DDP)", 0,
                "ZeRO stage 1 (DeepSpeed BF16Optimizer)", 1).entrySet()) {
            PublishedCase c = read(CASE.replace("distributed optimizer (likely)", wording.getKey()));
            assertThat(c.plan().zeroStage()).as(wording.getKey()).isEqualTo(wording.getValue());
        }
        assertThat(read(CASE.replace("BF16 (MFU quoted vs BF16 peak; FP8 not mentioned)", "Float8 linears (BF16 otherwise)"))
                .precision()).isEqualTo("fp8");
    }

    @Test
    void saysWhichFieldIsMissing() throws Exception {
        PublishedCase c = read(CASE.replace("\"tp\": 8,", "\"tp\": null,"));
        assertThatThrownBy(c::plan).hasMessage("parallelism.tp not stated");
        // a batch the ranks cannot split, or a zero micro-batch, is refused with the figures, not divided by
        assertThatThrownBy(read(CASE.replace("\"global_batch_seqs\": 1536", "\"global_batch_seqs\": 1537"))::plan)
                .hasMessage("global batch 1537 is not a multiple of micro-batch 1 x dp 16");
        assertThatThrownBy(read(CASE.replace("\"micro_batch\": 1,", "\"micro_batch\": 0,"))::plan)
                .hasMessage("global batch 1536 is not a multiple of micro-batch 0 x dp 16");
        JsonNode node = JSON.readTree(CASE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.path("batch")).remove("micro_batch");
        PublishedCase noMicro = new PublishedCase(node);
        assertThat(noMicro.plan().microBatch()).isEqualTo(1);
        assertThat(noMicro.assumptions()).contains("micro-batch not stated: 1");
    }
}
