package org.scalemodel.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonExporterTest {

    @Test
    void writesOneDocumentWithTypedCellsAndNullForUnknown() throws IOException {
        ReportTable table = new ReportTable("parts", "Parts",
                List.of(Column.of("id"), new Column("tdp", "TDP", "W"), Column.of("ga")),
                List.of(Arrays.asList("b200", 1000.5, true), Arrays.asList("npu", null, false)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new JsonExporter().write(new Report("parts", "Accelerators", Map.of("system", "x"), List.of(table)), out);

        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertThat(doc.get("kind").asText()).isEqualTo("parts");
        assertThat(doc.at("/facts/system").asText()).isEqualTo("x");
        assertThat(doc.at("/tables/0/columns/1/unit").asText()).isEqualTo("W");
        assertThat(doc.at("/tables/0/rows/0/tdp").doubleValue()).isEqualTo(1000.5);
        assertThat(doc.at("/tables/0/rows/0/ga").booleanValue()).isTrue();
        assertThat(doc.at("/tables/0/rows/1/tdp").isNull()).isTrue();
    }
}
