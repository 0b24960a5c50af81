package org.scalemodel.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalemodel bench startup}: starts this launcher jar in fresh JVMs, one after the other,
 * each running {@code status --format json}, and summarises the start-up time (process start to
 * every component active) and resident memory. The child JVMs get this JVM's options.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Measures start-up: runs `scalemodel status` in N fresh JVMs (sequentially, with this",
            "JVM's options) and reports each run's time from process start to all components active,",
            "and resident memory, with min, median and max."},
        footer = {"", "Example:", "  scalemodel bench startup --runs 10 --format json"})
final class StartupBench implements Runnable {

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
            description = "Fresh JVMs to start, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N",
            description = "Runs to discard first (file cache, CDS archive). Default: ${DEFAULT-VALUE}.")
    int warmup;

    private CliContext context;

    StartupBench() {
    }

    StartupBench with(CliContext context) {
        this.context = context;
        return this;
    }

    @Override
    public void run() {
        if (runs < 1 || runs > 100 || warmup < 0 || warmup > 10) {
            throw new IllegalArgumentException("--runs must be in [1, 100] and --warmup in [0, 10], got "
                    + runs + " and " + warmup);
        }
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            double[] sample = runChild();
            if (i >= warmup) {
                samples.add(sample);
            }
        }
        printer.print(context, context.catalog().snapshot(), report(samples));
    }

    private double[] runChild() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(Arrays.asList("-jar", jarPath(), "status", "--format", "json"));
        try {
            long spawned = System.nanoTime(); // benchmark timing of a child process, not model time
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = child.getInputStream().readAllBytes();
            if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException("child JVM failed (exit " + child.exitValue() + "): " + command);
            }
            double wallMillis = (System.nanoTime() - spawned) / 1e6;
            JsonNode process = new ObjectMapper().readTree(output).at("/tables/0/rows/0");
            return new double[] {process.get("startupMillis").asDouble(), process.path("residentMiB").asDouble(-1),
                process.get("allComponentsActive").asBoolean() ? 1 : 0, wallMillis};
        } catch (IOException e) {
            throw new IllegalStateException("could not start a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String jarPath() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            throw new IllegalStateException("bench startup needs the launcher started with java -jar; class path is "
                    + classPath);
        }
        return new File(classPath).getAbsolutePath();
    }

    static Report report(List<double[]> samples) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            double[] s = samples.get(i);
            rows.add(Arrays.asList(i + 1, s[0], s[3], s[1] < 0 ? null : s[1], s[2] == 1));
        }
        double[] startup = samples.stream().mapToDouble(s -> s[0]).sorted().toArray();
        double[] rss = samples.stream().mapToDouble(s -> s[1]).filter(v -> v >= 0).sorted().toArray();
        double[] wall = samples.stream().mapToDouble(s -> s[3]).sorted().toArray();
        List<List<Object>> summary = List.of(
                Arrays.asList("JVM start to all components active", "ms", startup[0], median(startup),
                        startup[startup.length - 1]),
                Arrays.asList("whole command, spawn to exit", "ms", wall[0], median(wall), wall[wall.length - 1]),
                Arrays.asList("resident memory at ready", "MiB", rss.length == 0 ? null : rss[0],
                        rss.length == 0 ? null : median(rss), rss.length == 0 ? null : rss[rss.length - 1]));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("runs", Integer.toString(samples.size()));
        facts.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("jvm options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return new Report("bench-startup", "Start-up benchmark", facts, List.of(
                new ReportTable("summary", "Summary", List.of(Column.of("measure"), Column.of("unit"), Column.of("min"),
                        Column.of("median"), Column.of("max")), summary),
                new ReportTable("runs", "Runs", List.of(Column.of("run"), new Column("startupMillis", "start-up", "ms"),
                        new Column("wallMillis", "whole command", "ms"), new Column("residentMiB", "resident memory", "MiB"),
                        new Column("allComponentsActive", "all active", "")), rows)));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
