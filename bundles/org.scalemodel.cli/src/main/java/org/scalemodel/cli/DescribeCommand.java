package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.ClaimCheck;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.SystemTotals;
import org.scalemodel.api.hardware.VendorClaim;
import org.scalemodel.api.plugin.PluginKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scalemodel describe ID}: one system or part, every figure with its provenance. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Describes a system or a part: per-device and total figures (peak FLOP/s per precision,",
            "memory, bandwidths, power), cabinets, floor area, the vendor's headline claims beside the totals",
            "computed from the part, the interconnect levels, and the sources of every figure."},
        footer = {"", "Examples:", "  scalemodel describe atlas-950-superpod", "  scalemodel describe cloudmatrix384",
            "  scalemodel describe nvidia-h100-sxm5-80gb --format json"})
final class DescribeCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(paramLabel = "ID", description = "A system or part id or alias (`systems` and `parts` list them).")
    String id;

    DescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        if (snapshot.system(id).isPresent()) {
            printer.print(context, snapshot, system(snapshot, snapshot.system(id).get()));
        } else if (snapshot.accelerator(id).isPresent()) {
            printer.print(context, snapshot, part(snapshot.accelerator(id).get()));
        } else {
            throw new IllegalArgumentException("no system or part '" + id + "'; `scalemodel systems` and "
                    + "`scalemodel parts` list them");
        }
    }

    static Report system(CatalogSnapshot snapshot, SystemSpec system) {
        AcceleratorSpec part = HardwareLookup.partOf(snapshot, system);
        SystemTotals totals = SystemTotals.of(system, part);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("id", system.id() + (system.aliases().isEmpty() ? "" : " (also " + String.join(", ", system.aliases()) + ")"));
        facts.put("vendor", system.vendor());
        facts.put("release", system.release());
        facts.put("part", part.id() + " (" + part.vendor() + " " + part.name() + ")");
        facts.put("accelerators", system.acceleratorCount() + " (" + Figures.provenance(system.accelerators()) + ")");
        facts.put("defined in", system.origin());
        return new Report("system", system.name(), facts, List.of(SystemFigures.table(system, part, totals),
                claims(system, totals), levels(snapshot, system),
                sources(system.sources(), part.sources())));
    }

    static Report part(AcceleratorSpec part) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("id", part.id() + (part.aliases().isEmpty() ? "" : " (also " + String.join(", ", part.aliases()) + ")"));
        facts.put("vendor", part.vendor());
        facts.put("release", part.release());
        facts.put("defined in", part.origin());
        return new Report("part", part.vendor() + " " + part.name(), facts,
                List.of(PartFigures.table(part), PartFigures.efficiency(part), sources(part.sources(), Map.of())));
    }

    private static ReportTable claims(SystemSpec system, SystemTotals totals) {
        List<List<Object>> rows = new ArrayList<>();
        for (VendorClaim claim : system.claims()) {
            ClaimCheck check = ClaimCheck.of(claim, totals);
            rows.add(Figures.row(claim.metric(), claim.written(), ClaimUnits.inUnitOf(claim, check.computed()),
                    ClaimUnits.inUnitOf(claim, check.asVendorReads()), check.vendorBasis(),
                    Double.isNaN(check.relativeError()) ? null : 100 * check.relativeError(),
                    claim.value().provenance().label(), claim.value().source()));
        }
        return new ReportTable("claims", "Vendor claims beside the totals computed from the part", List.of(
                Column.of("metric"), new Column("claimed", "claimed", ""), new Column("computed", "computed (decimal)", ""),
                new Column("asVendorCounts", "as the vendor counts", ""), new Column("basis", "vendor arithmetic", ""),
                new Column("errorPercent", "difference", "%"), Column.of("provenance"), Column.of("source")), rows);
    }

    private static ReportTable levels(CatalogSnapshot snapshot, SystemSpec system) {
        List<List<Object>> rows = new ArrayList<>();
        for (InterconnectLevel level : system.levels()) {
            boolean installed = snapshot.plugins().stream().anyMatch(
                    p -> p.kind() == PluginKind.INTERCONNECT && p.active() && p.id().equals(level.interconnectId()));
            rows.add(Figures.row(level.name(), level.interconnectId(), level.groupSize(),
                    level.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")), installed));
        }
        return new ReportTable("levels", "Interconnect levels, innermost first", List.of(Column.of("level"),
                Column.of("interconnect"), new Column("groupSize", "group size", ""), Column.of("parameters"),
                new Column("pluginInstalled", "plugin installed", "")), rows);
    }

    private static ReportTable sources(Map<String, Source> first, Map<String, Source> second) {
        Map<String, Source> all = new TreeMap<>(second);
        all.putAll(first);
        List<List<Object>> rows = all.values().stream().map(s -> Figures.row(s.key(), s.title(), s.url()))
                .collect(Collectors.toList());
        return new ReportTable("sources", "Sources", List.of(Column.of("key"), Column.of("title"), Column.of("url")),
                rows);
    }

}
