package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** run, plan and validate through the command line, on the shipped examples and validation cases. */
class TrainingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolve("../../examples").normalize();

    @TempDir
    Path home;

    @Test
    void runPricesTheGpt3ExampleWithItsBreakdownAndMemory() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("run",
                EXAMPLES.resolve("gpt3-175b-1024-a100.yaml").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(report.at("/facts/plan").asText()).startsWith("tp8 pp8 dp16 mb1x96 v3 sp rc=selective zero1");
        double step = Double.parseDouble(report.at("/facts/step time").asText().replace(" s", ""));
        double sum = Reports.rows(report, "breakdown").stream().mapToDouble(r -> r.get("seconds").asDouble()).sum();
        assertThat(sum).isCloseTo(step, org.assertj.core.data.Offset.offset(0.002));
        assertThat(Reports.rows(report, "memory")).extracting(r -> r.get("part").asText()).contains("weights",
                "activations", "total", "capacity");
        assertThat(report.at("/facts/time to train").asText()).endsWith("days for 3.00e+11 tokens");
    }

    @Test
    void planSearchesTheMoeExampleOnTheAtlasSuperPod() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("plan",
                EXAMPLES.resolve("moe-1t-atlas-950-superpod.yaml").toString(), "--top", "3", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        List<JsonNode> plans = Reports.rows(report, "plans");
        assertThat(plans).hasSize(3);
        assertThat(plans.get(0).get("stepSeconds").asDouble()).isLessThanOrEqualTo(plans.get(2).get("stepSeconds").asDouble());
        assertThat(plans).allSatisfy(p -> assertThat(p.get("plan").asText()).contains("ep"));
    }

    @Test
    void validatePredictsMostTrainingStepsAndSaysWhyNotTheRest() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("validate", "--type", "training_step",
                "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        List<JsonNode> cases = Reports.rows(report, "cases");
        List<JsonNode> unpredicted = Reports.rows(report, "unpredicted");
        assertThat(cases.size() + unpredicted.size()).isEqualTo(89);
        assertThat(cases.size()).as("at least 90%% predicted").isGreaterThanOrEqualTo(81);
        assertThat(unpredicted).allSatisfy(u -> assertThat(u.get("reason").asText()).isNotBlank());
        // every case ran, so none may be predicted not to fit
        assertThat(cases).noneMatch(c -> c.get("notes").asText().contains("NOT to fit"));
        // the Megatron-LM papers' own runs stay close: within 12% each (the 530B run on 2,240 GPUs
        // with selective recomputation, 10.7% too fast, is the farthest since the interleaved
        // schedule's exchanges are counted as Megatron makes them), under 5% together
        List<JsonNode> megatron = cases.stream().filter(c -> c.get("source").asText().equals("korthikanti22")).toList();
        assertThat(megatron).hasSize(10)
                .allSatisfy(c -> assertThat(Math.abs(c.get("errorPercent").asDouble())).isLessThan(12));
        assertThat(megatron.stream().mapToDouble(c -> Math.abs(c.get("errorPercent").asDouble())).average().orElseThrow())
                .isLessThan(5);
        // the global factor is reported, never applied: its MAPE is no worse than without it (1 is
        // among the factors tried), and each family's held-out figure is there
        JsonNode all = Reports.rows(report, "summary").get(0);
        assertThat(all.get("value").asText()).isEqualTo("all");
        assertThat(all.get("calibratedMapePercent").asDouble()).isLessThanOrEqualTo(all.get("mapePercent").asDouble());
        assertThat(Reports.rows(report, "summary")).filteredOn(r -> r.get("predicted").asInt() > 0)
                .allSatisfy(r -> assertThat(r.get("heldOutMapePercent").isNumber()).isTrue());
        assertThat(report.get("facts").get("calibrated training_step").asText()).contains("not applied");
    }

    @Test
    void validateShowsOneCaseInFullAndNamesTheClosestIdsOfAnUnknownOne() throws Exception {
        Launcher launcher = new Launcher(home.resolve("plugins"));
        Launcher.Run one = launcher.run("validate", "--case", "korthikanti22-175B-full", "--format", "json");
        Launcher.Run unknown = launcher.run("validate", "--case", "korthikanti-175B");
        Launcher.Run family = launcher.run("validate", "--source", "korthikanti22", "--format", "json");

        assertThat(one.exitCode()).as(one.stderr()).isZero();
        JsonNode report = JSON.readTree(one.stdout());
        double measured = Double.parseDouble(report.at("/facts/measured").asText());
        double predicted = Double.parseDouble(report.at("/facts/predicted").asText());
        String error = report.at("/facts/error").asText();
        assertThat(Double.parseDouble(error.substring(0, error.indexOf('%'))))
                .isCloseTo((predicted - measured) / measured * 100, org.assertj.core.data.Offset.offset(0.2));
        assertThat(report.at("/facts/plan").asText()).startsWith("tp8 pp8 dp1");
        double step = Double.parseDouble(report.at("/facts/step time").asText().replace(" s", ""));
        assertThat(step).as("the metric is the step time").isCloseTo(predicted, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Reports.rows(report, "breakdown")).extracting(r -> r.get("part").asText()).contains("compute",
                "bubble");
        assertThat(Reports.rows(report, "memory")).isNotEmpty();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no case 'korthikanti-175B'", "closest ids: korthikanti22-175B-full");
        assertThat(family.exitCode()).as(family.stderr()).isZero();
        List<JsonNode> familyCases = Reports.rows(JSON.readTree(family.stdout()), "cases");
        assertThat(familyCases).isNotEmpty().allSatisfy(c -> assertThat(c.get("source").asText()).isEqualTo("korthikanti22"));
    }

    @Test
    void plansGoToSpreadsheetsAsCsvAndRunsToNotesAsMarkdown() throws Exception {
        Launcher launcher = new Launcher(home.resolve("plugins"));
        Launcher.Run csv = launcher.run("plan", EXAMPLES.resolve("moe-1t-gb200-nvl72.yaml").toString(), "--top", "2",
                "--format", "csv");
        Launcher.Run markdown = launcher.run("run", EXAMPLES.resolve("gpt3-175b-1024-a100.yaml").toString(),
                "--format", "markdown");

        assertThat(csv.exitCode()).as(csv.stderr()).isZero();
        assertThat(csv.stdout().lines().toList()).hasSize(3).first().asString()
                .isEqualTo("rank,plan,stepSeconds,mfuPercent,tokensPerSecondPerDevice,memoryGigabytes,largest");
        assertThat(markdown.exitCode()).as(markdown.stderr()).isZero();
        assertThat(markdown.stdout()).startsWith("# Training run\n").contains("| part | time [s] | share [%] |");
    }

    @Test
    void aRunAsATimelineTracePerfettoOpens() throws Exception {
        Launcher.Run trace = new Launcher(home.resolve("plugins")).run("run",
                EXAMPLES.resolve("gpt3-175b-1024-a100.yaml").toString(), "--format", "trace");

        assertThat(trace.exitCode()).as(trace.stderr()).isZero();
        JsonNode events = JSON.readTree(trace.stdout()).get("traceEvents");
        List<JsonNode> slices = new java.util.ArrayList<>();
        events.forEach(e -> {
            if (e.get("ph").asText().equals("X")) {
                slices.add(e);
            }
        });
        // 8 stages x 96 micro-batches, a forward and a backward each, then the tail on every stage
        assertThat(slices).filteredOn(e -> !e.get("cat").asText().equals("iteration")).hasSize(2 * 8 * 96);
        assertThat(slices).filteredOn(e -> e.get("cat").asText().equals("iteration")).hasSize(8);
    }

    @Test
    void aRunAsOneSelfContainedHtmlFileWithItsCharts() throws Exception {
        Launcher.Run html = new Launcher(home.resolve("plugins")).run("run",
                EXAMPLES.resolve("gpt3-175b-1024-a100.yaml").toString(), "--format", "html");

        assertThat(html.exitCode()).as(html.stderr()).isZero();
        assertThat(html.stdout()).startsWith("<!doctype html>").contains("<title>Training run</title>")
                .contains("id=\"chart-breakdown\"").contains("id=\"chart-memory\"")
                .contains("echarts.init(document.getElementById('chart-breakdown'))")
                .doesNotContain("<script src=");
        assertThat(html.stdout().length()).as("ECharts inlined").isGreaterThan(1_000_000);
    }

    @Test
    void everyJsonReportFollowsTheDocumentedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                JSON.readTree(Files.readString(EXAMPLES.resolve("../docs/report.schema.json"))));
        Launcher launcher = new Launcher(home.resolve("plugins"));
        for (String[] command : List.of(
                new String[] {"run", EXAMPLES.resolve("gpt3-175b-1024-a100.yaml").toString(), "--format", "json"},
                new String[] {"plan", EXAMPLES.resolve("moe-1t-atlas-950-superpod.yaml").toString(), "--format", "json"},
                new String[] {"validate", "--format", "json"},
                new String[] {"plugins", "--format", "json"})) {
            Launcher.Run run = launcher.run(command);
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(schema.validate(report)).as(command[0]).isEmpty();
            // what a schema cannot say: each row has exactly its table's column keys
            for (JsonNode table : report.get("tables")) {
                List<String> keys = new java.util.ArrayList<>();
                table.get("columns").forEach(c -> keys.add(c.get("key").asText()));
                table.get("rows").forEach(row -> {
                    List<String> fields = new java.util.ArrayList<>();
                    row.fieldNames().forEachRemaining(fields::add);
                    assertThat(fields).as(command[0] + " " + table.get("id")).isEqualTo(keys);
                });
            }
        }
    }

    @Test
    void aScenarioWithAnUnknownFieldNamesTheFileAndTheField() throws Exception {
        Path scenario = home.resolve("bad.yaml");
        Files.writeString(scenario, """
                system: nvidia-selene-a100
                workload:
                  model: {layers: 96, hidden: 12288, heads: 96, vocab: 51200, seq-len: 2048, hiden: 1}
                  job: {global-batch: 1536}
                plan: {tp: 8, pp: 8, dp: 16}
                """);
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("run", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("bad.yaml").contains("model.hiden: unknown field");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws Exception {
        Path scenario = home.resolve("broken.yaml");
        Files.writeString(scenario, "system: nvidia-selene-a100\nworkload: [unclosed\n");
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("run", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).containsPattern("broken.yaml:\\d+:\\d+");
    }
}
