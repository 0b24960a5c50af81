package org.scalemodel.answers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.training.CaseResult;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The answers of {@code run}, {@code plan} and {@code validate}, as reports. */
public final class TrainingAnswers {

    /** The published runs bundled with scalemodel (a copy of shared/validation/published-runs.json). */
    public static final String BUNDLED_CASES = "validation/published-runs.json";
    private static final ObjectMapper CASES = new ObjectMapper();

    private TrainingAnswers() {
    }

    /** @return the bundled published runs; the caller closes it */
    public static InputStream bundledCases() {
        return TrainingAnswers.class.getClassLoader().getResourceAsStream(BUNDLED_CASES);
    }

    /**
     * Which definitions a result used: the catalog generation and each definition's origin, whose
     * digest names the version. Concurrent edits never tear a result; this says which side it saw.
     */
    static String definitions(CatalogSnapshot snapshot, TrainingScenario scenario) {
        String partOrigin = snapshot.accelerator(scenario.system().acceleratorId()).map(p -> p.origin()).orElse("?");
        return "catalog generation " + snapshot.generation() + "; system " + scenario.system().id() + " from "
                + scenario.system().origin() + "; part " + scenario.system().acceleratorId() + " from " + partOrigin;
    }

    /** A run's report and the result it reports. */
    public record RunAnswer(Report report, TrainingResult result) {
    }

    /**
     * One plan's iteration: the scenario's plan, or the fastest the planner finds.
     *
     * @throws DoesNotFitException if the scenario has no plan and none fits in memory
     */
    public static RunAnswer run(CatalogSnapshot snapshot, TrainingEngine engine, TrainingScenario scenario,
            SearchProgress progress) {
        TrainingResult result;
        String how;
        if (scenario.plan().isPresent()) {
            result = engine.evaluate(snapshot, scenario);
            how = "as given";
        } else {
            PlanSearch search = engine.plan(snapshot, scenario, 1, progress);
            if (search.best().isEmpty()) {
                throw new DoesNotFitException(nothingFits(search));
            }
            result = search.best().get(0);
            how = "the fastest of " + search.considered() + " plans searched";
        }
        Map<String, String> facts = TrainingReports.facts(scenario, result);
        facts.put("plan chosen", how);
        facts.put("definitions", definitions(snapshot, scenario));
        return new RunAnswer(new Report("run", "Training run", facts, List.of(TrainingReports.breakdown(result),
                TrainingReports.memory(result), TrainingReports.schedule(result), TrainingReports.operators(result))),
                result);
    }

    /** A plan search's report and the search it reports. */
    public record PlanAnswer(Report report, PlanSearch search) {
    }

    /** The {@code top} fastest plans that fit, with how many were searched. */
    public static PlanAnswer plan(CatalogSnapshot snapshot, TrainingEngine engine, TrainingScenario scenario, int top,
            SearchProgress progress) {
        PlanSearch search = engine.plan(snapshot, scenario, top, progress);
        List<List<Object>> rows = new ArrayList<>();
        int rank = 1;
        for (TrainingResult r : search.best()) {
            rows.add(Figures.row(rank++, r.plan().label(), r.stepSeconds(), r.mfu() * 100, r.tokensPerSecondPerDevice(),
                    r.memory().footprint().totalBytes() / 1e9, largest(r)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scenario", scenario.name());
        facts.put("system", scenario.system().id() + " (" + scenario.system().acceleratorCount() + " x "
                + scenario.system().acceleratorId() + ")");
        facts.put("searched", String.format("%d candidate plans, %d refused by the workload's rules; %d evaluations (a"
                + " candidate is tried without recomputation, then selective, then full, until it fits), %d did not fit,"
                + " %d pruned (could not win or could not fit with any recomputation); %.2f s", search.considered(),
                search.refused(), search.evaluated(), search.outOfMemory(), search.pruned(), search.seconds()));
        search.fastestOutOfMemory().filter(r -> !search.best().isEmpty()).ifPresent(r -> facts.put(
                "faster but too big", String.format(
                "%s: %.3f s per step, %.1f GB over", r.plan().label(), r.stepSeconds(), r.memory().overBytes() / 1e9)));
        if (search.best().isEmpty()) {
            facts.put("result", nothingFits(search));
        }
        facts.put("definitions", definitions(snapshot, scenario));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable("plans", "Fastest plans that fit", List.of(Column.of("rank"), Column.of("plan"),
                new Column("stepSeconds", "step", "s"), new Column("mfuPercent", "MFU", "%"),
                new Column("tokensPerSecondPerDevice", "tokens/s per device", ""),
                new Column("memoryGigabytes", "memory", "GB"), new Column("largest", "largest parts", "")), rows));
        if (!search.best().isEmpty()) {
            tables.add(TrainingReports.breakdown(search.best().get(0)));
            tables.add(TrainingReports.memory(search.best().get(0)));
            tables.add(TrainingReports.operators(search.best().get(0)));
        }
        return new PlanAnswer(new Report("plan", "Plan search", facts, tables), search);
    }

    private static String largest(TrainingResult r) {
        return r.breakdown().stream().sorted((a, b) -> Double.compare(b.seconds(), a.seconds())).limit(3)
                .map(s -> String.format("%s %.0f%%", s.part(), s.seconds() / r.stepSeconds() * 100))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    public static String nothingFits(PlanSearch search) {
        if (search.considered() == 0) {
            return "no parallel plan uses these devices: tensor x pipeline x data (x context, x expert) parallel"
                    + " degrees must multiply to the device count, with data parallelism dividing the global batch;"
                    + " a device count that is the scale-up domain times a power of two usually works";
        }
        if (search.evaluated() == 0 && search.refused() > 0) {
            // nothing was priced: every candidate broke a rule of the workload, so memory is not the
            // reason and more sharding may not help (DeepSpeed's BF16_Optimizer allows only ZeRO 1)
            return "no plan the workload accepts (" + search.refused() + " of " + search.considered()
                    + " candidates refused" + search.firstRefusal().map(r -> "; the first: " + r).orElse("") + ")";
        }
        return "no plan fits in memory (" + search.considered() + " candidates"
                + search.closestToFitting().map(r -> String.format("; the closest, %s, is %.1f GB over: %s",
                        r.plan().label(), r.memory().overBytes() / 1e9,
                        TrainingReports.largestPart(r.memory().footprint()))).orElse("")
                + "); more devices, more sharding (search.zero: [1, 3]) or a smaller batch may fit";
    }

    /**
     * The best plan at each device count: how step time, throughput and MFU change with the size
     * of the system. A size the system cannot take, or where no plan fits, gets a note instead.
     */
    public static Report scaling(CatalogSnapshot snapshot, TrainingEngine engine, TrainingScenario scenario,
            long[] deviceCounts, SearchProgress progress) {
        if (deviceCounts.length == 0) {
            throw new IllegalArgumentException("sizes: expected at least one device count");
        }
        List<List<Object>> rows = new ArrayList<>();
        long searched = 0;
        for (long devices : deviceCounts) {
            TrainingScenario sized;
            try {
                sized = ScenarioFile.override(scenario, snapshot, null, devices, "sizes", "sizes");
            } catch (IllegalArgumentException e) {
                rows.add(Figures.row(devices, null, null, null, null, null, e.getMessage()));
                continue;
            }
            PlanSearch search = engine.plan(snapshot, sized, 1, progress);
            searched += search.considered();
            if (search.best().isEmpty()) {
                rows.add(Figures.row(devices, null, null, null, null, null, nothingFits(search)));
                continue;
            }
            TrainingResult r = search.best().get(0);
            rows.add(Figures.row(devices, r.plan().label(), r.stepSeconds(), r.tokensPerSecond(), r.mfu() * 100,
                    r.memory().footprint().totalBytes() / 1e9, ""));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scenario", scenario.name());
        facts.put("system", scenario.system().id() + " (" + scenario.system().acceleratorId() + ")");
        facts.put("searched", searched + " candidate plans over " + deviceCounts.length + " sizes");
        facts.put("definitions", definitions(snapshot, scenario));
        return new Report("scale", "Scaling: the best plan at each size", facts, List.of(new ReportTable("scaling",
                "Best plan by device count", List.of(Column.of("devices"), Column.of("plan"),
                        new Column("stepSeconds", "step", "s"), new Column("tokensPerSecond", "tokens/s", ""),
                        new Column("mfuPercent", "MFU", "%"), new Column("memoryGigabytes", "memory", "GB"),
                        new Column("note", "why no plan", "")), rows)));
    }

    /** Device counts from 1/4 to 8 times {@code devices}, the sizes a scaling question usually asks about. */
    public static long[] defaultSizes(long devices) {
        return LongStream.of(devices / 4, devices / 2, devices, devices * 2, devices * 4, devices * 8)
                .filter(n -> n >= 1).distinct().toArray();
    }

    /**
     * Predicts the cases read from {@code in} and scores them.
     *
     * @param type   only cases of this type, or null for all
     * @param source only cases of this source family, or null for all
     */
    public static Report validate(CatalogSnapshot snapshot, TrainingEngine engine, InputStream in, String origin,
            String type, String source) throws IOException {
        return validate(snapshot, engine, in, origin, type, source, Set.of());
    }

    /**
     * Predicts the cases read from {@code in} and scores them, crediting the stated overlaps in
     * {@code credited} as hiding what they overlap (a what-if; the report says so).
     *
     * @param type   only cases of this type, or null for all
     * @param source only cases of this source family, or null for all
     */
    public static Report validate(CatalogSnapshot snapshot, TrainingEngine engine, InputStream in, String origin,
            String type, String source, Set<StatedOverlap> credited) throws IOException {
        List<CaseResult> results = engine.validate(snapshot, in, origin, id -> true, credited);
        if (type != null) {
            results = only(results, CaseResult::caseType, type, origin + ": no case of type '" + type + "'; types");
        }
        if (source != null) {
            results = only(results, CaseResult::source, source, origin + ": no case of source '" + source + "'"
                    + (type == null ? "" : " and type '" + type + "'") + "; sources");
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
        Map<String, Double> factors = GlobalCalibration.factorsByType(results);
        Map<String, Double> heldOut = GlobalCalibration.heldOutFactors(results);
        Calibrated calibrated = new Calibrated(factors, heldOut);
        Map<String, List<CaseResult>> byType = group(results, CaseResult::caseType);
        List<List<Object>> summary = new ArrayList<>();
        summary.add(summaryRow("all", "all", results, calibrated));
        byType.forEach((k, v) -> summary.add(summaryRow("case type", k, v, calibrated)));
        group(results, CaseResult::source).forEach((k, v) -> summary.add(summaryRow("source", k, v, calibrated)));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cases", origin + ", " + results.size() + " cases" + (type == null ? "" : " of type " + type)
                + (source == null ? "" : " from source " + source));
        long predicted = results.stream().filter(CaseResult::predictedAtAll).count();
        facts.put("predicted", predicted + " of " + results.size());
        if (!credited.isEmpty()) {
            facts.put("what-if", credited(credited));
        }
        facts.put("MAPE", String.format("%.1f%%", mape(results)));
        facts.put("error", "(predicted - measured) / measured, on each case's primary metric");
        byType.forEach((caseType, cases) -> {
            if (cases.stream().anyMatch(CaseResult::predictedAtAll)) {
                double heldOutMape = calibrated.mape(cases, true);
                facts.put("calibrated " + caseType, String.format("MAPE %.1f%% had every step time been x%.3f, the one "
                        + "global factor that fits these cases best (not applied: it says how much of the error is "
                        + "a common bias)%s", calibrated.mape(cases, false), factors.get(caseType),
                        Double.isNaN(heldOutMape) ? "" : String.format(
                                "; %.1f%% with each source's factor fitted to the other sources only", heldOutMape)));
            }
        });
        return new Report("validate", "Validation against published runs", facts, List.of(
                new ReportTable("cases", "Predicted cases", List.of(Column.of("id"), new Column("type", "type", ""),
                        Column.of("source"), Column.of("metric"), Column.of("measured"), Column.of("predicted"),
                        new Column("errorPercent", "error", "%"), Column.of("plan"), Column.of("notes")), rows),
                new ReportTable("summary", "MAPE by group", List.of(new Column("group", "group", ""), Column.of("value"),
                        Column.of("predicted"), new Column("total", "cases", ""),
                        new Column("mapePercent", "MAPE", "%"), new Column("biasPercent", "bias (+ too fast)", "%"),
                        new Column("within10", "within 10%", ""), new Column("within15", "within 15%", ""),
                        new Column("worstPercent", "worst", "%"),
                        new Column("calibratedMapePercent", "MAPE, global factor", "%"),
                        new Column("heldOutMapePercent", "MAPE, factor from other sources", "%")), summary),
                new ReportTable("unpredicted", "Cases not predicted", List.of(Column.of("id"),
                        new Column("type", "type", ""), Column.of("source"), Column.of("reason")), skipped)));
    }

    /**
     * The stated overlaps to credit, read from comma-separated words: {@code tp} (tensor parallel),
     * {@code pp} (pipeline); empty or null for none.
     *
     * @param field the option or parameter the words came in, for the error
     * @throws IllegalArgumentException naming the field, the word and the two it takes
     */
    public static Set<StatedOverlap> creditedOverlaps(String words, String field) {
        Set<StatedOverlap> credited = EnumSet.noneOf(StatedOverlap.class);
        if (words == null || words.isBlank()) {
            return credited;
        }
        for (String word : words.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "tp" -> credited.add(StatedOverlap.TENSOR);
                case "pp" -> credited.add(StatedOverlap.PIPELINE);
                default -> throw new IllegalArgumentException(field + ": expected tp (tensor parallel) or pp (pipeline), "
                        + "comma-separated, got '" + word.trim() + "'");
            }
        }
        return credited;
    }

    /** The what-if a report with credited overlaps answers, in words. */
    private static String credited(Set<StatedOverlap> credited) {
        List<String> kinds = new ArrayList<>();
        if (credited.contains(StatedOverlap.TENSOR)) {
            kinds.add("tensor-parallel");
        }
        if (credited.contains(StatedOverlap.PIPELINE)) {
            kinds.add("pipeline");
        }
        return "the " + String.join(" and ", kinds) + " communication overlap a case states is credited as hiding "
                + "what it overlaps; the validation itself prices it as hiding nothing, since no measurement says "
                + "how much it hides";
    }

    /**
     * The results whose {@code key} is {@code value}.
     *
     * @param refusal the start of the error when none is, which the values there are complete
     */
    private static List<CaseResult> only(List<CaseResult> results, Function<CaseResult, String> key, String value,
            String refusal) {
        List<CaseResult> kept = results.stream().filter(r -> key.apply(r).equals(value)).toList();
        if (kept.isEmpty()) {
            throw new UnknownIdException(refusal + ": " + String.join(", ",
                    new TreeSet<>(results.stream().map(key).toList())));
        }
        return kept;
    }

    /**
     * One case of those read from {@code in}, in full: measured against predicted, and the evaluation
     * behind the prediction (where the time goes, the memory, the pipeline stages) to see why they differ.
     *
     * @throws UnknownIdException if no case has that id (the message names the ids closest to it)
     */
    public static Report validateCase(CatalogSnapshot snapshot, TrainingEngine engine, InputStream in, String origin,
            String id) throws IOException {
        return validateCase(snapshot, engine, in, origin, id, Set.of());
    }

    /**
     * As {@link #validateCase(CatalogSnapshot, TrainingEngine, InputStream, String, String)}, crediting
     * the stated overlaps in {@code credited} as hiding what they overlap (a what-if; the report says so).
     */
    public static Report validateCase(CatalogSnapshot snapshot, TrainingEngine engine, InputStream in, String origin,
            String id, Set<StatedOverlap> credited) throws IOException {
        // only the case asked for is predicted; the file's ids are read again only to name the
        // closest ones when none matches
        byte[] file = in.readAllBytes();
        List<CaseResult> matching = engine.validate(snapshot, new ByteArrayInputStream(file), origin, id::equals,
                credited);
        if (matching.isEmpty()) {
            throw new UnknownIdException(origin + ": no case '" + id + "'" + similarIds(caseIds(file), id));
        }
        if (matching.size() > 1) {
            throw new IllegalArgumentException(origin + ": " + matching.size() + " cases have the id '" + id
                    + "'; give each case its own id");
        }
        CaseResult found = matching.get(0);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("case", found.id() + " (" + found.caseType() + ", source " + found.source() + ")");
        facts.put("metric", found.metric());
        if (!credited.isEmpty()) {
            facts.put("what-if", credited(credited));
        }
        facts.put("measured", String.format("%.4g", found.measured()));
        List<ReportTable> tables = new ArrayList<>();
        if (found.predictedAtAll()) {
            facts.put("predicted", String.format("%.4g", found.predicted()));
            // rounded first: Math.round gives a whole number, so an exact prediction reads +0.0%, not -0.0%
            double error = Math.round(found.errorPercent() * 10) / 10.0;
            facts.put("error", String.format("%+.1f%% ((predicted - measured) / measured)", error));
        } else {
            facts.put("predicted", "not predicted: " + found.reason().orElse(""));
        }
        found.result().ifPresent(r -> {
            facts.put("plan", r.plan().label() + " = " + r.devices() + " devices");
            facts.putAll(TrainingReports.resultFacts(r));
            facts.put("memory", TrainingReports.memoryFact(r));
            TrainingReports.putNumbered(facts, "note", r.notes());
            tables.add(TrainingReports.breakdown(r));
            tables.add(TrainingReports.memory(r));
            tables.add(TrainingReports.schedule(r));
            tables.add(TrainingReports.operators(r));
        });
        // what the prediction assumed, also when it then could not predict
        TrainingReports.putNumbered(facts, "assumed", found.assumptions());
        return new Report("validate", "Validation of one published run", facts, tables);
    }

    /** The ids of a file's cases (the engine has read it already, so it is a JSON array). */
    private static List<String> caseIds(byte[] file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : CASES.readTree(file)) {
            ids.add(node.path("id").asText("?"));
        }
        return ids;
    }

    /**
     * Up to five case ids like {@code id}, as the tail of an error message: those holding most of its
     * hyphen-separated words first (so "megatron-1.7B" finds "megatron-readme-h100-weak-1.7B"), then
     * those sharing the longest start with it.
     */
    private static String similarIds(List<String> caseIds, String id) {
        String[] words = id.toLowerCase(Locale.ROOT).split("-");
        Comparator<String> closest = Comparator.comparingInt((String c) -> -wordsIn(c, words))
                .thenComparingInt(c -> -commonPrefix(c.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder());
        List<String> ids = caseIds.stream().sorted(closest).limit(5).toList();
        return ids.isEmpty() ? " (the file has no cases)" : "; closest ids: " + String.join(", ", ids);
    }

    private static int wordsIn(String candidate, String[] words) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        int n = 0;
        for (String word : words) {
            if (!word.isEmpty() && lower.contains(word)) {
                n++;
            }
        }
        return n;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static Map<String, List<CaseResult>> group(List<CaseResult> results, Function<CaseResult, String> key) {
        Map<String, List<CaseResult>> groups = new TreeMap<>();
        for (CaseResult r : results) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /**
     * One group's scores: MAPE, the bias (the mean signed error, its sign turned for metrics where
     * less is faster, so positive means the model predicts the group too fast: which way it errs,
     * which MAPE alone does not say), how many cases fall within 10% and 15%, and the worst case.
     */
    private static List<Object> summaryRow(String group, String value, List<CaseResult> results, Calibrated calibrated) {
        List<CaseResult> predicted = results.stream().filter(CaseResult::predictedAtAll).toList();
        if (predicted.isEmpty()) {
            return Figures.row(group, value, 0L, results.size(), null, null, 0L, 0L, null, null, null);
        }
        double worst = predicted.stream().mapToDouble(r -> Math.abs(r.errorPercent())).max().orElseThrow();
        double bias = predicted.stream().mapToDouble(r -> lessIsFaster(r.metric()) ? -r.errorPercent() : r.errorPercent())
                .average().orElseThrow();
        double heldOut = calibrated.mape(predicted, true);
        return Figures.row(group, value, (long) predicted.size(), results.size(), mape(results), bias,
                within(predicted, 10), within(predicted, 15), worst, calibrated.mape(predicted, false),
                Double.isNaN(heldOut) ? null : heldOut);
    }

    /**
     * The error with a global factor on the step time: each case type's own fit, or for each
     * case the factor fitted to its type's other sources (see {@link GlobalCalibration}).
     */
    private record Calibrated(Map<String, Double> byType, Map<String, Double> heldOutById) {
        /**
         * @return MAPE of the predicted cases so scaled, over those that have a factor (a case whose
         *         type no other source predicts has no held-out one); NaN when none has
         */
        double mape(List<CaseResult> cases, boolean heldOut) {
            double sum = 0;
            int n = 0;
            for (CaseResult r : cases) {
                Double k = !r.predictedAtAll() ? null : heldOut ? heldOutById.get(r.id()) : byType.get(r.caseType());
                if (k != null) {
                    sum += Math.abs(GlobalCalibration.errorPercent(r, k));
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /**
     * Metrics of time (an iteration, a run, a token's latency, device-hours), where a smaller figure
     * is faster: the time metrics of shared/validation/README.md; rates ({@code tokens_per_s_...})
     * are not.
     */
    static final Set<String> TIME_METRICS = Set.of("iteration_time_s", "time_to_train_min",
            "gpu_hours", "device_hours", "ttft_s", "tpot_ms");

    private static boolean lessIsFaster(String metric) {
        return TIME_METRICS.contains(metric);
    }

    private static long within(List<CaseResult> predicted, double percent) {
        return predicted.stream().filter(r -> Math.abs(r.errorPercent()) <= percent).count();
    }

    public static double mape(List<CaseResult> results) {
        return results.stream().filter(CaseResult::predictedAtAll).mapToDouble(r -> Math.abs(r.errorPercent()))
                .average().orElse(Double.NaN);
    }
}
