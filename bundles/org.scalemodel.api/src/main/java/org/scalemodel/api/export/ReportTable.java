package org.scalemodel.api.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table of typed cells. A cell is {@code null} (unknown), a {@link String}, a {@link Number}
 * or a {@link Boolean}; exporters print unknown cells as such, never as zero.
 *
 * @param id      machine-readable id, unique in its report
 * @param title   human-readable title
 * @param columns the columns
 * @param rows    the rows, each exactly as wide as {@code columns}
 */
public record ReportTable(String id, String title, List<Column> columns, List<List<Object>> rows) {

    /** @throws IllegalArgumentException if a row's width differs or a cell has another type */
    public ReportTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            copy.add(checkedRow(rows.get(r), r, columns.size()));
        }
        rows = Collections.unmodifiableList(copy);
    }

    private static List<Object> checkedRow(List<Object> row, int index, int width) {
        if (row.size() != width) {
            throw new IllegalArgumentException("row " + index + " has " + row.size() + " cells, expected " + width);
        }
        for (Object cell : row) {
            if (cell != null && !(cell instanceof String || cell instanceof Number || cell instanceof Boolean)) {
                throw new IllegalArgumentException("row " + index + " has a cell of type "
                        + cell.getClass().getName() + "; expected String, Number, Boolean or null");
            }
        }
        // unmodifiable but null-tolerant: unknown cells are legitimate
        return Collections.unmodifiableList(new ArrayList<>(row));
    }

    /**
     * @param column a column index
     * @return whether the column holds numbers: every known cell is a number and at least one is
     *         known (so formats can right-align it or chart it)
     */
    public boolean isNumeric(int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value != null && !(value instanceof Number)) {
                return false;
            }
            any |= value != null;
        }
        return any;
    }
}
