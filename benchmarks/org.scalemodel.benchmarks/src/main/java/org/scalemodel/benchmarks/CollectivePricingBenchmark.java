package org.scalemodel.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.model.Collective;
import org.scalemodel.engine.SnapshotFabrics;

/**
 * Pricing one collective on 8-, 8,192- and 524,288-device systems: the planner's inner loop.
 * Run: {@code java -jar benchmarks/org.scalemodel.benchmarks/target/benchmarks.jar CollectivePricing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CollectivePricingBenchmark {

    @Param({"h100-node", "atlas-950-superpod", "atlas-950-supercluster-400g"})
    public String system;

    private Fabric fabric;
    private int wholeSystem;
    private double bytes;

    @Setup
    public void build() {
        fabric = new SnapshotFabrics().fabric(new Systems(), system);
        wholeSystem = (int) fabric.devices();
        bytes = 1 << 30;
    }

    /** A data-parallel all-reduce over every device: every level of the system is crossed. */
    @Benchmark
    public double allReduceOverTheWholeSystem() {
        return fabric.seconds(Collective.ALL_REDUCE, wholeSystem, 1, bytes);
    }

    /** An expert-parallel all-to-all of 64 devices. */
    @Benchmark
    public double allToAllOf64() {
        return fabric.seconds(Collective.ALL_TO_ALL, Math.min(64, wholeSystem), 1, bytes);
    }
}
