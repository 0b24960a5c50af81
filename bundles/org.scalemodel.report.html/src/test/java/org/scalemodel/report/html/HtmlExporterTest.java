package org.scalemodel.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

class HtmlExporterTest {

    private static Report report() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scenario", "<b>GPT-3</b> & friends");
        facts.put("step time", "17.709 s");
        ReportTable breakdown = new ReportTable("breakdown", "Where the time goes", List.of(Column.of("part"),
                new Column("seconds", "time", "s"), new Column("sharePercent", "share", "%")),
                List.of(Arrays.asList("compute", 14.5, 81.9), Arrays.asList("tp-comm </script>", 1.98, null)));
        ReportTable notes = new ReportTable("notes", "Notes", List.of(Column.of("note")), List.of(List.of("text only")));
        return new Report("run", "Training run", facts, List.of(breakdown, notes));
    }

    private static Document render(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlExporter().write(report, out);
        return Jsoup.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aParserFindsTheFactsTheTablesAndTheirCellsAsText() throws IOException {
        Document page = render(report());
        assertThat(page.title()).isEqualTo("Training run");
        assertThat(page.body().attr("data-report-kind")).isEqualTo("run");
        assertThat(page.select("dl.facts dt").eachText()).containsExactly("scenario", "step time");
        assertThat(page.select("dl.facts dd").first().text()).isEqualTo("<b>GPT-3</b> & friends");
        assertThat(page.select("dl.facts b")).as("fact text is escaped, not markup").isEmpty();
        Element table = page.selectFirst("section#breakdown table.data");
        assertThat(table.select("th").eachText()).containsExactly("part", "time [s]", "share [%]");
        assertThat(table.select("tbody tr").get(1).select("td").eachText())
                .containsExactly("tp-comm </script>", "1.98", "unknown");
    }

    @Test
    void tablesWithNumbersGetABarChartAndTheLibraryIsInlined() throws IOException {
        Document page = render(report());
        assertThat(page.select("div.chart").eachAttr("id")).containsExactly("chart-breakdown");
        assertThat(page.select("script[src]")).as("self-contained: nothing fetched").isEmpty();
        String library = page.head().select("script").first().data();
        assertThat(library.length()).as("ECharts inlined").isGreaterThan(500_000);
        String setup = page.body().select("script").last().data();
        assertThat(setup).contains("echarts.init(document.getElementById('chart-breakdown'))")
                .contains("\"type\":\"bar\"").contains("\"data\":[14.5,1.98]").contains("\"data\":[81.9,null]")
                .doesNotContain("</script>");
    }

    @Test
    void aTableWithoutNumbersOrWithTooManyRowsIsNotCharted() {
        HtmlExporter exporter = new HtmlExporter();
        assertThat(exporter.chartOption(report().tables().get(1))).isNull();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= HtmlExporter.MAX_CHART_ROWS; i++) {
            rows.add(Arrays.asList("r" + i, (double) i));
        }
        assertThat(exporter.chartOption(new ReportTable("t", "T", List.of(Column.of("a"), Column.of("b")), rows)))
                .isNull();
    }
}
