package org.scalemodel.cli;

import java.util.List;
import java.util.Map;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Command;

/** {@code scalemodel run SCENARIO}: one plan's iteration, or the best plan's. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Predicts one training scenario: step time and where it goes, MFU, tokens/s,",
            "time to train and memory per device. With `plan: best` (or no plan) it runs the",
            "fastest plan the planner finds."},
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
        TrainingResult result;
        String how;
        if (scenario.plan().isPresent()) {
            result = engine.evaluate(snapshot, scenario);
            how = "as given";
        } else {
            PlanSearch search = engine.plan(snapshot, scenario, 1, PlanCommand.progress(scenario));
            if (search.best().isEmpty()) {
                throw new IllegalArgumentException(PlanCommand.nothingFits(search));
            }
            result = search.best().get(0);
            how = "the fastest of " + search.considered() + " plans searched";
        }
        Map<String, String> facts = TrainingReports.facts(scenario, result);
        facts.put("plan chosen", how);
        printer.print(context, snapshot, new Report("run", "Training run", facts,
                List.of(TrainingReports.breakdown(result), TrainingReports.memory(result),
                        TrainingReports.schedule(result))));
    }
}
