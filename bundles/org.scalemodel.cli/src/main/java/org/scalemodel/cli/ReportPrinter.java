package org.scalemodel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.plugin.PluginKind;

import picocli.CommandLine.Option;

/** The {@code --format} option every reporting command shares, and the printing behind it. */
final class ReportPrinter {

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: the id of an installed exporter plugin "
                    + "(table for people, json for programs; `scalemodel plugins` lists them). Default: ${DEFAULT-VALUE}.")
    String format;

    /**
     * Writes {@code report} with the exporter of the chosen format, from {@code snapshot}.
     *
     * @throws IllegalArgumentException if no exporter of that format is installed
     */
    void print(CliContext context, CatalogSnapshot snapshot, Report report) {
        ReportExporter exporter = snapshot.exporter(format).orElseThrow(() -> new IllegalArgumentException(
                "unknown format '" + format + "'; installed formats: " + formats(snapshot)));
        try {
            exporter.write(report, context.stdout());
            context.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report: " + e.getMessage(), e);
        }
    }

    private static String formats(CatalogSnapshot snapshot) {
        String ids = snapshot.plugins().stream().filter(p -> p.kind() == PluginKind.EXPORTER && p.active())
                .map(PluginInfo::id).sorted().collect(Collectors.joining(", "));
        return ids.isEmpty() ? "(none: no exporter plugin is installed)" : ids;
    }
}
