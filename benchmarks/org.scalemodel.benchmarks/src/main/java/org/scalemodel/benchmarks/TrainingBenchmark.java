package org.scalemodel.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadSpec;
import org.scalemodel.engine.SnapshotFabrics;
import org.scalemodel.engine.training.PlanEvaluator;
import org.scalemodel.engine.training.Planner;
import org.scalemodel.workload.transformer.TransformerTraining;

/**
 * The training engine's inner loop: generating and pricing one plan of a 100-layer dense model,
 * and a whole plan search for a 1T-parameter MoE on 524,288 accelerators.
 * Run: {@code java -jar benchmarks/org.scalemodel.benchmarks/target/benchmarks.jar Training}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingBenchmark {

    private final TransformerTraining generator = new TransformerTraining();
    private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    private PlanEvaluator evaluator;
    private WorkloadSpec dense100;
    private ParallelPlan densePlan;
    private WorkloadSpec moe1t;
    private Fabric supercluster;

    @Setup
    public void build() {
        Systems systems = new Systems();
        supercluster = new SnapshotFabrics().fabric(systems, "atlas-950-supercluster-400g");
        AcceleratorSpec part = systems.accelerator("ascend-950dt").orElseThrow();
        evaluator = new PlanEvaluator(part, supercluster);
        dense100 = new WorkloadSpec(TransformerTraining.ID, Map.of(
                "model", Map.of("layers", 100, "hidden", 12288, "heads", 96, "ffn-hidden", 49152, "vocab", 51200,
                        "seq-len", 4096),
                "job", Map.of("global-batch", 1280, "precision", "bf16")));
        densePlan = new ParallelPlan(8, 10, 64, 1, 1, 1, 20, true, 5, Recompute.SELECTIVE, 1);
        moe1t = new WorkloadSpec(TransformerTraining.ID, Map.of(
                "model", Map.of("layers", 61, "hidden", 7168, "heads", 64, "ffn-hidden", 18432, "activation", "swiglu",
                        "vocab", 163840, "seq-len", 4096,
                        "mla", Map.of("q-lora-rank", 1536, "kv-lora-rank", 512, "qk-nope-head-dim", 128,
                                "qk-rope-head-dim", 64, "v-head-dim", 128),
                        "moe", Map.of("experts", 384, "top-k", 8, "shared-experts", 1, "expert-ffn-hidden", 2048,
                                "dense-layers", 1)),
                "job", Map.of("global-batch", 65536, "precision", "fp8")));
    }

    /** Generate and price one plan of a 100-layer model (tp 8, pp 10, 5 virtual stages, dp 64). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TrainingResult evaluateOnePlanOf100Layers() {
        return evaluator.evaluate(densePlan, generator.generate(dense100, densePlan, random), 0);
    }

    /** The whole plan search for a 1T MoE on 524,288 accelerators (64 Atlas 950 SuperPoDs). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PlanSearch planMoe1TOn524288() {
        Planner planner = new Planner(evaluator, generator, moe1t, supercluster.devices(), 8192, 0);
        return planner.search(new Planner.Shape(61, 64, 384, 4096), new SearchSpace(65536, List.of(1, 2, 4, 8), 0,
                List.of(0, 1, 3), true), 5, SearchProgress.NONE);
    }
}
