package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.answers.Figures;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.model.Collective;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalemodel bench collective}: how long pricing one collective takes on every system
 * whose fabric can be built, the planner's inner loop. Each round prices a data-parallel
 * all-reduce over the whole system at varying sizes; the median of the rounds is reported.
 */
@Command(name = "collective", mixinStandardHelpOptions = true,
        description = {"Measures the cost of pricing one collective (the planner's inner loop) on every system",
            "whose levels all have an interconnect plugin: nanoseconds per call, median of the rounds."})
final class CollectiveBench implements Runnable {

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Option(names = "--calls", defaultValue = "200000", paramLabel = "N",
            description = "Calls per round, 1000 to 10000000. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--rounds", defaultValue = "7", paramLabel = "N",
            description = "Rounds, the first two discarded as warm-up, 3 to 100. Default: ${DEFAULT-VALUE}.")
    int rounds;

    private CliContext context;
    private FabricFactory fabrics;

    CollectiveBench with(CliContext context, FabricFactory fabrics) {
        this.context = context;
        this.fabrics = fabrics;
        return this;
    }

    @Override
    public void run() {
        if (calls < 1000 || calls > 10_000_000 || rounds < 3 || rounds > 100) {
            throw new IllegalArgumentException("--calls must be in [1000, 10000000] and --rounds in [3, 100]");
        }
        CatalogSnapshot snapshot = context.catalog().snapshot();
        List<List<Object>> rows = new ArrayList<>();
        for (SystemSpec system : snapshot.systems()) {
            Fabric fabric;
            try {
                fabric = fabrics.fabric(snapshot, system.id());
            } catch (IllegalArgumentException unpriceable) {
                rows.add(Figures.row(system.id(), system.acceleratorCount(), system.levels().size(), null,
                        unpriceable.getMessage()));
                continue;
            }
            rows.add(Figures.row(system.id(), fabric.devices(), system.levels().size(), nanosPerCall(fabric), ""));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("calls per round", Integer.toString(calls));
        facts.put("rounds", rounds + " (first 2 discarded)");
        facts.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        printer.print(context, snapshot, new Report("bench-collective", "Collective pricing benchmark", facts,
                List.of(new ReportTable("systems", "Cost of pricing one all-reduce", List.of(Column.of("system"),
                        Column.of("devices"), Column.of("levels"), new Column("nanosPerCall", "per call", "ns"),
                        new Column("note", "not priceable because", "")), rows))));
    }

    /** Benchmark timing of the pricing code itself, not model time. */
    private double nanosPerCall(Fabric fabric) {
        int group = (int) Math.min(Integer.MAX_VALUE, fabric.devices());
        double[] perCall = new double[rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += fabric.seconds(Collective.ALL_REDUCE, group, 1, 1e6 + (i & 1023) * 1e6);
            }
            perCall[r] = (System.nanoTime() - start) / (double) calls;
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
        }
        double[] measured = Arrays.copyOfRange(perCall, 2, rounds);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
