package org.scalemodel.cli;

import java.io.PrintWriter;

import org.osgi.service.cm.ConfigurationAdmin;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.training.TrainingEngine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code scalemodel} command: only help, version and the subcommands. */
@Command(name = "scalemodel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Models how fast AI models train and serve on AI superclusters, at what memory, power and cost.",
            "Hardware, interconnect, workload and report plugins are discovered at runtime; drop a plugin",
            "bundle into plugins/ to add one (no restart)."},
        footer = {"", "Examples:",
            "  scalemodel plugins                   list every discovered plugin",
            "  scalemodel systems                   every system, with totals",
            "  scalemodel describe atlas-950-superpod",
            "  scalemodel compare atlas-950-superpod nvidia-vr-nvl144",
            "  scalemodel collective nvidia-dgx-h100-superpod --group 8 --sweep 1MiB:8GiB",
            "  scalemodel place nvidia-dgx-h100-superpod tp=8 dp=64 pp=2   where a plan's groups sit",
            "  scalemodel plugins --format json     the same as one JSON document",
            "  scalemodel run examples/gpt3-175b-1024-a100.yaml   predict a training run",
            "  scalemodel plan examples/moe-1t-gb200-nvl72.yaml   the best parallel plans",
            "  scalemodel serve                     the modelling server and web page on 127.0.0.1:8080",
            "  scalemodel status                    start-up time, component states, memory",
            "  scalemodel bench startup --runs 10   measure start-up over 10 fresh JVMs",
            "", "Exit codes: 0 success, 1 failure, 2 invalid input."},
        subcommands = {CommandLine.HelpCommand.class})
final class ScalemodelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Builds the command tree wired to the running framework. */
    static CommandLine commandLine(CliContext context, FabricFactory fabrics, TrainingEngine training,
            ConfigurationAdmin configurations, PrintWriter out,
            PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ScalemodelCommand());
        commandLine.addSubcommand(new PluginsCommand(context));
        commandLine.addSubcommand(new PartsCommand(context));
        commandLine.addSubcommand(new SystemsCommand(context));
        commandLine.addSubcommand(new DescribeCommand(context));
        commandLine.addSubcommand(new CompareCommand(context));
        commandLine.addSubcommand(new CollectiveCommand(context, fabrics));
        commandLine.addSubcommand(new CollectiveCheckCommand(context, fabrics));
        commandLine.addSubcommand(new PlaceCommand(context, fabrics));
        commandLine.addSubcommand(new RunCommand(context, training));
        commandLine.addSubcommand(new PlanCommand(context, training));
        commandLine.addSubcommand(new ScaleCommand(context, training));
        commandLine.addSubcommand(new ValidateCommand(context, training));
        commandLine.addSubcommand(new ServeCommand(context, configurations));
        commandLine.addSubcommand(new StatusCommand(context));
        commandLine.addSubcommand(new CommandLine(new BenchCommand())
                .addSubcommand(new StartupBench().with(context))
                .addSubcommand(new CollectiveBench().with(context, fabrics))
                .addSubcommand(new ServerBench().with(context, configurations)));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    @Override
    public void run() {
        // no subcommand: teach rather than do nothing
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
