package org.scalemodel.cli;

import java.io.File;

import org.scalemodel.answers.CatalogReports;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.plugin.PluginKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scalemodel plugins}: every discovered plugin, and every plugin that failed. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists every discovered plugin: its kind, id, version and the bundle that supplies it,",
            "then the plugins that failed (to activate, or when called) and why.",
            "Plugins come from the built-in bundles and from jars dropped into the plugins/ folder."},
        footer = {"", "Examples:", "  scalemodel plugins --kind exporter", "  scalemodel plugins --format json"})
final class PluginsCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only plugins of this kind: ${COMPLETION-CANDIDATES}.")
    PluginKind kind;

    PluginsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        printer.print(context, snapshot, CatalogReports.plugins(snapshot, kind, pluginsFolder()));
    }

    private String pluginsFolder() {
        String dir = context.context().getProperty("felix.fileinstall.dir");
        return dir == null ? "(not watched)" : new File(dir).getAbsolutePath();
    }
}
