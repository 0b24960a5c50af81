package org.scalemodel.launcher.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the launcher jar in a fresh JVM, as a user does, with its own plugins folder. */
final class Launcher {

    /** What a run printed, and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private final Path jar = Path.of(System.getProperty("scalemodel.launcher.jar"));
    private final Path pluginsFolder;
    private final Path definitionsFolder;

    Launcher(Path pluginsFolder) {
        this.pluginsFolder = pluginsFolder;
        this.definitionsFolder = pluginsFolder.resolveSibling("definitions");
    }

    /** Writes a definition file into this launcher's definitions folder. */
    Launcher withDefinition(String name, String content) throws IOException {
        Files.createDirectories(definitionsFolder);
        Files.writeString(definitionsFolder.resolve(name), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Copies a fixture plugin jar into this launcher's plugins folder. */
    Launcher withPlugin(String fixture) throws IOException {
        Files.createDirectories(pluginsFolder);
        Files.copy(Path.of(System.getProperty("scalemodel.fixtures"), fixture), pluginsFolder.resolve(fixture));
        return this;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dfelix.fileinstall.dir=" + pluginsFolder,
                "-Dscalemodel.definitions.dir=" + definitionsFolder, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not finish within 60 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
