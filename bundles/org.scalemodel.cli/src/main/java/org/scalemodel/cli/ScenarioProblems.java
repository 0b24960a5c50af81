package org.scalemodel.cli;

import java.nio.file.Path;

/** Puts the scenario file's name in front of every problem, whichever layer found it. */
final class ScenarioProblems {

    private ScenarioProblems() {
    }

    static void naming(Path scenarioFile, Runnable work) {
        try {
            work.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw message.startsWith(scenarioFile.toString()) ? e
                    : new IllegalArgumentException(scenarioFile + ": " + message, e);
        }
    }
}
