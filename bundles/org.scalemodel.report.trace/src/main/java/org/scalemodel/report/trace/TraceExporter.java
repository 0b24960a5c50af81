package org.scalemodel.report.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes one iteration of a run as a Chrome trace (the JSON object format Perfetto and
 * chrome://tracing open): one track per pipeline stage, a slice per forward and backward pass of
 * each micro-batch laid out by the 1F1B schedule, then the once-per-iteration tail (gradient
 * synchronisation, optimizer). Reads the report's {@code schedule} table, which {@code run} writes;
 * an interleaved plan is drawn as 1F1B with each stage's chunks together (its bubble is smaller
 * than drawn, as the step time says).
 */
@Component
@ScalemodelPlugin(id = TraceExporter.FORMAT, name = "Timeline trace (Chrome trace format, Perfetto)")
public final class TraceExporter implements ReportExporter {

    /** The format id. */
    public static final String FORMAT = "trace";
    private static final double MICROS = 1e6;

    private final JsonFactory factory = new JsonFactory();

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportTable schedule = report.tables().stream().filter(t -> t.id().equals("schedule")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the trace format draws a pipeline schedule: use it"
                        + " with `scalemodel run` (this report, '" + report.kind() + "', has none)"));
        int p = schedule.rows().size();
        double[] forward = new double[p];
        double[] backward = new double[p];
        for (int s = 0; s < p; s++) {
            List<Object> row = schedule.rows().get(s);
            forward[s] = number(row, schedule, "forwardSeconds");
            backward[s] = number(row, schedule, "backwardSeconds");
        }
        List<Object> first = schedule.rows().get(0);
        int m = (int) number(first, schedule, "microBatches");
        int v = (int) number(first, schedule, "virtualStages");
        double tail = number(first, schedule, "tailSeconds");
        List<OneFOneB.Pass> passes = OneFOneB.schedule(forward, backward, m);
        double end = passes.stream().mapToDouble(OneFOneB.Pass::endSeconds).max().orElse(0);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("displayTimeUnit", "ms");
            json.writeObjectFieldStart("otherData");
            json.writeStringField("title", report.title());
            for (Map.Entry<String, String> fact : report.facts().entrySet()) {
                json.writeStringField(fact.getKey(), fact.getValue());
            }
            json.writeStringField("schedule", v > 1 ? "interleaved (" + v + " chunks per stage) drawn as 1F1B"
                    : "1F1B");
            json.writeEndObject();
            json.writeArrayFieldStart("traceEvents");
            for (int s = 0; s < p; s++) {
                json.writeStartObject();
                json.writeStringField("ph", "M");
                json.writeStringField("name", "thread_name");
                json.writeNumberField("pid", 0);
                json.writeNumberField("tid", s);
                json.writeObjectFieldStart("args");
                json.writeStringField("name", "stage " + s);
                json.writeEndObject();
                json.writeEndObject();
            }
            for (OneFOneB.Pass pass : passes) {
                slice(json, (pass.forward() ? "F" : "B") + pass.microBatch(), pass.forward() ? "forward" : "backward",
                        pass.stage(), pass.startSeconds(), pass.seconds());
            }
            if (tail > 0) {
                for (int s = 0; s < p; s++) {
                    slice(json, "dp-sync + optimizer", "iteration", s, end, tail);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void slice(JsonGenerator json, String name, String category, int stage, double start,
            double seconds) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeStringField("ph", "X");
        json.writeNumberField("pid", 0);
        json.writeNumberField("tid", stage);
        json.writeNumberField("ts", start * MICROS);
        json.writeNumberField("dur", seconds * MICROS);
        json.writeEndObject();
    }

    private static double number(List<Object> row, ReportTable table, String key) {
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).key().equals(key) && row.get(c) instanceof Number n) {
                return n.doubleValue();
            }
        }
        throw new IllegalArgumentException("the schedule table has no number '" + key + "'");
    }
}
