package org.scalemodel.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

class CsvExporterTest {

    private static String write(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheMainTableWithKeysFullPrecisionAndEmptyUnknowns() throws IOException {
        ReportTable plans = new ReportTable("plans", "Plans", List.of(Column.of("plan"),
                new Column("stepSeconds", "step", "s"), new Column("fits", "fits", "")),
                List.of(Arrays.asList("tp8 pp8, \"v3\"", 17.709123456, true), Arrays.asList("tp4", null, false)));
        ReportTable other = new ReportTable("memory", "Memory", List.of(Column.of("part")), List.of(List.of("x")));
        String csv = write(new Report("plan", "Plans", Map.of("k", "v"), List.of(plans, other)));

        assertThat(csv).startsWith("plan,stepSeconds,fits\n");
        // read back with a CSV parser: quoting and numbers survive, the second table is not written
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        List<Map<String, String>> read = rows.readAll();
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).containsEntry("plan", "tp8 pp8, \"v3\"").containsEntry("stepSeconds", "17.709123456")
                .containsEntry("fits", "true");
        assertThat(read.get(1)).containsEntry("stepSeconds", "");
    }

    @Test
    void aReportWithoutTablesWritesNothing() throws IOException {
        assertThat(write(new Report("x", "X", Map.of(), List.of()))).isEmpty();
    }
}
