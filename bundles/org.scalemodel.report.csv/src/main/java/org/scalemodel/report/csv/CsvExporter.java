package org.scalemodel.report.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Writes a report's main table (its first: one row per plan, per case, per part) as CSV for
 * spreadsheets and scripts: a header of column keys, then the rows; numbers keep full precision,
 * unknown cells are empty (never 0). Jackson's CSV writer does the quoting.
 */
@Component
@ScalemodelPlugin(id = CsvExporter.FORMAT, name = "CSV (the main table)")
public final class CsvExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "csv";

    private final CsvFactory factory = new CsvFactory();

    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (report.tables().isEmpty()) {
            writer.flush();
            return;
        }
        ReportTable table = report.tables().get(0);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (Column column : table.columns()) {
            schema.addColumn(column.key());
        }
        try (CsvGenerator csv = factory.createGenerator(writer)) {
            csv.setSchema(schema.build());
            csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (List<Object> row : table.rows()) {
                csv.writeStartArray();
                for (Object cell : row) {
                    write(csv, cell);
                }
                csv.writeEndArray();
            }
        }
        writer.flush();
    }

    private static void write(CsvGenerator csv, Object cell) throws IOException {
        if (cell == null) {
            csv.writeNull();
        } else if (cell instanceof Double d) {
            csv.writeNumber(d);
        } else if (cell instanceof Float f) {
            csv.writeNumber(f);
        } else if (cell instanceof Long l) {
            csv.writeNumber(l);
        } else if (cell instanceof Integer i) {
            csv.writeNumber(i);
        } else if (cell instanceof Boolean b) {
            csv.writeBoolean(b);
        } else {
            csv.writeString(cell.toString());
        }
    }
}
