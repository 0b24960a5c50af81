package org.scalemodel.cli;

import org.scalemodel.answers.TrainingAnswers;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.TrainingEngine;
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
        printer.print(context, snapshot, TrainingAnswers.plan(snapshot, engine, scenario, top, progress(scenario))
                .report());
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
