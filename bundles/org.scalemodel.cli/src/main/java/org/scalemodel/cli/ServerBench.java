package org.scalemodel.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.cm.ConfigurationAdmin;
import org.scalemodel.answers.Figures;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalemodel bench server}: sustained scenario evaluations per second and latency
 * percentiles with concurrent clients over loopback HTTP. Without {@code --url} it starts this
 * process's own server on a free loopback port, so clients and server share the machine's cores,
 * as they do when a planner runs both on one workstation.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Measures the modelling server under load: CLIENTS concurrent clients each POST a",
            "scenario to /api/run (or /api/plan) back to back; after the warm-up, every answer's latency",
            "is recorded. Prints evaluations per second and p50/p90/p99/max latency."},
        footer = {"", "Examples:", "  scalemodel bench server",
            "  scalemodel bench server --clients 64 --seconds 30 --endpoint plan",
            "  scalemodel bench server --url http://127.0.0.1:8080/ --scenario my-scenario.yaml"})
final class ServerBench implements Runnable {

    private static final String DEFAULT_EXAMPLE = "gpt3-175b-1024-a100";

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Option(names = "--clients", defaultValue = "16", paramLabel = "N",
            description = "Concurrent clients, 1 to 1024. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "Measured seconds, 1 to 3600. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "S",
            description = "Warm-up seconds, not measured, 0 to 600. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--endpoint", defaultValue = "run", paramLabel = "ENDPOINT",
            description = "run (one plan per request) or plan (a plan search per request). Default: ${DEFAULT-VALUE}.")
    String endpoint;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "The scenario to send. Default: the server's example " + DEFAULT_EXAMPLE + " (a single plan).")
    Path scenario;

    @Option(names = "--url", paramLabel = "URL",
            description = "A running server. Default: start this process's own on a free loopback port.")
    URI url;

    private CliContext context;
    private ConfigurationAdmin configurations;

    ServerBench with(CliContext context, ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
        return this;
    }

    @Override
    public void run() {
        if (clients < 1 || clients > 1024 || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
            throw new IllegalArgumentException("--clients must be in [1, 1024], --seconds in [1, 3600], --warmup in [0, 600]");
        }
        if (!endpoint.equals("run") && !endpoint.equals("plan")) {
            throw new IllegalArgumentException("--endpoint: expected run or plan, got '" + endpoint + "'");
        }
        try {
            URI base = url != null ? url : URI.create(ServeCommand.start(context, configurations, "127.0.0.1", 0));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            byte[] body = scenario != null ? Files.readAllBytes(scenario)
                    : client.send(HttpRequest.newBuilder(base.resolve("api/examples/" + DEFAULT_EXAMPLE)).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpRequest request = HttpRequest.newBuilder(base.resolve("api/" + endpoint + "?top=1"))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> probe = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200) {
                throw new IllegalArgumentException("the server answered " + probe.statusCode() + ": " + probe.body());
            }
            printer.print(context, context.catalog().snapshot(), load(client, request, base));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The load itself: benchmark timing of the server, not model time. */
    private Report load(HttpClient client, HttpRequest request, URI base) throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        List<String> failureSamples = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        long start = now;
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            synchronized (failureSamples) {
                                if (failureSamples.size() < 3) {
                                    failureSamples.add("HTTP " + response.statusCode());
                                }
                            }
                        } else if (start >= warmupEnd) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                    synchronized (failureSamples) {
                        failureSamples.add(e.toString());
                    }
                } finally {
                    latencies[id] = mine;
                    counts[id] = n;
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("server", base.toString() + (url == null ? " (this process)" : ""));
        facts.put("load", clients + " clients, POST /api/" + endpoint + " back to back, " + warmup + " s warm-up then "
                + seconds + " s measured");
        facts.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("failed requests", failures.get() + (failureSamples.isEmpty() ? "" : " " + failureSamples));
        List<List<Object>> rows = List.of(Figures.row(total, total / (double) seconds, millis(all, 0.50),
                millis(all, 0.90), millis(all, 0.99), total == 0 ? null : all[total - 1] / 1e6));
        return new Report("bench-server", "Server benchmark", facts, List.of(new ReportTable("throughput",
                "Sustained evaluations and latency", List.of(new Column("evaluations", "answers", ""),
                        new Column("evaluationsPerSecond", "answers/s", ""), new Column("p50Millis", "p50", "ms"),
                        new Column("p90Millis", "p90", "ms"), new Column("p99Millis", "p99", "ms"),
                        new Column("maxMillis", "max", "ms")), rows)));
    }

    /** The {@code q} quantile (nearest rank) of sorted nanoseconds, in milliseconds; null when empty. */
    static Double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
