package org.scalemodel.cli;

import java.util.List;

import org.scalemodel.answers.TrainingAnswers;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scalemodel scale SCENARIO}: the best plan at each of several system sizes. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Asks a scenario at several device counts of its system and prints the best plan",
            "at each: step time, tokens/s, MFU and memory. What changes at 10x the scale?"},
        footer = {"", "Without --sizes: 1/4, 1/2, 1, 2, 4 and 8 times the scenario's devices. A size",
            "the system cannot take (not whole scale-up domains) or where no plan fits says why.",
            "--format html draws the curve.",
            "", "Examples:",
            "  scalemodel scale examples/gpt3-175b-1024-a100.yaml",
            "  scalemodel scale examples/moe-1t-atlas-950-superpod.yaml --sizes 2048,4096,8192",
            "  scalemodel scale examples/llama3-405b-16k-h100.yaml --format html > scaling.html"})
final class ScaleCommand extends ScenarioCommand {

    @Option(names = "--sizes", split = ",", paramLabel = "N,N,...",
            description = "Device counts to ask about, e.g. 1024,2048,4096.")
    List<Long> sizes;

    ScaleCommand(CliContext context, TrainingEngine engine) {
        super(context, engine);
    }

    @Override
    void answer(CatalogSnapshot snapshot, TrainingScenario scenario) {
        long[] counts = sizes == null ? TrainingAnswers.defaultSizes(scenario.system().acceleratorCount())
                : sizes.stream().mapToLong(Long::longValue).toArray();
        printer.print(context, snapshot, TrainingAnswers.scaling(snapshot, engine, scenario, counts,
                PlanCommand.progress(scenario)));
    }
}
