package org.scalemodel.report.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/** Writes a report for people: the title, its facts, then each table with aligned columns. */
@Component
@ScalemodelPlugin(id = TableExporter.FORMAT, name = "Plain-text tables")
public final class TableExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "table";

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(report.title());
        writer.write('\n');
        int width = report.facts().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> fact : report.facts().entrySet()) {
            writer.write(String.format("  %-" + width + "s  %s%n", fact.getKey(), fact.getValue()));
        }
        for (ReportTable table : report.tables()) {
            writer.write('\n');
            writer.write(TextTable.render(table));
        }
        writer.flush();
    }
}
