package org.scalemodel.api.training;

import java.util.Objects;

/**
 * One operator's share of the compute of the stage that sets an iteration's pace: what a planner
 * reads to see which GEMM, kernel or memory-bound pass the time goes to, and how close each runs to
 * the part's peak.
 *
 * @param operator    the operator, as the workload generator names it (e.g.
 *                    {@code dense.backward.mlp.up}); identical operators of all layers together
 * @param kind        {@code matmul}, {@code attention} or {@code memory-bound}
 * @param memoryBound whether it was priced at the memory bandwidth rather than the compute rate
 * @param seconds     its time per iteration, &gt;= 0
 * @param flops       its floating-point operations per iteration, &gt;= 0
 */
public record OperatorTime(String operator, String kind, boolean memoryBound, double seconds, double flops) {

    public OperatorTime {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(kind, "kind");
    }

    /** @return the rate it runs at, FLOP/s; 0 for work without FLOPs */
    public double flopsPerSecond() {
        return seconds > 0 ? flops / seconds : 0;
    }
}
