package org.scalemodel.report.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TraceExporterTest {

    private static Report run(int p, int m) {
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < p; s++) {
            rows.add(List.of(s, 0.1, 0.2, m, 1, 0.05));
        }
        ReportTable schedule = new ReportTable("schedule", "Stages", List.of(Column.of("stage"),
                Column.of("forwardSeconds"), Column.of("backwardSeconds"), Column.of("microBatches"),
                Column.of("virtualStages"), Column.of("tailSeconds")), rows);
        return new Report("run", "Training run", Map.of("plan", "tp8 pp4"), List.of(schedule));
    }

    @Test
    void onePerStageTrackWithEveryPassThenTheTail() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceExporter().write(run(4, 8), out);
        JsonNode trace = new ObjectMapper().readTree(out.toByteArray());

        List<JsonNode> events = new ArrayList<>();
        trace.get("traceEvents").forEach(events::add);
        assertThat(events).filteredOn(e -> e.get("ph").asText().equals("M")).hasSize(4);
        List<JsonNode> slices = events.stream().filter(e -> e.get("ph").asText().equals("X")).toList();
        assertThat(slices).filteredOn(e -> e.get("cat").asText().equals("forward")).hasSize(32);
        assertThat(slices).filteredOn(e -> e.get("cat").asText().equals("backward")).hasSize(32);
        // the pipeline ends at (m + p - 1)(f + b) = 11 x 0.3 s, then the 50 ms tail
        double end = slices.stream().mapToDouble(e -> e.get("ts").asDouble() + e.get("dur").asDouble()).max()
                .orElseThrow();
        assertThat(end).isCloseTo((11 * 0.3 + 0.05) * 1e6, org.assertj.core.data.Offset.offset(1.0));
        assertThat(trace.at("/otherData/plan").asText()).isEqualTo("tp8 pp4");
    }

    @Test
    void aReportWithoutASchedule() {
        Report plugins = new Report("plugins", "Plugins", Map.of(), List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> new TraceExporter().write(plugins,
                new ByteArrayOutputStream())).withMessageContaining("use it with `scalemodel run`");
    }
}
