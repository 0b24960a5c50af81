package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import org.scalemodel.api.hardware.Sourced;

/** Turns sourced figures into report cells: a number in the column's unit, or null for unknown. */
public final class Figures {

    public static final double TERA = 1e12;
    public static final double PETA = 1e15;
    public static final double GIGA = 1e9;

    private Figures() {
    }

    /** @return the value in {@code unit} (SI value / unitScale), or null when unknown */
    public static <T> Double in(Sourced<T> figure, ToDoubleFunction<T> si, double unitScale) {
        return figure != null && figure.isKnown() ? si.applyAsDouble(figure.value()) / unitScale : null;
    }

    public static Double in(OptionalDouble value, double unitScale) {
        return value.isPresent() ? value.getAsDouble() / unitScale : null;
    }

    /** @return "vendor", "estimate"... or "unknown" */
    public static String provenance(Sourced<?> figure) {
        if (figure == null) {
            return "";
        }
        return figure.isKnown() ? figure.provenance().label() : "unknown";
    }

    /** @return the note, with the alternatives the figure was chosen over */
    public static String note(Sourced<?> figure) {
        if (figure == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!figure.note().isEmpty()) {
            parts.add(figure.note());
        }
        for (Sourced<?> alternative : figure.alternatives()) {
            parts.add("alternative: " + alternative.value() + " (" + alternative.provenance().label()
                    + (alternative.source().isEmpty() ? "" : ", " + alternative.source()) + ")");
        }
        return String.join("; ", parts);
    }

    /** @return a row of the given cells (nulls allowed) */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
