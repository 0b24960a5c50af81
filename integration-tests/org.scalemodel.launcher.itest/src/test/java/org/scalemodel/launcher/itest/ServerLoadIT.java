package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server under load and change (bounded, loopback only): 16 clients run the GPT-3 scenario
 * while the A100's definition is rewritten between two versions and a plugin bundle is replaced
 * by its next version. No request may fail, and no result may be torn: every result names the
 * A100 definition it used (by digest), and all results naming one digest agree on the step time.
 */
class ServerLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;
    /** A bound on each client; the run ends when the changes are done (about 5 s). */
    private static final int MAX_REQUESTS_PER_CLIENT = 5000;
    private static final int CHANGES = 12;
    private static final Pattern PART_DIGEST = Pattern.compile("part nvidia-a100-sxm4-80gb from (.*?) \\(sha256 (\\w+)\\)");

    @TempDir
    Path folder;

    /** Copies beside, then renames over plugins/acme.jar: FileInstall never reads half a jar. */
    private static void dropIn(Path jar, Path plugins) throws IOException {
        Path part = plugins.resolve("acme.jar.part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, plugins.resolve("acme.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * 600 requests by 4 clients before the measured run: the JIT compiles the hot path, so the
     * percentiles printed below describe serving under change, not a cold JVM.
     */
    private static void warmUp(Server server, byte[] scenario) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> warm = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            warm.add(pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    assertThat(server.post("/api/run", scenario).statusCode()).isEqualTo(200);
                }
                return 150;
            }));
        }
        for (Future<Integer> client : warm) {
            client.get();
        }
        pool.shutdown();
    }

    @Test
    void noFailedRequestAndNoTornResultWhileDefinitionsAndPluginsChange() throws Exception {
        byte[] scenario = ServerIT.example("gpt3-175b-1024-a100.yaml");
        Path fixtures = Path.of(System.getProperty("scalemodel.fixtures"));
        try (Server server = new Server(folder)) {
            warmUp(server, scenario);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            Future<Integer> changer = pool.submit(() -> {
                int changes = 0;
                while (changes < CHANGES) {
                    Definitions.write(server.definitions, "a100-load.yaml",
                            Definitions.a100(changes % 2 == 0 ? "624 TFLOPS" : "400 TFLOPS"));
                    if (changes == 2) {
                        dropIn(fixtures.resolve("acme-plugin-1.0.0.jar"), server.plugins);
                    } else if (changes == 6) {
                        dropIn(fixtures.resolve("acme-plugin-1.1.0.jar"), server.plugins);
                    }
                    changes++;
                    Thread.sleep(400); // several definition polls: each version is seen
                }
                running.set(false);
                return changes;
            });
            Map<String, Double> stepByDigest = new ConcurrentHashMap<>();
            List<String> torn = new ArrayList<>();
            List<Future<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    long[] latencies = new long[MAX_REQUESTS_PER_CLIENT];
                    int i = 0;
                    for (; i < MAX_REQUESTS_PER_CLIENT && running.get(); i++) {
                        long start = System.nanoTime(); // test timing of the server, not model time
                        HttpResponse<String> response = server.post("/api/run", scenario);
                        latencies[i] = System.nanoTime() - start;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        JsonNode facts = JSON.readTree(response.body()).path("facts");
                        Matcher digest = PART_DIGEST.matcher(facts.path("definitions").asText());
                        assertThat(digest.find()).as(facts.toString()).isTrue();
                        double step = Double.parseDouble(facts.path("step time").asText().replace(" s", ""));
                        Double seen = stepByDigest.putIfAbsent(digest.group(2), step);
                        if (seen != null && seen != step) {
                            synchronized (torn) {
                                torn.add(digest.group(2) + ": " + seen + " s and " + step + " s");
                            }
                        }
                    }
                    return Arrays.copyOf(latencies, i);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> client : clients) {
                long[] latencies = client.get();
                long[] merged = Arrays.copyOf(all, all.length + latencies.length);
                System.arraycopy(latencies, 0, merged, all.length, latencies.length);
                all = merged;
            }
            int changes = changer.get();
            pool.shutdown();

            assertThat(torn).as("results whose step time disagrees with the definition they name").isEmpty();
            // the built-in A100 and both versions of the override were all seen under load
            assertThat(stepByDigest).as("step time by A100 definition digest").hasSizeGreaterThanOrEqualTo(2);
            assertThat(changes).isEqualTo(CHANGES);
            assertThat(server.alive()).isTrue();
            JsonNode plugins = JSON.readTree(server.get("/api/plugins").body());
            assertThat(plugins.toString()).as(server.log()).contains("\"bundleVersion\":\"1.1.0\"");
            Arrays.sort(all);
            System.out.printf("ServerLoadIT: %d requests by %d clients, %d definition edits, plugin replaced; latency"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; step time by A100 digest %s%n", all.length, CLIENTS,
                    changes, all[all.length / 2] / 1e6, all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6,
                    all[all.length - 1] / 1e6, stepByDigest);
        }
    }
}
