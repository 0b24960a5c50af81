package org.scalemodel.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

class TableExporterTest {

    @Test
    void alignsColumnsShowsUnitsAndPrintsUnknownAsSuch() throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("system", "nvl72");
        ReportTable table = new ReportTable("parts", "Parts",
                List.of(Column.of("id"), new Column("tdp", "TDP", "W"), new Column("bw", "HBM", "TB/s")),
                List.of(Arrays.asList("b200", 1000.0, 8.0), Arrays.asList("atlas-npu", null, 1.6)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new TableExporter().write(new Report("parts", "Accelerators", facts, List.of(table)), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "Accelerators",
                "  system  nvl72",
                "",
                "Parts",
                "id         TDP [W]  HBM [TB/s]",
                "---------  -------  ----------",
                "b200          1000           8",
                "atlas-npu  unknown         1.6",
                ""));
    }

    @Test
    void formatsSmallAndLargeNumbersReadably() {
        assertThat(org.scalemodel.api.export.CellText.format(0.123456)).isEqualTo("0.1235");
        assertThat(org.scalemodel.api.export.CellText.format(2.5e18)).isEqualTo("2.500e+18");
        assertThat(org.scalemodel.api.export.CellText.format(42L)).isEqualTo("42");
        assertThat(org.scalemodel.api.export.CellText.format(true)).isEqualTo("yes");
    }
}
