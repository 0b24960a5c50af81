package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.scalemodel.answers.Figures;
import org.scalemodel.answers.HardwareLookup;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.units.QuantityParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalemodel collective}: the time and bus bandwidth of a collective on a system. */
@Command(name = "collective", mixinStandardHelpOptions = true,
        description = {"Prices a collective on a system: time, algorithm bandwidth and nccl-tests bus bandwidth,",
            "with the levels it crosses and the algorithm at each. --sweep prints the nccl-tests table."},
        footer = {"", "Examples:",
            "  scalemodel collective nvidia-dgx-h100-superpod --group 8 --size 1GiB",
            "  scalemodel collective nvidia-dgx-h100-superpod --group 1024 --sweep 1MiB:8GiB",
            "  scalemodel collective atlas-950-superpod --op all-to-all --group 64 --size 256MiB",
            "  scalemodel collective nvidia-hgx-h200-8 --algorithm ring --sweep 64MiB:8GiB   as NCCL_ALGO=Ring",
            "  scalemodel collective-check          compare with published nccl-tests measurements"})
final class CollectiveCommand implements Runnable {

    private final CliContext context;
    private final FabricFactory fabrics;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(paramLabel = "SYSTEM", description = "A system id or alias.")
    String system;

    @Option(names = "--op", defaultValue = "all-reduce", paramLabel = "OP",
            description = "all-reduce, reduce-scatter, all-gather, all-to-all, broadcast or send-recv. Default: ${DEFAULT-VALUE}.")
    String op;

    @Option(names = "--group", paramLabel = "N", description = "Members of the group. Default: the innermost level's size.")
    Integer group;

    @Option(names = "--stride", defaultValue = "1", paramLabel = "S",
            description = "Devices between consecutive members (1: packed in scale-up domains). Default: ${DEFAULT-VALUE}.")
    long stride;

    @Option(names = "--size", defaultValue = "1 GiB", paramLabel = "BYTES",
            description = "The nccl-tests size: an all-reduce's buffer, the total of an all-gather. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--skew", defaultValue = "1", paramLabel = "S",
            description = "For all-to-all: the busiest member's traffic over the average (MoE expert imbalance), >= 1. "
                    + "Default: ${DEFAULT-VALUE} (uniform).")
    double skew;

    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "ALGO",
            description = "For all-reduce: auto (the cheapest, as NCCL's tuner picks), ring, tree or in-network "
                    + "(NVLS, SHARP), as NCCL_ALGO forces it. Default: ${DEFAULT-VALUE}.")
    String algorithm;

    @Option(names = "--sweep", paramLabel = "FROM:TO", description = "Sizes from FROM to TO, doubling, e.g. 1MiB:8GiB.")
    String sweep;

    CollectiveCommand(CliContext context, FabricFactory fabrics) {
        this.context = context;
        this.fabrics = fabrics;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        Fabric fabric = fabrics.fabric(snapshot, system);
        Collective collective = collective(op);
        int members = group != null ? group : (int) HardwareLookup.system(snapshot, system).levels().get(0).groupSize();
        List<List<Object>> rows = new ArrayList<>();
        if (skew != 1 && collective != Collective.ALL_TO_ALL) {
            throw new IllegalArgumentException("--skew applies to all-to-all only");
        }
        AllReduceAlgorithm forced = AllReduceAlgorithm.parse(algorithm);
        if (forced != AllReduceAlgorithm.AUTO && collective != Collective.ALL_REDUCE) {
            throw new IllegalArgumentException("--algorithm applies to all-reduce only");
        }
        for (double bytes : sizes()) {
            // a skewed all-to-all is priced as its busiest member's traffic
            CollectiveEstimate estimate = collective == Collective.ALL_REDUCE
                    ? fabric.estimateAllReduce(members, stride, bytes, forced)
                    : fabric.estimate(collective, members, stride, bytes * skew);
            double seconds = estimate.seconds();
            rows.add(Figures.row(bytes, seconds * 1e6, seconds > 0 ? bytes / seconds / 1e9 : null,
                    seconds > 0 ? CollectiveAlgorithms.busBandwidth(collective, members, bytes, seconds) / 1e9 : null,
                    path(estimate)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("system", fabric.systemId() + " (" + fabric.devices() + " devices)");
        facts.put("collective", op + " among " + members + " devices, " + stride + " apart"
                + (skew != 1 ? ", skew " + skew : "")
                + (forced != AllReduceAlgorithm.AUTO ? ", " + forced.label() + " forced" : ""));
        facts.put("note", "busbw as nccl-tests defines it; sizes are nccl-tests sizes");
        printer.print(context, snapshot, new Report("collective", "Collective " + op, facts, List.of(
                new ReportTable("sizes", "By size", List.of(new Column("bytes", "size", "B"),
                        new Column("timeMicroseconds", "time", "us"), new Column("algbw", "algbw", "GB/s"),
                        new Column("busbw", "busbw", "GB/s"), new Column("path", "levels: algorithm (members)", "")),
                        rows))));
    }

    static Collective collective(String op) {
        try {
            return Collective.valueOf(op.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown collective '" + op + "'; expected all-reduce, reduce-scatter, "
                    + "all-gather, all-to-all, broadcast or send-recv");
        }
    }

    static String path(CollectiveEstimate estimate) {
        return estimate.steps().stream().map(s -> s.level() + ": " + s.algorithm() + " (" + s.members() + ")")
                .collect(Collectors.joining(" > "));
    }

    private List<Double> sizes() {
        List<Double> sizes = new ArrayList<>();
        if (sweep == null) {
            sizes.add(QuantityParser.dataSize(size).bytes());
            return sizes;
        }
        String[] ends = sweep.split(":");
        if (ends.length != 2) {
            throw new IllegalArgumentException("--sweep: expected FROM:TO such as 1MiB:8GiB, got \"" + sweep + "\"");
        }
        double from = QuantityParser.dataSize(ends[0]).bytes();
        double to = QuantityParser.dataSize(ends[1]).bytes();
        if (from <= 0 || to < from || to / from > 0x1p40) {
            throw new IllegalArgumentException("--sweep: expected 0 < FROM <= TO and at most 40 doublings, got \"" + sweep + "\"");
        }
        for (double bytes = from; bytes <= to * 1.000001; bytes *= 2) {
            sizes.add(bytes);
        }
        return sizes;
    }
}
