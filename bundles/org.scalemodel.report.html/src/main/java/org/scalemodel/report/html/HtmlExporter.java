package org.scalemodel.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.CellText;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a report as one self-contained HTML file: the facts, every table, and a bar chart of each
 * table that has a label column and numbers (the step-time breakdown, memory per device, the plans
 * of a search, the cases of a validation). The charts are drawn by ECharts, inlined from its WebJar
 * so the file opens offline. jsoup builds the document, so all text is escaped.
 */
@Component
@ScalemodelPlugin(id = HtmlExporter.FORMAT, name = "HTML with charts")
public final class HtmlExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "html";
    /** Where the WebJar keeps the library (bnd.bnd copies it into this bundle at the same path). */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** Tables longer than this are shown, not charted. */
    static final int MAX_CHART_ROWS = 60;

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}",
            "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}",
            "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.2rem .5rem}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums}.chart{width:900px;height:360px}");

    private final JsonFactory json = new JsonFactory();

    /** The library, read on first use (a megabyte: not at start-up). */
    private static final class Library {
        static final String ECHARTS_SOURCE = library();
    }

    @Override
    public String mediaType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Document page = Document.createShell("");
        page.prependChild(new DocumentType("html", "", ""));
        page.title(report.title());
        page.head().appendElement("meta").attr("charset", "utf-8");
        page.head().appendElement("style").appendChild(new DataNode(STYLE));
        page.head().appendElement("script").appendChild(new DataNode(Library.ECHARTS_SOURCE));
        Element body = page.body();
        body.attr("data-report-kind", report.kind());
        body.appendElement("h1").text(report.title());
        Element facts = body.appendElement("dl").addClass("facts");
        for (Map.Entry<String, String> fact : report.facts().entrySet()) {
            facts.appendElement("dt").text(fact.getKey());
            facts.appendElement("dd").text(fact.getValue());
        }
        List<String> charts = new ArrayList<>();
        for (ReportTable table : report.tables()) {
            Element section = body.appendElement("section").attr("id", table.id());
            section.appendElement("h2").text(table.title());
            String option = chartOption(table);
            if (option != null) {
                String id = "chart-" + table.id();
                section.appendElement("div").addClass("chart").attr("id", id);
                charts.add("echarts.init(document.getElementById('" + id + "')).setOption(" + option + ");");
            }
            section.appendChild(table(table));
        }
        if (!charts.isEmpty()) {
            body.appendElement("script").appendChild(new DataNode(String.join("\n", charts)));
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(page.outerHtml());
        writer.write('\n');
        writer.flush();
    }

    private static Element table(ReportTable table) {
        Element element = new Element("table").addClass("data");
        Element header = element.appendElement("thead").appendElement("tr");
        for (Column column : table.columns()) {
            header.appendElement("th").attr("data-key", column.key()).text(CellText.header(column));
        }
        Element rows = element.appendElement("tbody");
        for (List<Object> row : table.rows()) {
            Element line = rows.appendElement("tr");
            for (Object cell : row) {
                Element td = line.appendElement("td").text(CellText.format(cell));
                if (cell instanceof Number) {
                    td.addClass("n");
                }
            }
        }
        return element;
    }

    /**
     * An ECharts option for a chart of the table: categories from its first column, one series
     * per numeric column (bars; lines when the first column is numeric, e.g. a scaling curve);
     * null when the table has no label column, no numbers or too many rows.
     */
    String chartOption(ReportTable table) {
        if (table.rows().isEmpty() || table.rows().size() > MAX_CHART_ROWS || table.columns().size() < 2) {
            return null;
        }
        List<Integer> numeric = new ArrayList<>();
        for (int c = 1; c < table.columns().size(); c++) {
            if (table.isNumeric(c)) {
                numeric.add(c);
            }
        }
        if (numeric.isEmpty()) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator option = json.createGenerator(text)) {
            option.writeStartObject();
            option.writeObjectFieldStart("tooltip");
            option.writeStringField("trigger", "axis");
            option.writeEndObject();
            option.writeObjectFieldStart("legend");
            option.writeEndObject();
            option.writeObjectFieldStart("xAxis");
            option.writeStringField("type", "category");
            option.writeArrayFieldStart("data");
            for (List<Object> row : table.rows()) {
                option.writeString(CellText.format(row.get(0)));
            }
            option.writeEndArray();
            option.writeEndObject();
            option.writeObjectFieldStart("yAxis");
            option.writeStringField("type", "value");
            option.writeEndObject();
            option.writeArrayFieldStart("series");
            for (int c : numeric) {
                option.writeStartObject();
                // a numeric first column is a size (devices, bytes): a curve over it, not bars
                option.writeStringField("type", table.isNumeric(0) ? "line" : "bar");
                option.writeStringField("name", CellText.header(table.columns().get(c)));
                option.writeArrayFieldStart("data");
                for (List<Object> row : table.rows()) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        option.writeNumber(number.doubleValue());
                    } else {
                        option.writeNull();
                    }
                }
                option.writeEndArray();
                option.writeEndObject();
            }
            option.writeEndArray();
            option.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // inside a script element nothing may read as a closing tag
        return text.toString().replace("</", "<\\/");
    }


    private static String library() {
        try (InputStream in = HtmlExporter.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException(ECHARTS + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inlined ECharts library", e);
        }
    }
}
