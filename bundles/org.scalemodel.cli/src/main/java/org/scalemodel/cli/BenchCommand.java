package org.scalemodel.cli;

import picocli.CommandLine.Command;

/** {@code scalemodel bench}: benchmarks of the platform itself; one subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of scalemodel itself (model benchmarks are JMH suites in the build).")
final class BenchCommand {
}
