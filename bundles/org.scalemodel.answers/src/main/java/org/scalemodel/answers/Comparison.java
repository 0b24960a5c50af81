package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.SystemTotals;
import org.scalemodel.api.hardware.VendorClaim;
import org.scalemodel.api.model.Precision;


/** Two systems side by side, with the ratio of the first to the second. */
public final class Comparison {

    private Comparison() {
    }

    /**
     * Compares two systems by id or alias.
     *
     * @throws UnknownIdException if either is not in the catalog
     */
    public static Report of(CatalogSnapshot snapshot, String first, String second) {
        SystemSpec a = HardwareLookup.system(snapshot, first);
        SystemSpec b = HardwareLookup.system(snapshot, second);
        return report(a, SystemTotals.of(a, HardwareLookup.partOf(snapshot, a)), b,
                SystemTotals.of(b, HardwareLookup.partOf(snapshot, b)));
    }

    static Report report(SystemSpec a, SystemTotals ta, SystemSpec b, SystemTotals tb) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("accelerators", "", OptionalDouble.of(ta.accelerators()), OptionalDouble.of(tb.accelerators()), 1));
        Set<Precision> precisions = EnumSet.noneOf(Precision.class);
        precisions.addAll(ta.peakDenseFlopsPerSecond().keySet());
        precisions.addAll(tb.peakDenseFlopsPerSecond().keySet());
        for (Precision p : precisions) {
            rows.add(row("peak dense " + p.name(), "PFLOPS", peak(ta, p), peak(tb, p), Figures.PETA));
        }
        rows.add(row("memory (device)", "TB", ta.memoryBytes(), tb.memoryBytes(), Figures.TERA));
        rows.add(row("fast memory (device + host)", "TB", fast(ta), fast(tb), Figures.TERA));
        rows.add(row("memory bandwidth", "PB/s", ta.memoryBytesPerSecond(), tb.memoryBytesPerSecond(), Figures.PETA));
        rows.add(row("scale-up bandwidth (both directions)", "TB/s", ta.scaleUpBytesPerSecond(),
                tb.scaleUpBytesPerSecond(), Figures.TERA));
        rows.add(row("scale-out bandwidth (both directions)", "TB/s", ta.scaleOutBytesPerSecond(),
                tb.scaleOutBytesPerSecond(), Figures.TERA));
        rows.add(row("IT power", "kW", ta.itWatts(), tb.itWatts(), 1e3));
        rows.add(row("cabinets", "", cabinets(a), cabinets(b), 1));
        rows.add(row("floor area", "m2", optional(a.floorAreaSquareMetres().known().orElse(null)),
                optional(b.floorAreaSquareMetres().known().orElse(null)), 1));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("A", a.id() + " (" + a.name() + ", " + a.acceleratorCount() + " x " + a.acceleratorId() + ")");
        facts.put("B", b.id() + " (" + b.name() + ", " + b.acceleratorCount() + " x " + b.acceleratorId() + ")");
        facts.put("note", "totals from per-device figures, decimal units; fast memory counts host memory where the "
                + "vendor does; unknown stays unknown");
        return new Report("compare", a.name() + " vs " + b.name(), facts, List.of(new ReportTable("comparison",
                "Side by side, totals computed from the parts", List.of(Column.of("figure"), Column.of("unit"),
                        new Column("a", a.id(), ""), new Column("b", b.id(), ""), new Column("ratio", "A / B", "x")),
                rows), headlines(a, b)));
    }

    /**
     * The vendors' own headline figures side by side, where both systems have one: what a
     * vendor's comparison slide divides. Memory pairs each vendor's stated memory figure
     * ("fast memory" where the vendor counts host memory in it).
     */
    public static ReportTable headlines(SystemSpec a, SystemSpec b) {
        List<List<Object>> rows = new ArrayList<>();
        for (String metric : List.of("accelerators", "fp8-compute", "fp4-compute", "bf16-compute", "memory",
                "memory-bandwidth", "interconnect-bandwidth", "power")) {
            Optional<VendorClaim> ca = claim(a, metric);
            Optional<VendorClaim> cb = claim(b, metric);
            if (ca.isPresent() && cb.isPresent() && ca.get().value().isKnown() && cb.get().value().isKnown()) {
                rows.add(Figures.row(metric, ca.get().written(), cb.get().written(),
                        ca.get().value().value() / cb.get().value().value()));
            }
        }
        return new ReportTable("headlines", "The vendors' headline figures side by side", List.of(Column.of("metric"),
                new Column("a", a.id(), ""), new Column("b", b.id(), ""), new Column("ratio", "A / B", "x")), rows);
    }

    /** For memory, a vendor's "fast memory" figure (device plus host) is the one it compares. */
    private static Optional<VendorClaim> claim(SystemSpec system, String metric) {
        Optional<VendorClaim> fast = metric.equals("memory") ? find(system, "fast-memory") : Optional.empty();
        return fast.isPresent() ? fast : find(system, metric);
    }

    private static Optional<VendorClaim> find(SystemSpec system, String metric) {
        return system.claims().stream().filter(c -> c.metric().equals(metric)).findFirst();
    }

    private static OptionalDouble peak(SystemTotals totals, Precision precision) {
        Double value = totals.peakDenseFlopsPerSecond().get(precision);
        return optional(value);
    }

    /** Fast memory is device memory where a vendor counts no host memory. */
    private static OptionalDouble fast(SystemTotals totals) {
        return totals.fastMemoryBytes().isPresent() ? totals.fastMemoryBytes() : totals.memoryBytes();
    }

    private static OptionalDouble cabinets(SystemSpec system) {
        if (!system.computeCabinets().isKnown()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(system.computeCabinets().value() + system.networkCabinets().known().orElse(0L));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static List<Object> row(String figure, String unit, OptionalDouble a, OptionalDouble b, double scale) {
        Double ratio = a.isPresent() && b.isPresent() && b.getAsDouble() > 0 ? a.getAsDouble() / b.getAsDouble() : null;
        return Figures.row(figure, unit, Figures.in(a, scale), Figures.in(b, scale), ratio);
    }
}
