package org.scalemodel.api.workload;

import java.util.Objects;

import org.scalemodel.api.model.Precision;

/**
 * One operator (or a repeated group of identical operators) on one device.
 *
 * @param name      operator name, e.g. {@code "mlp.up"}
 * @param flops     floating-point operations of one repetition, &gt;= 0
 * @param bytes     bytes moved to and from device memory by one repetition, &gt;= 0
 * @param precision the precision the operator runs in
 * @param count     repetitions per iteration, &gt;= 1
 */
public record ComputeStep(String name, double flops, double bytes, Precision precision, int count) {

    public ComputeStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precision, "precision");
        WorkChecks.nonNegative(flops, "flops");
        WorkChecks.nonNegative(bytes, "bytes");
        WorkChecks.atLeastOne(count, "count");
    }
}
