package org.scalemodel.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

class MarkdownExporterTest {

    private static String write(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownExporter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Report report() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("plan", "tp8 pp8 | v3");
        facts.put("step_time", "17.7 s");
        ReportTable table = new ReportTable("breakdown", "Where the time goes", List.of(Column.of("part"),
                new Column("seconds", "time", "s")),
                List.of(Arrays.asList("compute", 14.5), Arrays.asList("tp|comm", null)));
        return new Report("run", "Training run", facts, List.of(table));
    }

    @Test
    void writesHeadingsFactsAndAlignedTables() throws IOException {
        String markdown = write(report());
        assertThat(markdown).startsWith("# Training run\n\n- **plan**: tp8 pp8 | v3\n- **step\\_time**: 17.7 s\n")
                .contains("## Where the time goes\n\n| part | time [s] |\n| --- | ---: |\n| compute | 14.5 |\n")
                .contains("| tp\\|comm | unknown |");
    }

    @Test
    void aMarkdownParserReadsOneTableWithTheCellsAsWritten() throws IOException {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node document = parser.parse(write(report()));
        int[] tables = {0};
        StringBuilder cells = new StringBuilder();
        StringBuilder headings = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    tables[0]++;
                }
                visitChildren(block);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell) {
                    cells.append(text(node)).append(';');
                }
                visitChildren(node);
            }

            @Override
            public void visit(Heading heading) {
                headings.append(text(heading)).append(';');
            }
        });
        assertThat(tables[0]).isEqualTo(1);
        assertThat(headings).hasToString("Training run;Where the time goes;");
        assertThat(cells).hasToString("part;time [s];compute;14.5;tp|comm;unknown;");
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
