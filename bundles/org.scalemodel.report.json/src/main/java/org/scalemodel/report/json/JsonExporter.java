package org.scalemodel.report.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a report as one JSON document:
 *
 * <pre>{@code
 * {"kind": "...", "title": "...", "facts": {"name": "value", ...},
 *  "tables": [{"id": "...", "title": "...",
 *              "columns": [{"key": "...", "header": "...", "unit": "..."}],
 *              "rows": [{"<key>": <cell>, ...}]}]}
 * }</pre>
 *
 * Cells keep their types: numbers as JSON numbers, unknown as {@code null}.
 */
@Component
@ScalemodelPlugin(id = JsonExporter.FORMAT, name = "JSON document")
public final class JsonExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "json";

    private final JsonFactory factory = new JsonFactory();

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("kind", report.kind());
            json.writeStringField("title", report.title());
            json.writeObjectFieldStart("facts");
            for (Map.Entry<String, String> fact : report.facts().entrySet()) {
                json.writeStringField(fact.getKey(), fact.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("tables");
            for (ReportTable table : report.tables()) {
                writeTable(json, table);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeTable(JsonGenerator json, ReportTable table) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", table.id());
        json.writeStringField("title", table.title());
        json.writeArrayFieldStart("columns");
        for (Column column : table.columns()) {
            json.writeStartObject();
            json.writeStringField("key", column.key());
            json.writeStringField("header", column.header());
            json.writeStringField("unit", column.unit());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        for (List<Object> row : table.rows()) {
            json.writeStartObject();
            for (int c = 0; c < row.size(); c++) {
                json.writeFieldName(table.columns().get(c).key());
                writeCell(json, row.get(c));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeCell(JsonGenerator json, Object cell) throws IOException {
        if (cell == null) {
            json.writeNull();
        } else if (cell instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            json.writeNumber(((Number) cell).longValue());
        } else if (cell instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(cell.toString());
        }
    }
}
