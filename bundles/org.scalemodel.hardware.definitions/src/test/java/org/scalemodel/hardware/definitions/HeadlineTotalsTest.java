package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.ClaimCheck;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.SystemTotals;
import org.scalemodel.api.model.Precision;

/**
 * The vendors' headline totals, reproduced from the per-device facts of the shipped
 * definitions: within 3%, or exactly where the vendor's own arithmetic is exact.
 */
class HeadlineTotalsTest {

    private static final Catalog CATALOG = BuiltIns.load().current();

    @Test
    void theRequiredSystemsAndAliasesExist() {
        assertThat(CATALOG.systems()).extracting(SystemSpec::id).contains("atlas-900-a3-superpod",
                "atlas-950-superpod", "atlas-960-superpod", "atlas-950-supercluster", "atlas-960-supercluster",
                "nvidia-gb200-nvl72", "nvidia-vr-nvl144");
        assertThat(system("cloudmatrix384").id()).isEqualTo("atlas-900-a3-superpod");
        assertThat(CATALOG.parts()).extracting(AcceleratorSpec::id).contains("huawei-ascend-910b",
                "huawei-ascend-910c", "huawei-ascend-950pr", "huawei-ascend-950dt", "huawei-ascend-960",
                "huawei-ascend-970", "nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5-80gb", "nvidia-h800", "nvidia-h200",
                "nvidia-b200", "nvidia-b300", "nvidia-gb200", "nvidia-gb300", "nvidia-rubin", "google-tpu-v4",
                "google-tpu-v5p", "google-tpu-ironwood");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "atlas-950-superpod, fp8-compute, 8e18", "atlas-950-superpod, fp4-compute, 16e18",
        "atlas-950-superpod, memory, 1152e12", "atlas-950-superpod, interconnect-bandwidth, 16.3e15",
        "atlas-960-superpod, fp8-compute, 30e18", "atlas-960-superpod, fp4-compute, 60e18",
        "atlas-960-superpod, memory, 4460e12", "atlas-960-superpod, interconnect-bandwidth, 34e15",
        "atlas-950-supercluster, fp8-compute, 524e18", "atlas-950-supercluster, accelerators, 524288",
        "atlas-900-a3-superpod, bf16-compute, 300e15"})
    void reproducesTheVendorsHeadlineWithinThreePercent(String id, String metric, double headline) {
        SystemTotals totals = totals(id);
        double computed = totals.forMetric(metric).orElseThrow();
        double asTheVendorCounts = Math.abs(headline / computed - 1) < Math.abs(headline / (computed / 1.024) - 1)
                ? computed : computed / 1.024;

        assertThat(asTheVendorCounts / headline).as("%s %s computed %s vs headline %s", id, metric, computed, headline)
                .isCloseTo(1.0, within(0.03));
    }

    @Test
    void atlas950MemoryIsExactWithTheVendors1024StepArithmetic() {
        SystemSpec pod = system("atlas-950-superpod");
        ClaimCheck memory = check(pod, "memory");

        // 8,192 x 144 GB = 1,179,648 GB; Huawei divides by 1,024 to print 1,152 TB
        assertThat(memory.computed().getAsDouble()).isEqualTo(8192 * 144e9);
        assertThat(memory.vendorBasis()).isEqualTo(ClaimCheck.STEP_1024);
        assertThat(memory.relativeError()).isCloseTo(0, within(1e-12));
        // while the Atlas 960's 4,460 TB is plain decimal: 15,488 x 288 GB
        assertThat(check(system("atlas-960-superpod"), "memory").vendorBasis()).isEqualTo(ClaimCheck.DECIMAL);
    }

    @Test
    void atlas950FlopsAreExactWithTheVendors1024StepArithmetic() {
        ClaimCheck fp8 = check(system("atlas-950-superpod"), "fp8-compute");

        assertThat(fp8.vendorBasis()).isEqualTo(ClaimCheck.STEP_1024);
        assertThat(fp8.relativeError()).isCloseTo(0, within(1e-12));
    }

    @Test
    void theAtlas950VersusVeraRubinNvl144RatiosMatchHuaweisComparison() {
        SystemTotals atlas = totals("atlas-950-superpod");
        SystemTotals rubin = totals("nvidia-vr-nvl144");

        assertThat((double) atlas.accelerators() / rubin.accelerators()).isCloseTo(56.8, within(56.8 * 0.03));
        assertThat(ratio(atlas, rubin, "fp8-compute")).isCloseTo(6.7, within(6.7 * 0.03));
        // Huawei compared its NPU memory with NVIDIA's "fast memory" (HBM plus Vera LPDDR)
        assertThat(atlas.memoryBytes().getAsDouble() / 1.024 / rubin.fastMemoryBytes().getAsDouble())
                .isCloseTo(15, within(15 * 0.03));
        assertThat(ratio(atlas, rubin, "interconnect-bandwidth")).isCloseTo(62, within(62 * 0.03));
    }

    @Test
    void everyClaimOfEveryShippedSystemIsWithinThreePercentOnTheVendorsBasis() {
        for (SystemSpec system : CATALOG.systems()) {
            SystemTotals totals = SystemTotals.of(system, part(system));
            system.claims().forEach(claim -> {
                ClaimCheck check = ClaimCheck.of(claim, totals);
                if (check.computed().isPresent()) {
                    assertThat(Math.abs(check.relativeError())).as("%s %s: claimed %s, computed %s (%s)",
                            system.id(), claim.metric(), claim.written(), check.computed().getAsDouble(),
                            check.vendorBasis()).isLessThanOrEqualTo(0.03);
                }
            });
        }
    }

    @Test
    void ironwoodPodMemoryIsGibibytesPerChipTotalledAsDecimalPetabytes() {
        ClaimCheck memory = check(system("google-ironwood-pod"), "memory");

        // 9,216 x 192 GiB = 1.90 PB; Google's 1.77 PB is 9,216 x 192 "GB"
        assertThat(memory.vendorBasis()).isEqualTo(ClaimCheck.GIB_AS_GB);
        assertThat(Math.abs(memory.relativeError())).isLessThan(0.01);
    }

    @Test
    void cloudMatrix384RecordsTheAlternativeBf16Figures() {
        AcceleratorSpec npu = part(system("cloudmatrix384"));

        assertThat(npu.peakDense().get(Precision.BF16).alternatives()).isNotEmpty();
        assertThat(npu.tdp().isKnown()).isFalse();
    }

    @Test
    void unknownPowerStaysUnknownRatherThanZero() {
        assertThat(totals("atlas-950-superpod").itWatts()).isEmpty();
        assertThat(totals("atlas-950-superpod").facilityWatts()).isEmpty();
    }

    private static double ratio(SystemTotals a, SystemTotals b, String metric) {
        return a.forMetric(metric).getAsDouble() / b.forMetric(metric).getAsDouble();
    }

    private static ClaimCheck check(SystemSpec system, String metric) {
        return system.claims().stream().filter(c -> c.metric().equals(metric)).findFirst()
                .map(c -> ClaimCheck.of(c, SystemTotals.of(system, part(system)))).orElseThrow();
    }

    private static SystemTotals totals(String id) {
        SystemSpec system = system(id);
        return SystemTotals.of(system, part(system));
    }

    static SystemSpec system(String idOrAlias) {
        return CATALOG.systems().stream().filter(s -> s.id().equals(idOrAlias) || s.aliases().contains(idOrAlias))
                .findFirst().orElseThrow(() -> new AssertionError("no system " + idOrAlias));
    }

    static AcceleratorSpec part(SystemSpec system) {
        Map<String, AcceleratorSpec> parts = CATALOG.partsById();
        return DefinitionLayers.resolve(parts, system.acceleratorId());
    }

    static List<SystemSpec> systems() {
        return CATALOG.systems();
    }
}
