package org.scalemodel.cli;

import org.scalemodel.answers.TrainingAnswers;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Command;

/** {@code scalemodel run SCENARIO}: one plan's iteration, or the best plan's. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Predicts one training scenario: step time and where it goes, MFU, tokens/s,",
            "time to train, memory per device, the pipeline stages and the compute by",
            "operator (the rate each GEMM, attention kernel and memory-bound pass was",
            "priced at). With `plan: best` (or no plan) it runs the fastest plan the",
            "planner finds."},
        footer = {"", "SCENARIO is a YAML file: system, devices, workload (model, job,",
            "framework), train-tokens, plan. docs/scenarios.md describes every field;",
            "examples/ has ready ones.",
            "", "Examples:",
            "  scalemodel run examples/gpt3-175b-1024-a100.yaml",
            "  scalemodel run examples/llama3-405b-16k-h100.yaml --format json"})
final class RunCommand extends ScenarioCommand {

    RunCommand(CliContext context, TrainingEngine engine) {
        super(context, engine);
    }

    @Override
    void answer(CatalogSnapshot snapshot, TrainingScenario scenario) {
        printer.print(context, snapshot, TrainingAnswers.run(snapshot, engine, scenario,
                PlanCommand.progress(scenario)).report());
    }
}
