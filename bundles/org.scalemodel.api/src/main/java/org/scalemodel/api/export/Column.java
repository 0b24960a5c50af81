package org.scalemodel.api.export;

import java.util.Objects;

/**
 * A table column.
 *
 * @param key    machine-readable key (JSON field, CSV header), lower camel case
 * @param header human-readable header
 * @param unit   the unit of numeric cells as printed, e.g. {@code "ms"}; empty for none
 */
public record Column(String key, String header, String unit) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(unit, "unit");
    }

    /** @return a column without a unit whose header is its key */
    public static Column of(String key) {
        return new Column(key, key, "");
    }
}
