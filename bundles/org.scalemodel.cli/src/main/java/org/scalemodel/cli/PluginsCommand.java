package org.scalemodel.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
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
        printer.print(context, snapshot, report(snapshot, kind, pluginsFolder()));
    }

    /** Builds the report; {@code kind} null means every kind. */
    static Report report(CatalogSnapshot snapshot, PluginKind kind, String pluginsFolder) {
        List<List<Object>> rows = new ArrayList<>();
        for (PluginInfo p : snapshot.plugins()) {
            if (kind == null || p.kind() == kind) {
                rows.add(List.of(p.kind().label(), p.id(), p.name(), p.version(), p.bundle(), p.bundleVersion(),
                        p.active()));
            }
        }
        List<List<Object>> failures = new ArrayList<>();
        for (PluginFailure f : snapshot.failures()) {
            if (kind == null || f.kind() == kind) {
                failures.add(List.of(f.kind().label(), f.plugin(), f.bundle(), f.phase().name().toLowerCase(),
                        f.message()));
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("plugins", Integer.toString(rows.size()));
        facts.put("failures", Integer.toString(failures.size()));
        facts.put("plugins folder", pluginsFolder);
        facts.put("catalog generation", Long.toString(snapshot.generation()));
        return new Report("plugins", "Plugins", facts, List.of(
                new ReportTable("plugins", "Discovered plugins", List.of(Column.of("kind"), Column.of("id"),
                        Column.of("name"), Column.of("version"), Column.of("bundle"),
                        new Column("bundleVersion", "bundle version", ""), Column.of("active")), rows),
                new ReportTable("failures", "Failed plugins", List.of(Column.of("kind"), Column.of("plugin"),
                        Column.of("bundle"), Column.of("phase"), Column.of("message")), failures)));
    }

    private String pluginsFolder() {
        String dir = context.context().getProperty("felix.fileinstall.dir");
        return dir == null ? "(not watched)" : new File(dir).getAbsolutePath();
    }
}
