package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The server end to end, as a client sees it: every endpoint of the OpenAPI description answers,
 * JSON answers match the report schema, every exporter is reachable by {@code ?format=} and by
 * {@code Accept}, errors have fitting statuses and JSON bodies, and the event stream reports a
 * hot-swap.
 */
class ServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir"), "../../examples").normalize();

    @TempDir
    static Path folder;

    static Server server;
    static JsonSchema schema;

    @BeforeAll
    static void start() throws Exception {
        server = new Server(folder);
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                JSON.readTree(Files.readString(EXAMPLES.resolve("../docs/report.schema.json"))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static byte[] example(String name) throws IOException {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    /** A 200 JSON report that matches docs/report.schema.json. */
    static JsonNode report(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Scalemodel-Catalog-Generation")).isPresent();
        JsonNode report = JSON.readTree(response.body());
        assertThat(schema.validate(report)).as(response.uri().toString()).isEmpty();
        return report;
    }

    @Test
    void everyDescribedEndpointAnswers() throws Exception {
        JsonNode openApi = JSON.readTree(server.get("/api/openapi.json").body());
        Set<String> described = new TreeSet<>();
        openApi.path("paths").fieldNames().forEachRemaining(described::add);
        Set<String> exercised = new TreeSet<>();

        for (String path : List.of("/api/plugins", "/api/hardware", "/api/interconnects", "/api/workloads",
                "/api/exporters", "/api/parts", "/api/systems", "/api/examples")) {
            JsonNode report = report(server.get(path));
            assertThat(report.path("tables").get(0).path("rows")).as(path).isNotEmpty();
            exercised.add(path);
        }
        assertThat(Reports.rows(report(server.get("/api/exporters")), "plugins")).extracting(r -> r.get("id").asText())
                .contains("json", "table", "csv", "markdown", "html", "trace");
        assertThat(report(server.get("/api/plugins?kind=interconnect")).path("facts").path("plugins").asInt())
                .isGreaterThanOrEqualTo(4);
        assertThat(report(server.get("/api/systems/atlas-950-superpod")).path("kind").asText()).isEqualTo("system");
        exercised.add("/api/systems/{id}");
        assertThat(report(server.get("/api/parts/nvidia-h100-sxm5-80gb")).path("kind").asText()).isEqualTo("part");
        exercised.add("/api/parts/{id}");
        JsonNode compare = report(server.get("/api/compare?a=atlas-950-superpod&b=nvidia-vr-nvl144"));
        assertThat(Reports.rows(compare, "comparison")).isNotEmpty();
        exercised.add("/api/compare");
        HttpResponse<String> yaml = server.get("/api/examples/gpt3-175b-1024-a100");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).isEqualTo(new String(example("gpt3-175b-1024-a100.yaml"), StandardCharsets.UTF_8));
        exercised.add("/api/examples/{id}");

        JsonNode run = report(server.post("/api/run", example("gpt3-175b-1024-a100.yaml")));
        assertThat(run.path("facts").path("plan chosen").asText()).isEqualTo("as given");
        assertThat(run.path("facts").path("definitions").asText()).contains("sha256");
        exercised.add("/api/run");
        JsonNode plan = report(server.post("/api/plan?top=3", example("moe-1t-gb200-nvl72.yaml")));
        assertThat(Reports.rows(plan, "plans")).hasSize(3);
        exercised.add("/api/plan");
        JsonNode scale = report(server.post("/api/scale?sizes=512,1024,1020", example("gpt3-175b-1024-a100.yaml")));
        List<JsonNode> sizes = Reports.rows(scale, "scaling");
        assertThat(sizes).extracting(r -> r.get("devices").asLong()).containsExactly(512L, 1024L, 1020L);
        assertThat(sizes.get(1).get("tokensPerSecond").asDouble()).isGreaterThan(sizes.get(0).get("tokensPerSecond").asDouble());
        assertThat(sizes.get(2).get("note").asText()).contains("not a whole number");
        exercised.add("/api/scale");
        JsonNode validate = report(server.get("/api/validate?type=training_step"));
        assertThat(validate.path("facts").path("predicted").asText()).matches("\\d+ of 89");
        exercised.add("/api/validate");
        String oneCase = "[" + JSON.writeValueAsString(firstTrainingCase()) + "]";
        JsonNode posted = report(server.post("/api/validate", oneCase));
        assertThat(posted.path("facts").path("cases").asText()).contains("request body, 1 cases");
        JsonNode one = report(server.get("/api/validate?case=korthikanti22-22B-full"));
        assertThat(one.path("facts").path("error").asText()).endsWith("((predicted - measured) / measured)");
        assertThat(Reports.rows(one, "breakdown")).isNotEmpty();
        JsonNode whatIf = report(server.get("/api/validate?source=nemo24.07&credit-overlap=tp,pp"));
        assertThat(whatIf.path("facts").path("what-if").asText()).startsWith("the tensor-parallel and pipeline");
        JsonNode asPriced = report(server.get("/api/validate?source=nemo24.07"));
        assertThat(asPriced.path("facts").has("what-if")).isFalse();
        // NeMo's recipes overlap both: credited, its runs are predicted faster
        assertThat(Reports.rows(whatIf, "summary").get(0).get("biasPercent").asDouble())
                .isGreaterThan(Reports.rows(asPriced, "summary").get(0).get("biasPercent").asDouble());

        exercised.add("/api/openapi.json");
        exercised.add("/api/events"); // eventsReportAHotSwap
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(described);
    }

    private static JsonNode firstTrainingCase() throws IOException {
        Path bundled = EXAMPLES.resolve("../bundles/org.scalemodel.answers/src/main/resources/validation/published-runs.json");
        try (InputStream in = Files.newInputStream(bundled)) {
            for (JsonNode c : JSON.readTree(in)) {
                if (c.path("case_type").asText().equals("training_step")) {
                    return c;
                }
            }
        }
        throw new AssertionError("no training_step case in " + bundled);
    }

    @Test
    void everyExporterByFormatAndByAccept() throws Exception {
        byte[] gpt3 = example("gpt3-175b-1024-a100.yaml");
        HttpResponse<String> table = server.post("/api/run?format=table", gpt3);
        assertThat(mediaType(table)).isEqualTo("text/plain;charset=utf-8");
        assertThat(table.body()).contains("Where an iteration's time goes");

        HttpResponse<String> csv = server.post("/api/run", gpt3, "Accept", "text/csv");
        assertThat(mediaType(csv)).isEqualTo("text/csv;charset=utf-8");
        assertThat(csv.body().lines().findFirst()).hasValue("part,seconds,sharePercent");

        HttpResponse<String> markdown = server.post("/api/run", gpt3, "Accept", "text/markdown, */*;q=0.1");
        assertThat(markdown.body()).startsWith("# Training run");

        HttpResponse<String> html = server.post("/api/run", gpt3, "Accept", "text/html");
        Document page = Jsoup.parse(html.body());
        assertThat(page.title()).isEqualTo("Training run");
        assertThat(page.select("table")).isNotEmpty();
        assertThat(page.select("script").html()).contains("echarts");

        JsonNode trace = JSON.readTree(server.post("/api/run?format=trace", gpt3).body());
        assertThat(trace.path("traceEvents")).isNotEmpty();

        JsonNode json = report(server.post("/api/run", gpt3, "Accept", "application/json"));
        assertThat(json.path("kind").asText()).isEqualTo("run");
        assertThat(server.get("/api/systems", "Accept", "image/png").statusCode()).isEqualTo(406);
        assertThat(server.get("/api/systems?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void errorsHaveFittingStatusesAndSayWhatIsWrong() throws Exception {
        String gpt3 = new String(example("gpt3-175b-1024-a100.yaml"), StandardCharsets.UTF_8);
        expect(server.get("/api/nothing-here"), 404, "no endpoint /nothing-here", null);
        expect(server.get("/api/systems/colossus"), 404, "no system 'colossus'", null);
        expect(server.get("/api/parts/tpu-v99"), 404, "no part 'tpu-v99'", null);
        expect(server.get("/api/validate?case=korthikanti-22B"), 404, "closest ids: korthikanti22-22B-full", null);
        expect(server.get("/api/validate?source=korthikanti"), 404, "sources: bloom", null);
        expect(server.get("/api/validate?source=mosaic&case=mosaic-mpt7b-8xa100"), 400, "give it alone", "case");
        expect(server.get("/api/validate?credit-overlap=dp"), 400, "expected tp (tensor parallel) or pp", "credit-overlap");
        expect(server.get("/api/compare?a=atlas-950-superpod"), 400, "b: missing", "b");
        expect(server.get("/api/run"), 405, "use POST", null);
        expect(server.post("/api/systems", "x"), 405, "use GET", null);
        expect(server.post("/api/run", gpt3.replace("tp: 8", "tp: eight")), 400, "plan.tp: expected a number", "plan.tp");
        assertThat(expect(server.post("/api/run", "system: [\n"), 400, "request body:1:", null).path("field").asText())
                .startsWith("line 1, column");
        expect(server.post("/api/run", ""), 400, "the request body is empty", null);
        expect(server.post("/api/plan?top=0", gpt3), 400, "top: expected a whole number from 1 to 100", "top");
        expect(server.post("/api/run?devices=-3", gpt3), 400, "devices: expected", "devices");
        expect(server.post("/api/run", new byte[2 << 20]), 413, "larger than the limit of 1048576 bytes", null);
        // 48 devices, tp2 pp8 dp3: 11 billion parameters per device need about 175 GB of weights,
        // gradients and optimizer state, more than an A100's 80 GB
        expect(server.post("/api/run", gpt3.replace("devices: 1024", "devices: 48").replace("tp: 8", "tp: 2")
                .replace("dp: 16", "dp: 3")), 422, "does not fit", null);
        String bestOnEight = gpt3.substring(0, gpt3.indexOf("\nplan:")).replace("devices: 1024", "devices: 8")
                + "\nplan: best\n";
        expect(server.post("/api/plan", bestOnEight), 422, "no plan fits in memory", null);
        assertThat(server.get("/api/systems").statusCode()).isEqualTo(200);
    }

    /** The Content-Type without spaces (Jetty writes "text/plain;charset=utf-8"). */
    static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    static JsonNode expect(HttpResponse<String> response, int status, String message, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(mediaType(response)).isEqualTo("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("message").asText()).contains(message).doesNotContain("at org.").doesNotContain("Exception");
        if (field != null) {
            assertThat(error.path("field").asText()).isEqualTo(field);
        }
        return error;
    }

    @Test
    void eventsReportAHotSwap() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/events")).GET().build();
        server.client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        long first = generation(nextEvent(lines));
        Definitions.write(server.definitions, "a100-events.yaml", Definitions.a100("400 TFLOPS"));
        JsonNode swapped = nextEvent(lines);
        assertThat(generation(swapped)).isGreaterThan(first);
        JsonNode run = report(server.post("/api/run", example("gpt3-175b-1024-a100.yaml")));
        assertThat(run.path("facts").path("definitions").asText()).contains("a100-events.yaml");
    }

    @Test
    void theServerBenchmarkRunsAndReports(@TempDir Path plugins) throws Exception {
        Launcher.Run run = new Launcher(plugins).run("bench", "server", "--clients", "2", "--seconds", "1",
                "--warmup", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(report.path("facts").path("failed requests").asText()).isEqualTo("0");
        JsonNode row = Reports.rows(report, "throughput").get(0);
        assertThat(row.path("evaluations").asLong()).isPositive();
        assertThat(row.path("p50Millis").asDouble()).isPositive().isLessThanOrEqualTo(row.path("p99Millis").asDouble());
    }

    /** The data of the next {@code catalog} event, within 20 s. */
    private static JsonNode nextEvent(BlockingQueue<String> lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean catalog = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: catalog")) {
                catalog = true;
            } else if (catalog && line.startsWith("data: ")) {
                return JSON.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("no catalog event within 20 s; server log: " + server.log());
    }

    private static long generation(JsonNode event) {
        return event.path("generation").asLong();
    }
}
