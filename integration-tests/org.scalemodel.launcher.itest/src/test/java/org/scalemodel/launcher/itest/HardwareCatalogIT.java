package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The hardware catalog through the command line: describe, compare, and a definitions folder. */
class HardwareCatalogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void describeShowsTheVendorsClaimsBesideTheComputedTotals() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("describe", "atlas-950-superpod", "--format",
                "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(report.get("title").asText()).isEqualTo("Atlas 950 SuperPoD");
        List<JsonNode> claims = Reports.rows(report, "claims");
        assertThat(claims).filteredOn(c -> c.get("metric").asText().equals("memory")).singleElement()
                .satisfies(c -> {
                    assertThat(c.get("asVendorCounts").asText()).isEqualTo("1152 TB");
                    assertThat(c.get("basis").asText()).isEqualTo("1024-step");
                });
        assertThat(claims).allSatisfy(c -> assertThat(Math.abs(c.get("errorPercent").asDouble())).isLessThan(3));
    }

    @Test
    void describeAnAliasAsAPeopleTable() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("describe", "cloudmatrix384");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Atlas 900 A3 SuperPoD").contains("Vendor claims beside the totals")
                .contains("bf16-compute").contains("Sources");
    }

    @Test
    void compareReproducesHuaweisRatiosAgainstTheVeraRubinNvl144() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("compare", "atlas-950-superpod",
                "nvidia-vr-nvl144", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> rows = Reports.rows(JSON.readTree(run.stdout()), "comparison");
        assertThat(ratio(rows, "accelerators")).isCloseTo(56.8, within(56.8 * 0.03));
        assertThat(ratio(rows, "peak dense FP8")).isCloseTo(6.7, within(6.7 * 0.03));
        assertThat(ratio(rows, "scale-up bandwidth (both directions)")).isCloseTo(62, within(62 * 0.03));
        // Huawei's 15x memory divides its 1,152 TB by NVIDIA's 75 TB of "fast memory" (HBM + LPDDR)
        List<JsonNode> headlines = Reports.rows(JSON.readTree(run.stdout()), "headlines");
        assertThat(headlines.stream().filter(r -> r.get("metric").asText().equals("memory")).findFirst().orElseThrow()
                .get("ratio").asDouble()).isCloseTo(15, within(15 * 0.03));
    }

    @Test
    void aDefinitionFileInTheFolderOverridesTheBuiltInAtStartup() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins"))
                .withDefinition("extra.yaml", String.join("\n", "format: scalemodel-hardware/1",
                        "sources: {S: {title: test}}", "systems:",
                        "  - {id: my-h100-pod, name: My pod, part: h100,",
                        "     accelerators: {value: 64, provenance: assumed, note: planned},",
                        "     levels: [{name: node, interconnect: nvlink-switch, group-size: 8},",
                        "              {name: fabric, interconnect: fat-tree, group-size: 64}]}", ""))
                .run("systems", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Reports.rows(JSON.readTree(run.stdout()), "systems")).anySatisfy(s -> {
            assertThat(s.get("id").asText()).isEqualTo("my-h100-pod");
            assertThat(s.get("part").asText()).isEqualTo("h100");
            assertThat(s.get("origin").asText()).contains("extra.yaml");
        });
    }

    @Test
    void aBadDefinitionFileIsReportedWithFileLineAndFieldAndTheRestKeepsWorking() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins"))
                .withDefinition("bad.yaml", "format: scalemodel-hardware/1\nparts:\n  - id: x\n    tdp: {value: 7 GB, provenance: vendor}\n")
                .run("parts", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("bad.yaml:4:").contains("parts[0].tdp.value")
                .contains("expected a power such as");
        assertThat(Reports.rows(JSON.readTree(run.stdout()), "parts")).hasSizeGreaterThan(15);
    }

    @Test
    void anUnknownSystemIsABadInputErrorThatSaysWhereToLook() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("compare", "atlas-950-superpod", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no system 'nope'; systems: ").contains("nvidia-gb200-nvl72");
    }

    private static double ratio(List<JsonNode> rows, String figure) {
        return rows.stream().filter(r -> r.get("figure").asText().equals(figure)).findFirst().orElseThrow()
                .get("ratio").asDouble();
    }
}
