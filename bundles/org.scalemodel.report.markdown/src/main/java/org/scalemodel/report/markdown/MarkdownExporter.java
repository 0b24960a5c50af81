package org.scalemodel.report.markdown;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.CellText;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * Writes a report as Markdown for notes, issues and wikis: the title as a heading, the facts as a
 * list, each table under its own heading as a GitHub-flavoured table (units in the headers, numbers
 * right-aligned, cells as the text table prints them).
 */
@Component
@ScalemodelPlugin(id = MarkdownExporter.FORMAT, name = "Markdown")
public final class MarkdownExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "markdown";

    @Override
    public String mediaType() {
        return "text/markdown; charset=utf-8";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("# " + inline(report.title()) + "\n");
        if (!report.facts().isEmpty()) {
            writer.write("\n");
            for (Map.Entry<String, String> fact : report.facts().entrySet()) {
                writer.write("- **" + inline(fact.getKey()) + "**: " + inline(fact.getValue()) + "\n");
            }
        }
        for (ReportTable table : report.tables()) {
            writer.write("\n## " + inline(table.title()) + "\n\n");
            writeTable(writer, table);
        }
        writer.flush();
    }

    private static void writeTable(Writer writer, ReportTable table) throws IOException {
        List<Column> columns = table.columns();
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < columns.size(); c++) {
            header.append(' ').append(cell(CellText.header(columns.get(c)))).append(" |");
            rule.append(table.isNumeric(c) ? " ---: |" : " --- |");
        }
        writer.write(header + "\n" + rule + "\n");
        for (List<Object> row : table.rows()) {
            StringBuilder line = new StringBuilder("|");
            for (Object value : row) {
                line.append(' ').append(cell(CellText.format(value))).append(" |");
            }
            writer.write(line + "\n");
        }
    }


    /** Table cells may not hold a pipe or a line break. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Markdown's own characters in free text are escaped, so text reads as written. */
    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("\r", " ").replace("\n", " ");
    }
}
