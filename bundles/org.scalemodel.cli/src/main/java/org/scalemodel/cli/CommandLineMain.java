package org.scalemodel.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.training.TrainingEngine;

import picocli.CommandLine;

/**
 * Runs the command line on the launcher's main thread. The bnd launcher registers its command
 * line arguments as the service property {@code launcher.arguments}, then calls the
 * {@link Callable} registered with {@code main.thread=true} and exits with its result.
 * (A named class, not a lambda: the launcher checks by reflection that {@code call()} returns
 * an {@link Integer}.)
 */
@Component(service = Callable.class, property = "main.thread=true", immediate = true)
public final class CommandLineMain implements Callable<Integer> {

    private final PluginCatalog catalog;
    private final FabricFactory fabrics;
    private final TrainingEngine training;
    private final ServiceComponentRuntime scr;
    private final ConfigurationAdmin configurations;
    private final BundleContext context;
    private final String[] arguments;

    @Activate
    public CommandLineMain(@Reference PluginCatalog catalog, @Reference FabricFactory fabrics,
            @Reference TrainingEngine training,
            @Reference ServiceComponentRuntime scr, @Reference ConfigurationAdmin configurations,
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher,
            BundleContext context) {
        this.catalog = catalog;
        this.fabrics = fabrics;
        this.training = training;
        this.scr = scr;
        this.configurations = configurations;
        this.context = context;
        this.arguments = launcher.get("launcher.arguments") instanceof String[] args ? args : new String[0];
    }

    @Override
    public Integer call() {
        long readyEpochMillis = System.currentTimeMillis(); // start-up figure only; models never read the clock
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = ScalemodelCommand.commandLine(new CliContext(catalog, scr, context, System.out, readyEpochMillis),
                fabrics, training, configurations, out, err);
        return commandLine.execute(arguments);
    }
}
