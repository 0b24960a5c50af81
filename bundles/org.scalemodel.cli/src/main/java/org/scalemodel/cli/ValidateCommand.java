package org.scalemodel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.training.CaseResult;
import org.scalemodel.api.training.TrainingEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalemodel validate}: predicts published runs and scores the predictions. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Predicts published training runs and prints predicted, measured and",
            "the error per case, then the mean absolute percentage error (MAPE)",
            "overall, per source and per case type, and the cases it could not",
            "predict with the reason."},
        footer = {"", "FILE is a JSON array of cases in the format of",
            "shared/validation/README.md; without it the copy bundled with scalemodel",
            "(89 training steps among 104 cases, with their sources) is used. Each",
            "case's system is built from what it states (count, node size, scale-up",
            "domain, scale-out bandwidth) and the part's usual values where it states",
            "none; the notes column says so.",
            "", "Examples:",
            "  scalemodel validate",
            "  scalemodel validate --type training_step --format json",
            "  scalemodel validate my-runs.json"})
final class ValidateCommand implements Runnable {

    static final String BUNDLED = "validation/published-runs.json";

    private final CliContext context;
    private final TrainingEngine engine;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Cases to predict (JSON).")
    Path file;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only cases of this type, e.g. training_step.")
    String type;

    ValidateCommand(CliContext context, TrainingEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        List<CaseResult> results;
        String origin = file == null ? "bundled " + BUNDLED : file.toString();
        try (InputStream in = file == null ? ValidateCommand.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(file)) {
            results = engine.validate(snapshot, in, origin);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(origin + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        if (type != null) {
            results = results.stream().filter(r -> r.caseType().equals(type)).toList();
        }
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> skipped = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.predictedAtAll()) {
                rows.add(Figures.row(r.id(), r.caseType(), r.source(), r.metric(), r.measured(), r.predicted(),
                        r.errorPercent(), r.result().map(t -> t.plan().label()).orElse(""),
                        String.join("; ", r.assumptions())));
            } else {
                skipped.add(Figures.row(r.id(), r.caseType(), r.source(), r.reason().orElse("")));
            }
        }
        List<List<Object>> summary = new ArrayList<>();
        summary.add(summaryRow("all", "all", results));
        group(results, CaseResult::caseType).forEach((k, v) -> summary.add(summaryRow("case type", k, v)));
        group(results, CaseResult::source).forEach((k, v) -> summary.add(summaryRow("source", k, v)));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cases", origin + ", " + results.size() + " cases" + (type == null ? "" : " of type " + type));
        long predicted = results.stream().filter(CaseResult::predictedAtAll).count();
        facts.put("predicted", predicted + " of " + results.size());
        facts.put("MAPE", String.format("%.1f%%", mape(results)));
        facts.put("error", "(predicted - measured) / measured, on each case's primary metric");
        printer.print(context, snapshot, new Report("validate", "Validation against published runs", facts, List.of(
                new ReportTable("cases", "Predicted cases", List.of(Column.of("id"), new Column("type", "type", ""),
                        Column.of("source"), Column.of("metric"), Column.of("measured"), Column.of("predicted"),
                        new Column("errorPercent", "error", "%"), Column.of("plan"), Column.of("notes")), rows),
                new ReportTable("summary", "MAPE by group", List.of(new Column("group", "group", ""), Column.of("value"),
                        Column.of("predicted"), new Column("total", "cases", ""),
                        new Column("mapePercent", "MAPE", "%"), new Column("worstPercent", "worst", "%")), summary),
                new ReportTable("unpredicted", "Cases not predicted", List.of(Column.of("id"),
                        new Column("type", "type", ""), Column.of("source"), Column.of("reason")), skipped))));
    }

    private static Map<String, List<CaseResult>> group(List<CaseResult> results, Function<CaseResult, String> key) {
        Map<String, List<CaseResult>> groups = new TreeMap<>();
        for (CaseResult r : results) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static List<Object> summaryRow(String group, String value, List<CaseResult> results) {
        long predicted = results.stream().filter(CaseResult::predictedAtAll).count();
        double worst = results.stream().filter(CaseResult::predictedAtAll).mapToDouble(r -> Math.abs(r.errorPercent()))
                .max().orElse(Double.NaN);
        return Figures.row(group, value, predicted, results.size(), predicted == 0 ? null : mape(results),
                predicted == 0 ? null : worst);
    }

    static double mape(List<CaseResult> results) {
        return results.stream().filter(CaseResult::predictedAtAll).mapToDouble(r -> Math.abs(r.errorPercent()))
                .average().orElse(Double.NaN);
    }
}
