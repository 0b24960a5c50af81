package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs}: malformed YAML and JSON, wrong
 * types, absurd sizes, unknown ids and fields, alias bombs; plus bodies generated here: deep
 * nesting, binary, invalid UTF-8, a body over the limit): every one gets a 4xx with a JSON
 * message that says what is wrong (never a stack trace), and the server answers normally after.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static Server server;

    @BeforeAll
    static void start() throws Exception {
        server = new Server(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyBadInputGetsA4xxWithAClearMessageAndTheServerStaysUp() throws Exception {
        Map<String, byte[]> corpus = corpus();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, byte[]> input : corpus.entrySet()) {
            // plan-*: bad only in the plan, which /api/plan ignores (it searches plans itself)
            List<String> endpoints = input.getKey().startsWith("plan-") ? List.of("/api/run")
                    : List.of("/api/run", "/api/plan");
            for (String endpoint : endpoints) {
                HttpResponse<String> response;
                try {
                    response = server.post(endpoint, input.getValue());
                } catch (IOException e) {
                    throw new AssertionError(input.getKey() + " to " + endpoint + ": no answer: " + e, e);
                }
                String what = input.getKey() + " to " + endpoint + ": " + response.statusCode() + " " + response.body();
                assertThat(response.statusCode()).as(what).isBetween(400, 499);
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.path("status").asInt()).as(what).isEqualTo(response.statusCode());
                assertThat(error.path("message").asText()).as(what).isNotBlank().doesNotContain("\tat ")
                        .doesNotContain("Exception");
                report.add(input.getKey() + " " + endpoint + " -> " + response.statusCode());
            }
        }
        HttpResponse<String> notJson = server.post("/api/validate", "[{\"id\": 3,");
        assertThat(notJson.statusCode()).as(notJson.body()).isBetween(400, 499);
        // a case that is JSON but not a usable case is reported as not predicted, with the reason
        HttpResponse<String> unusable = server.post("/api/validate", "[{\"id\": 3}]");
        assertThat(unusable.statusCode()).as(unusable.body()).isEqualTo(200);
        assertThat(Reports.rows(JSON.readTree(unusable.body()), "unpredicted")).hasSize(1);
        assertThat(server.alive()).isTrue();
        assertThat(server.get("/api/systems").statusCode()).isEqualTo(200);
        assertThat(server.post("/api/run", ServerIT.example("gpt3-175b-1024-a100.yaml")).statusCode()).isEqualTo(200);
        assertThat(report).hasSizeGreaterThanOrEqualTo(corpus.size());
    }

    /** The files of the corpus and the generated bodies, by name. */
    static Map<String, byte[]> corpus() throws IOException, URISyntaxException {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        Path folder = Path.of(BadInputIT.class.getResource("/bad-inputs").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                corpus.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        corpus.put("(deep nesting: 100000 [)", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        corpus.put("(deep nesting: 50000 {\"a\":)", "{\"a\":".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[65_536];
        new Random(42).nextBytes(binary);
        corpus.put("(64 KiB of random bytes)", binary);
        corpus.put("(invalid UTF-8)", new byte[] {'s', 'y', 's', 't', 'e', 'm', ':', ' ', (byte) 0xC3, (byte) 0x28});
        corpus.put("(NUL bytes)", new byte[] {0, 0, 0, 0});
        corpus.put("(2 MiB body)", new byte[2 << 20]);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("user.dir"), "../../examples",
                "gpt3-175b-1024-a100.yaml"))) {
            String gpt3 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // deep but under the 1 MiB body limit: block nesting grows with the square of its depth
            // (5000 levels of indentation are 25 MB, which the server refuses with 413 before the
            // client has sent it all, and the client then sees a broken pipe instead of the answer)
            corpus.put("(a 5000-deep plan, flow style)", (gpt3 + "search:\n  x: " + "{k: ".repeat(5000)
                    + "}".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
            corpus.put("(a 900-deep plan, block style)", (gpt3 + "search:\n  x:\n" + nested(900))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return corpus;
    }

    private static String nested(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append(" ".repeat(i + 3)).append("k").append(":\n");
        }
        return yaml.toString();
    }
}
