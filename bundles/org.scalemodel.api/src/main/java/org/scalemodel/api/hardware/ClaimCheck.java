package org.scalemodel.api.hardware;

import java.util.OptionalDouble;

/**
 * A vendor claim beside the total computed from the parts. Vendors' own arithmetic differs:
 * some step from GB to TB (or PFLOPS to EFLOPS) by 1024 instead of 1000, some print a capacity
 * of GiB per chip as if it were GB. The check computes each reading and says which one the
 * vendor's figure matches.
 *
 * @param claim         the claim
 * @param computed      the computed total (SI, decimal), empty if unknown
 * @param vendorBasis   the reading closest to the claim: {@link #DECIMAL}, {@link #STEP_1024} or
 *                      {@link #GIB_AS_GB}
 * @param asVendorReads the computed total as that reading prints it; empty if unknown
 * @param relativeError (claim - asVendorReads) / asVendorReads; NaN when unknown
 */
public record ClaimCheck(VendorClaim claim, OptionalDouble computed, String vendorBasis, OptionalDouble asVendorReads,
        double relativeError) {

    /** SI prefixes throughout: 1 TB = 1000 GB. */
    public static final String DECIMAL = "decimal";
    /** One step of 1024 where 1000 was meant: 1 TB = 1024 GB (computed / 1.024). */
    public static final String STEP_1024 = "1024-step";
    /** A binary per-chip capacity (GiB) totalled as if decimal (computed / 1.024^3). */
    public static final String GIB_AS_GB = "GiB-as-GB";

    /** @return the check of {@code claim} against {@code totals} */
    public static ClaimCheck of(VendorClaim claim, SystemTotals totals) {
        OptionalDouble computed = totals.forMetric(claim.metric());
        double claimed = claim.value().known().orElse(Double.NaN);
        if (computed.isEmpty() || Double.isNaN(claimed)) {
            return new ClaimCheck(claim, computed, DECIMAL, OptionalDouble.empty(), Double.NaN);
        }
        String basis = DECIMAL;
        double reading = computed.getAsDouble();
        if (!claim.metric().equals("accelerators")) {
            for (String candidate : new String[] {STEP_1024, GIB_AS_GB}) {
                double other = computed.getAsDouble() / factor(candidate);
                if (Math.abs(Math.log(claimed / other)) < Math.abs(Math.log(claimed / reading))) {
                    basis = candidate;
                    reading = other;
                }
            }
        }
        return new ClaimCheck(claim, computed, basis, OptionalDouble.of(reading), (claimed - reading) / reading);
    }

    private static double factor(String basis) {
        return basis.equals(STEP_1024) ? 1.024 : 1.024 * 1.024 * 1.024;
    }
}
