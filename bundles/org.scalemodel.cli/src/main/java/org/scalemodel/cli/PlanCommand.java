package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scalemodel plan SCENARIO}: the best plans of a scenario. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Searches the plans of a training scenario (tensor, pipeline, data,",
            "context and expert parallelism, micro-batch, interleaving, recomputation,",
            "optimizer sharding) and prints the fastest that fit in memory, with how",
            "many were considered."},
        footer = {"", "The scenario's own plan, if any, is ignored; its `search` section",
            "narrows the space.",
            "Progress goes to stderr when a search runs for more than a second.",
            "", "Examples:",
            "  scalemodel plan examples/moe-1t-atlas-950-superpod.yaml",
            "  scalemodel plan examples/moe-1t-gb200-nvl72.yaml --top 10 --format json",
            "  scalemodel plan examples/moe-1t-gb200-nvl72.yaml --system atlas-950-superpod --devices 4096"})
final class PlanCommand extends ScenarioCommand {

    @Option(names = "--top", defaultValue = "5", paramLabel = "N",
            description = "How many plans to print. Default: ${DEFAULT-VALUE}.")
    int top;

    PlanCommand(CliContext context, TrainingEngine engine) {
        super(context, engine);
    }

    @Override
    void answer(CatalogSnapshot snapshot, TrainingScenario scenario) {
        if (top < 1) {
            throw new IllegalArgumentException("--top: expected a whole number >= 1, got " + top);
        }
        PlanSearch search = engine.plan(snapshot, scenario, top, progress(scenario));
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
        facts.put("searched", String.format("%d candidate plans; %d evaluations (a candidate is tried without"
                + " recomputation, then selective, then full, until it fits), %d did not fit, %d pruned (could not"
                + " win or could not fit with any recomputation); %.2f s", search.considered(), search.evaluated(),
                search.outOfMemory(), search.pruned(), search.seconds()));
        search.fastestOutOfMemory().filter(r -> !search.best().isEmpty()).ifPresent(r -> facts.put(
                "faster but too big", String.format(
                "%s: %.3f s per step, %.1f GB over", r.plan().label(), r.stepSeconds(), r.memory().overBytes() / 1e9)));
        if (search.best().isEmpty()) {
            facts.put("result", nothingFits(search));
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable("plans", "Fastest plans that fit", List.of(Column.of("rank"), Column.of("plan"),
                new Column("stepSeconds", "step", "s"), new Column("mfuPercent", "MFU", "%"),
                new Column("tokensPerSecondPerDevice", "tokens/s per device", ""),
                new Column("memoryGigabytes", "memory", "GB"), new Column("largest", "largest parts", "")), rows));
        if (!search.best().isEmpty()) {
            tables.add(TrainingReports.breakdown(search.best().get(0)));
            tables.add(TrainingReports.memory(search.best().get(0)));
        }
        printer.print(context, snapshot, new Report("plan", "Plan search", facts, tables));
    }

    private static String largest(TrainingResult r) {
        return r.breakdown().stream().sorted((a, b) -> Double.compare(b.seconds(), a.seconds())).limit(3)
                .map(s -> String.format("%s %.0f%%", s.part(), s.seconds() / r.stepSeconds() * 100))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    static String nothingFits(PlanSearch search) {
        return "no plan fits in memory (" + search.considered() + " candidates"
                + search.closestToFitting().map(r -> String.format("; the closest, %s, is %.1f GB over: %s",
                        r.plan().label(), r.memory().overBytes() / 1e9,
                        TrainingReports.largestPart(r.memory().footprint()))).orElse("")
                + "); more devices, more sharding (search.zero: [1, 3]) or a smaller batch may fit";
    }

    /** Progress on stderr, every tenth of a search that has run for more than a second. */
    static SearchProgress progress(TrainingScenario scenario) {
        long started = System.nanoTime(); // the command line's own clock: for progress lines only
        return new SearchProgress() {
            private long reported = -1;

            @Override
            public void progress(long done, long total) {
                long tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth != reported && System.nanoTime() - started > 1_000_000_000L) {
                    reported = tenth;
                    System.err.printf("plan %s: %d of %d candidates (%d%%)%n", scenario.name(), done, total,
                            tenth * 10);
                }
            }
        };
    }
}
