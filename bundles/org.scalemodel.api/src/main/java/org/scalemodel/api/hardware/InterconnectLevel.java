package org.scalemodel.api.hardware;

import java.util.Map;
import java.util.Objects;

/**
 * One level of a system's interconnect, for example the NVLink domain of a rack or the
 * InfiniBand fabric across racks.
 *
 * @param name           level name, e.g. {@code "scale-up"}
 * @param interconnectId id of the interconnect plugin that models it
 * @param groupSize      devices joined at this level into one group (72 for an NVL72 rack's
 *                       NVLink level; the whole system for the outermost level), &gt; 0
 * @param parameters     plugin-specific parameters with units as written, e.g.
 *                       {@code oversubscription=1:1}; interpreted by the interconnect plugin
 */
public record InterconnectLevel(String name, String interconnectId, long groupSize, Map<String, String> parameters) {

    /** @throws IllegalArgumentException if {@code groupSize <= 0} */
    public InterconnectLevel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interconnectId, "interconnectId");
        if (groupSize <= 0) {
            throw new IllegalArgumentException("groupSize must be > 0, got " + groupSize);
        }
        parameters = Map.copyOf(parameters);
    }
}
