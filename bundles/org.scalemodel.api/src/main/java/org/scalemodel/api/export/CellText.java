package org.scalemodel.api.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How a report cell reads as text, the same in every text format. */
public final class CellText {

    private CellText() {
    }

    /**
     * @param cell a report cell (number, boolean, string or null)
     * @return {@code unknown} for null (never 0), {@code yes}/{@code no} for booleans, whole numbers
     *         whole, other numbers with 4 significant digits (scientific beyond 1e6 or below 1e-3)
     */
    public static String format(Object cell) {
        if (cell == null) {
            return "unknown";
        }
        if (cell instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return formatDouble(((Number) cell).doubleValue());
        }
        return cell.toString();
    }

    private static String formatDouble(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** @return the column's header with its unit in brackets, e.g. {@code step [s]} */
    public static String header(Column column) {
        return column.unit().isEmpty() ? column.header() : column.header() + " [" + column.unit() + "]";
    }
}
