package org.scalemodel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scalemodel.answers.Figures;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.units.QuantityParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scalemodel collective-check}: predicts each published collective measurement the
 * project keeps (nccl-tests and similar, 64 MiB and above) and prints predicted, measured and
 * error, with the mean absolute percentage error.
 */
@Command(name = "collective-check", mixinStandardHelpOptions = true,
        description = {"Compares the collective model with published bus-bandwidth measurements (nccl-tests and",
            "similar, 64 MiB and above): predicted, measured, error per point, and the MAPE."})
final class CollectiveCheckCommand implements Runnable {

    private final CliContext context;
    private final FabricFactory fabrics;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    CollectiveCheckCommand(CliContext context, FabricFactory fabrics) {
        this.context = context;
        this.fabrics = fabrics;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        List<List<Object>> rows = new ArrayList<>();
        double sumAbsError = 0;
        double worst = 0;
        for (String[] m : measurements()) {
            Collective collective = CollectiveCommand.collective(m[1]);
            double bytes = QuantityParser.dataSize(m[4]).bytes();
            CollectiveEstimate estimate = fabrics.fabric(snapshot, m[0]).estimate(collective, Integer.parseInt(m[2]),
                    Long.parseLong(m[3]), bytes);
            double predicted = estimate.busBytesPerSecond() / 1e9;
            double measured = Double.parseDouble(m[5]);
            double error = 100 * (predicted - measured) / measured;
            sumAbsError += Math.abs(error);
            worst = Math.max(worst, Math.abs(error));
            rows.add(Figures.row(m[0], m[1], Integer.parseInt(m[2]), m[4], predicted, measured, error,
                    CollectiveCommand.path(estimate), m[6] + ", " + m[7]));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("points", Integer.toString(rows.size()));
        facts.put("MAPE", String.format(Locale.ROOT, "%.1f %%", sumAbsError / rows.size()));
        facts.put("worst", String.format(Locale.ROOT, "%.1f %%", worst));
        printer.print(context, snapshot, new Report("collective-check", "Collective model vs published measurements",
                facts, List.of(new ReportTable("points", "Bus bandwidth, predicted and measured", List.of(
                        Column.of("system"), Column.of("collective"), Column.of("group"), Column.of("size"),
                        new Column("predicted", "predicted", "GB/s"), new Column("measured", "measured", "GB/s"),
                        new Column("errorPercent", "error", "%"), new Column("path", "priced as", ""),
                        Column.of("source")), rows))));
    }

    /** The measurements, from the bundle's validation/collectives.csv. */
    static List<String[]> measurements() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CollectiveCheckCommand.class.getResourceAsStream("/validation/collectives.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", 8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
