package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scalemodel parts}: every accelerator part in the catalog. */
@Command(name = "parts", mixinStandardHelpOptions = true,
        description = {"Lists every accelerator part: dense peaks, memory, bandwidths, power.",
            "Figures are per device; `describe ID` shows where each comes from."})
final class PartsCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    PartsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
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
        printer.print(context, snapshot, new Report("parts", "Accelerator parts", facts, List.of(new ReportTable(
                "parts", "Parts", List.of(Column.of("id"), Column.of("vendor"), Column.of("name"),
                        Column.of("release"), new Column("bf16", "BF16", "TFLOPS"), new Column("fp8", "FP8", "TFLOPS"),
                        new Column("fp4", "FP4", "TFLOPS"), new Column("memory", "memory", "GB"),
                        new Column("memoryBandwidth", "memory bw", "TB/s"),
                        new Column("scaleUp", "scale-up/dir", "GB/s"), new Column("scaleOut", "scale-out/dir", "GB/s"),
                        new Column("tdp", "TDP", "W"), Column.of("origin")), rows))));
    }

    private static Double peak(AcceleratorSpec part, Precision precision) {
        return Figures.in(part.peakDense().get(precision), FlopRate::flopsPerSecond, Figures.TERA);
    }
}
