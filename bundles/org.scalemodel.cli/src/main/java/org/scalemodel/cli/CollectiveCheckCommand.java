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
        description = {"Compares the collective model with published bus-bandwidth measurements",
            "(nccl-tests and similar, 64 MiB and above): predicted, measured and the error",
            "per point, and the MAPE; each published curve's score; and the sizes where",
            "sources measuring one system disagree with each other, by how much."})
final class CollectiveCheckCommand implements Runnable {

    /** The issue's bar: a point is met when the prediction is within 15% of the measurement. */
    private static final double WITHIN_PERCENT = 15;

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
        int within = 0;
        // each published curve (a system's collective on a group, by one source), and each size
        // that several sources measured on one system: how far the measurements differ
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        Map<String, Spread> sizes = new LinkedHashMap<>();
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
            within += Math.abs(error) <= WITHIN_PERCENT ? 1 : 0;
            String curve = m[0] + " " + m[1] + " " + m[2] + ("1".equals(m[3]) ? "" : " stride " + m[3]);
            curves.computeIfAbsent(curve + "\t" + m[6], k -> new ArrayList<>()).add(error);
            sizes.computeIfAbsent(curve + "\t" + m[4], k -> new Spread(predicted)).add(measured, m[6]);
            rows.add(Figures.row(m[0], m[1], Integer.parseInt(m[2]), m[4], predicted, measured, error,
                    CollectiveCommand.path(estimate), m[6] + ", " + m[7]));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("points", Integer.toString(rows.size()));
        facts.put("MAPE", String.format(Locale.ROOT, "%.1f %%", sumAbsError / rows.size()));
        facts.put("within 15%", within + " of " + rows.size() + " points");
        facts.put("worst", String.format(Locale.ROOT, "%.1f %%", worst));
        printer.print(context, snapshot, new Report("collective-check", "Collective model vs published measurements",
                facts, List.of(new ReportTable("points", "Bus bandwidth, predicted and measured", List.of(
                        Column.of("system"), Column.of("collective"), Column.of("group"), Column.of("size"),
                        new Column("predicted", "predicted", "GB/s"), new Column("measured", "measured", "GB/s"),
                        new Column("errorPercent", "error", "%"), new Column("path", "priced as", ""),
                        Column.of("source")), rows), curves(curves), disagreements(sizes))));
    }

    /** Each published curve: its points, how many the model meets within 15%, its MAPE and worst point. */
    private static ReportTable curves(Map<String, List<Double>> curves) {
        List<List<Object>> rows = new ArrayList<>();
        curves.forEach((key, errors) -> {
            String[] parts = key.split("\t");
            rows.add(Figures.row(parts[0], parts[1], errors.size(),
                    errors.stream().filter(e -> Math.abs(e) <= WITHIN_PERCENT).count(),
                    errors.stream().mapToDouble(Math::abs).average().orElseThrow(),
                    errors.stream().mapToDouble(Math::abs).max().orElseThrow()));
        });
        return new ReportTable("curves", "Each published curve", List.of(Column.of("curve"), Column.of("source"),
                Column.of("points"), new Column("within15", "within 15%", ""),
                new Column("mapePercent", "MAPE", "%"), new Column("worstPercent", "worst", "%")), rows);
    }

    /**
     * The sizes several sources measured on one system: the lowest and highest published figure and
     * how far apart they are. Where the spread passes 35% (1.15 / 0.85), no single prediction is within
     * 15% of both.
     */
    private static ReportTable disagreements(Map<String, Spread> sizes) {
        List<List<Object>> rows = new ArrayList<>();
        sizes.forEach((key, s) -> {
            if (s.sources.size() > 1) {
                String[] parts = key.split("\t");
                rows.add(Figures.row(parts[0], parts[1], (long) s.sources.size(), s.lowest, s.highest,
                        100 * (s.highest - s.lowest) / s.lowest, s.predicted));
            }
        });
        return new ReportTable("disagreements", "Where published measurements of one system disagree", List.of(
                Column.of("curve"), Column.of("size"), new Column("sources", "sources", ""),
                new Column("lowest", "lowest", "GB/s"), new Column("highest", "highest", "GB/s"),
                new Column("spreadPercent", "spread", "%"), new Column("predicted", "predicted", "GB/s")), rows);
    }

    /** The published figures at one size of one curve, and who published them. */
    private static final class Spread {
        final double predicted;
        final java.util.Set<String> sources = new java.util.TreeSet<>();
        double lowest = Double.MAX_VALUE;
        double highest;

        Spread(double predicted) {
            this.predicted = predicted;
        }

        void add(double measured, String source) {
            lowest = Math.min(lowest, measured);
            highest = Math.max(highest, measured);
            sources.add(source);
        }
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
