package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Collectives priced on the shipped systems through the command line. */
class CollectiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void anEightGpuAllReduceOnH100UsesNvlinkSharpAndMatchesNcclTests() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("collective", "nvidia-dgx-h100-superpod",
                "--group", "8", "--size", "1GiB", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode row = Reports.rows(JSON.readTree(run.stdout()), "sizes").get(0);
        // Azure ND H100 v5, nccl-tests all_reduce at 1 GiB: 466.35 GB/s bus bandwidth
        assertThat(row.get("busbw").asDouble()).isCloseTo(466.35, within(466.35 * 0.15));
        assertThat(row.get("path").asText()).isEqualTo("nvlink-node: in-network (8)");
    }

    @Test
    void aGroupInsideTheScaleUpDomainNeverTouchesTheScaleOutFabricAndAStridedOneOnlyTheFabric() throws Exception {
        Launcher launcher = new Launcher(home.resolve("plugins"));
        Launcher.Run tensor = launcher.run("collective", "meta-llama3-h100-16k", "--group", "8", "--format", "json");
        Launcher.Run data = launcher.run("collective", "meta-llama3-h100-16k", "--group", "2048", "--stride", "8",
                "--format", "json");

        assertThat(Reports.rows(JSON.readTree(tensor.stdout()), "sizes").get(0).get("path").asText()).startsWith("nvlink-node:")
                .doesNotContain(">");
        assertThat(Reports.rows(JSON.readTree(data.stdout()), "sizes").get(0).get("path").asText()).doesNotContain("nvlink");
    }

    @Test
    void theCheckAgainstPublishedMeasurementsStaysWhereItIs() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("collective-check", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(Double.parseDouble(report.at("/facts/MAPE").asText().replace(" %", ""))).isLessThan(8.0);
        // every single-node point at 256 MiB and above is within 15%
        assertThat(Reports.rows(report, "points")).filteredOn(p -> p.get("group").asInt() == 8)
                .filteredOn(p -> !p.get("size").asText().equals("64 MiB") && !p.get("size").asText().equals("128 MiB"))
                .allSatisfy(p -> assertThat(Math.abs(p.get("errorPercent").asDouble())).isLessThan(15));
    }

    @Test
    void anUnknownCollectiveIsABadInputError() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("collective", "nvidia-gb200-nvl72", "--op",
                "all-shuffle");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown collective 'all-shuffle'");
    }
}
