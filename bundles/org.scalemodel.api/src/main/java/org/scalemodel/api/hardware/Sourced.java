package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure with its provenance: the value (or why it is unknown), where it comes from, how it was
 * read, and the other published values it was chosen over.
 *
 * @param value        the figure; {@code null} when unknown
 * @param provenance   where it comes from; {@code null} only when unknown and unsourced
 * @param source       the key of the {@link Source} cited; empty when assumed or unsourced
 * @param note         how the figure was read or derived, or why it is unknown; may be empty
 * @param alternatives other published values, not chosen
 * @param <T>          the figure's type: a quantity of {@code org.scalemodel.api.units}, a Long or a Double
 */
public record Sourced<T>(T value, Provenance provenance, String source, String note, List<Sourced<T>> alternatives) {

    public Sourced {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        alternatives = List.copyOf(alternatives);
        if (value != null) {
            Objects.requireNonNull(provenance, "provenance of a known value");
        }
    }

    /** @return a known figure without note or alternatives */
    public static <T> Sourced<T> of(T value, Provenance provenance, String source) {
        return new Sourced<>(Objects.requireNonNull(value, "value"), provenance, source, "", List.of());
    }

    /** @return an unknown figure and why it is unknown */
    public static <T> Sourced<T> unknown(String why) {
        return new Sourced<>(null, null, "", why, List.of());
    }

    /** @return true when the value is known */
    public boolean isKnown() {
        return value != null;
    }

    /** @return the value, or empty when unknown */
    public Optional<T> known() {
        return Optional.ofNullable(value);
    }
}
