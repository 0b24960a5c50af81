package org.scalemodel.cli;

import java.util.ArrayList;
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
import org.scalemodel.api.fabric.GroupPlacement;
import org.scalemodel.api.fabric.ParallelDimension;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.units.QuantityParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalemodel place}: where a plan's parallel groups sit and which links they share. */
@Command(name = "place", mixinStandardHelpOptions = true,
        description = {"Places a plan's parallel groups on a system. For each dimension:",
            "its stride, how many groups run at once, the levels a group spans,",
            "how many groups share each level's links, and the price of one",
            "collective (--op, --size) on that dimension's groups."},
        footer = {"", "Dimensions are NAME=SIZE, innermost first: the first one's members are adjacent (packed in",
            "scale-up domains), each next one strides over those inside it, as Megatron-LM orders tp, cp, ep, dp, pp.",
            "The product of the sizes must divide the system's devices.",
            "", "Examples:",
            "  scalemodel place nvidia-dgx-h100-superpod tp=8 dp=64 pp=2",
            "  scalemodel place meta-llama3-h100-16k tp=8 cp=1 dp=128 pp=16 --op all-gather --size 256MiB",
            "  scalemodel place atlas-950-superpod tp=8 ep=64 dp=16 --format json"})
final class PlaceCommand implements Runnable {

    private final CliContext context;
    private final FabricFactory fabrics;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(index = "0", paramLabel = "SYSTEM", description = "A system id or alias.")
    String system;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME=SIZE",
            description = "Parallel dimensions, innermost first, e.g. tp=8 dp=64 pp=2.")
    List<String> dimensions;

    @Option(names = "--op", defaultValue = "all-reduce", paramLabel = "OP",
            description = "The collective priced on each dimension's groups. Default: ${DEFAULT-VALUE}.")
    String op;

    @Option(names = "--size", defaultValue = "1 GiB", paramLabel = "BYTES",
            description = "Its nccl-tests size. Default: ${DEFAULT-VALUE}.")
    String size;

    PlaceCommand(CliContext context, FabricFactory fabrics) {
        this.context = context;
        this.fabrics = fabrics;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        Fabric fabric = fabrics.fabric(snapshot, system);
        Collective collective = CollectiveCommand.collective(op);
        double bytes = QuantityParser.dataSize(size).bytes();
        List<GroupPlacement> placements = fabric.place(parse(dimensions));
        List<List<Object>> rows = new ArrayList<>();
        long used = 1;
        for (GroupPlacement placement : placements) {
            used *= placement.size();
            double micros = fabric.seconds(collective, placement.size(), placement.stride(), bytes) * 1e6;
            if (placement.levels().isEmpty()) {
                // a group of one meets no one: blank, not "unknown"
                rows.add(Figures.row(placement.name(), placement.size(), placement.stride(), placement.groups(),
                        "-", "", "", "", micros));
            }
            for (GroupPlacement.LevelSpan span : placement.levels()) {
                rows.add(Figures.row(placement.name(), placement.size(), placement.stride(), placement.groups(),
                        span.level(), span.members(), span.groupsPerDomain(), span.groupsLeavingInner(), micros));
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("system", fabric.systemId() + " (" + fabric.devices() + " devices)");
        facts.put("plan", String.join(" ", dimensions) + " = " + used + " devices"
                + (used < fabric.devices() ? " (" + fabric.devices() / used + " replicas of the plan)" : ""));
        facts.put("priced", op + " of " + size + " on each dimension's groups, all running at once");
        printer.print(context, snapshot, new Report("place", "Placement", facts, List.of(
                new ReportTable("dimensions", "Groups by dimension and level", List.of(
                        new Column("dimension", "dimension", ""), new Column("size", "size", ""),
                        new Column("stride", "stride", ""), new Column("groups", "groups", ""),
                        new Column("level", "level spanned", ""), new Column("members", "members there", ""),
                        new Column("groupsPerDomain", "groups per domain", ""),
                        new Column("groupsLeavingInner", "groups leaving each inner domain", ""),
                        new Column("timeMicroseconds", op, "us")),
                        rows))));
    }

    static List<ParallelDimension> parse(List<String> arguments) {
        List<ParallelDimension> parsed = new ArrayList<>();
        for (String argument : arguments) {
            String[] parts = argument.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("expected NAME=SIZE such as tp=8, got \"" + argument + "\"");
            }
            int value;
            try {
                value = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(parts[0].trim() + ": expected a whole number of devices, got \""
                        + parts[1] + "\"");
            }
            String name = parts[0].trim();
            if (parsed.stream().anyMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException(name + " is given twice");
            }
            parsed.add(new ParallelDimension(name, value));
        }
        return parsed;
    }
}
