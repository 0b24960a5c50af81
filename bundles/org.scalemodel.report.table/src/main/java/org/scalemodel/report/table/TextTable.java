package org.scalemodel.report.table;

import java.util.ArrayList;
import java.util.List;

import org.scalemodel.api.export.CellText;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.ReportTable;

/** Lays out one table: headers with units, numbers right-aligned, text left-aligned. */
final class TextTable {

    private TextTable() {
    }

    static String render(ReportTable table) {
        List<Column> columns = table.columns();
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            String[] printed = new String[columns.size()];
            for (int c = 0; c < printed.length; c++) {
                printed[c] = CellText.format(row.get(c));
            }
            cells.add(printed);
        }
        int[] widths = new int[columns.size()];
        String[] headers = new String[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            Column column = columns.get(c);
            headers[c] = CellText.header(column);
            widths[c] = headers[c].length();
            for (String[] row : cells) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        boolean[] numeric = numericColumns(table);
        StringBuilder out = new StringBuilder();
        out.append(table.title()).append('\n');
        appendRow(out, headers, widths, new boolean[widths.length]);
        appendRule(out, widths);
        for (String[] row : cells) {
            appendRow(out, row, widths, numeric);
        }
        if (cells.isEmpty()) {
            out.append("(none)\n");
        }
        return out.toString();
    }

    private static boolean[] numericColumns(ReportTable table) {
        boolean[] numeric = new boolean[table.columns().size()];
        for (int c = 0; c < numeric.length; c++) {
            int col = c;
            numeric[c] = !table.rows().isEmpty()
                    && table.rows().stream().allMatch(r -> r.get(col) == null || r.get(col) instanceof Number
                            || "".equals(r.get(col)));
        }
        return numeric;
    }

    private static void appendRow(StringBuilder out, String[] row, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - row[c].length());
            line.append(rightAligned[c] ? pad + row[c] : row[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendRule(StringBuilder out, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append("-".repeat(widths[c]));
        }
        out.append(line).append('\n');
    }
}
