package org.scalemodel.report.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How one cell reads in a text table. */
final class CellFormat {

    private CellFormat() {
    }

    /** Unknown stays "unknown" (never 0); whole numbers print whole; others with 4 significant digits. */
    static String format(Object cell) {
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
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}
