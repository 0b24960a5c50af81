package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
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
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/** The catalog's reports: plugins, parts, systems, and one system or part described in full. */
public final class CatalogReports {

    private CatalogReports() {
    }

    /** Builds the report; {@code kind} null means every kind. */
    public static Report plugins(CatalogSnapshot snapshot, PluginKind kind, String pluginsFolder) {
        List<List<Object>> rows = new ArrayList<>();
        for (PluginInfo p : snapshot.plugins()) {
            if (kind == null || p.kind() == kind) {
                rows.add(List.of(p.kind().label(), p.id(), p.name(), p.version(), p.bundle(), p.bundleVersion(),
                        p.active()));
            }
        }
        List<List<Object>> failures = new ArrayList<>();
        for (PluginFailure f : snapshot.failures()) {
            if (kind == null || f.kind() == kind) {
                failures.add(List.of(f.kind().label(), f.plugin(), f.bundle(), f.phase().name().toLowerCase(),
                        f.message()));
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("plugins", Integer.toString(rows.size()));
        facts.put("failures", Integer.toString(failures.size()));
        facts.put("plugins folder", pluginsFolder);
        facts.put("catalog generation", Long.toString(snapshot.generation()));
        return new Report("plugins", "Plugins", facts, List.of(
                new ReportTable("plugins", "Discovered plugins", List.of(Column.of("kind"), Column.of("id"),
                        Column.of("name"), Column.of("version"), Column.of("bundle"),
                        new Column("bundleVersion", "bundle version", ""), Column.of("active")), rows),
                new ReportTable("failures", "Failed plugins", List.of(Column.of("kind"), Column.of("plugin"),
                        Column.of("bundle"), Column.of("phase"), Column.of("message")), failures)));
    }

    /** Every accelerator part with its per-device figures. */
    public static Report parts(CatalogSnapshot snapshot) {
        List<List<Object>> rows = new ArrayList<>();
        for (AcceleratorSpec p : snapshot.accelerators()) {
            rows.add(Figures.row(p.id(), p.vendor(), p.name(), p.release(), peak(p, Precision.BF16),
                    peak(p, Precision.FP8), peak(p, Precision.FP4),
                    Figures.in(p.memoryCapacity(), DataSize::bytes, Figures.GIGA),
                    Figures.in(p.memoryBandwidth(), Bandwidth::bytesPerSecond, Figures.TERA),
                    Figures.in(p.scaleUpPerDirection(), Bandwidth::bytesPerSecond, Figures.GIGA),
                    Figures.in(p.scaleOutPerDirection(), Bandwidth::bytesPerSecond, Figures.GIGA),
                    Figures.in(p.tdp(), Power::watts, 1), p.origin()));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("parts", Integer.toString(rows.size()));
        facts.put("note", "dense peaks; bandwidths of links per direction; unknown is unknown, never 0");
        return new Report("parts", "Accelerator parts", facts, List.of(new ReportTable(
                "parts", "Parts", List.of(Column.of("id"), Column.of("vendor"), Column.of("name"),
                        Column.of("release"), new Column("bf16", "BF16", "TFLOPS"), new Column("fp8", "FP8", "TFLOPS"),
                        new Column("fp4", "FP4", "TFLOPS"), new Column("memory", "memory", "GB"),
                        new Column("memoryBandwidth", "memory bw", "TB/s"),
                        new Column("scaleUp", "scale-up/dir", "GB/s"), new Column("scaleOut", "scale-out/dir", "GB/s"),
                        new Column("tdp", "TDP", "W"), Column.of("origin")), rows)));
    }

    private static Double peak(AcceleratorSpec part, Precision precision) {
        return Figures.in(part.peakDense().get(precision), FlopRate::flopsPerSecond, Figures.TERA);
    }

    /** Every system with totals computed from its part. */
    public static Report systems(CatalogSnapshot snapshot) {
        List<List<Object>> rows = new ArrayList<>();
        for (SystemSpec s : snapshot.systems()) {
            SystemTotals totals = SystemTotals.of(s, HardwareLookup.partOf(snapshot, s));
            rows.add(Figures.row(s.id(), s.name(), s.acceleratorId(), s.acceleratorCount(),
                    s.levels().stream().map(l -> l.interconnectId() + "(" + l.groupSize() + ")")
                            .collect(Collectors.joining(" > ")),
                    flops(totals, Precision.BF16), flops(totals, Precision.FP8),
                    Figures.in(totals.memoryBytes(), Figures.TERA), Figures.in(totals.itWatts(), 1e3), s.origin()));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("systems", Integer.toString(rows.size()));
        return new Report("systems", "Systems", facts, List.of(new ReportTable("systems",
                "Systems", List.of(Column.of("id"), Column.of("name"), Column.of("part"), Column.of("accelerators"),
                        new Column("levels", "levels (group size)", ""), new Column("bf16", "BF16", "PFLOPS"),
                        new Column("fp8", "FP8", "PFLOPS"), new Column("memory", "memory", "TB"),
                        new Column("power", "IT power", "kW"), Column.of("origin")), rows)));
    }

    private static Double flops(SystemTotals totals, Precision precision) {
        Double total = totals.peakDenseFlopsPerSecond().get(precision);
        return total == null ? null : total / Figures.PETA;
    }

    /**
     * One system or part by id or alias.
     *
     * @throws UnknownIdException if neither is in the catalog
     */
    public static Report describe(CatalogSnapshot snapshot, String id) {
        if (snapshot.system(id).isPresent()) {
            return system(snapshot, snapshot.system(id).get());
        }
        if (snapshot.accelerator(id).isPresent()) {
            return part(snapshot.accelerator(id).get());
        }
        throw new UnknownIdException("no system or part '" + id + "'; `scalemodel systems` and "
                + "`scalemodel parts` list them");
    }

    public static Report system(CatalogSnapshot snapshot, SystemSpec system) {
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

    public static Report part(AcceleratorSpec part) {
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
