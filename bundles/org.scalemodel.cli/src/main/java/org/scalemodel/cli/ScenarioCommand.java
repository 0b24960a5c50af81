package org.scalemodel.cli;

import java.nio.file.Path;

import org.scalemodel.answers.ScenarioFile;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A command that answers a scenario file: reads it (with {@code --system} and {@code --devices}
 * applied) against one catalog snapshot, and puts the file's name in front of every problem,
 * whichever layer found it.
 */
abstract class ScenarioCommand implements Runnable {

    final CliContext context;
    final TrainingEngine engine;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Mixin
    ScenarioOverrides overrides = new ScenarioOverrides();

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON).")
    Path scenarioFile;

    ScenarioCommand(CliContext context, TrainingEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public final void run() {
        try {
            CatalogSnapshot snapshot = context.catalog().snapshot();
            answer(snapshot, overrides.apply(ScenarioFile.read(scenarioFile, snapshot), snapshot));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw message.startsWith(scenarioFile.toString()) ? e
                    : new IllegalArgumentException(scenarioFile + ": " + message, e);
        }
    }

    /** Answers the scenario and prints the report. */
    abstract void answer(CatalogSnapshot snapshot, TrainingScenario scenario);
}
