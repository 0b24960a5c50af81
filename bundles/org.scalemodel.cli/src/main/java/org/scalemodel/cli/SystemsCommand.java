package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.SystemTotals;
import org.scalemodel.api.model.Precision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scalemodel systems}: every system in the catalog with its totals. */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = {"Lists every system: its part, accelerator count, interconnect levels and totals computed",
            "from the part's per-device figures. `describe ID` shows one in full."})
final class SystemsCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    SystemsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
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
        printer.print(context, snapshot, new Report("systems", "Systems", facts, List.of(new ReportTable("systems",
                "Systems", List.of(Column.of("id"), Column.of("name"), Column.of("part"), Column.of("accelerators"),
                        new Column("levels", "levels (group size)", ""), new Column("bf16", "BF16", "PFLOPS"),
                        new Column("fp8", "FP8", "PFLOPS"), new Column("memory", "memory", "TB"),
                        new Column("power", "IT power", "kW"), Column.of("origin")), rows))));
    }

    private static Double flops(SystemTotals totals, Precision precision) {
        Double total = totals.peakDenseFlopsPerSecond().get(precision);
        return total == null ? null : total / Figures.PETA;
    }
}
