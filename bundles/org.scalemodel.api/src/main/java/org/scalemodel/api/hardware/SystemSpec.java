package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Objects;

/**
 * A system: a number of one accelerator part, grouped level by level, each level joined by an
 * interconnect. Levels run from the innermost (the scale-up domain) outwards.
 *
 * @param id               catalog id, e.g. {@code "nvidia-gb200-nvl72"}
 * @param name             display name
 * @param acceleratorId    the {@link AcceleratorSpec#id()} of its part
 * @param acceleratorCount number of accelerators, &gt; 0
 * @param levels           interconnect levels, innermost first; may be empty for a single device
 */
public record SystemSpec(String id, String name, String acceleratorId, long acceleratorCount,
        List<InterconnectLevel> levels) {

    /** @throws IllegalArgumentException if {@code acceleratorCount <= 0} */
    public SystemSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(acceleratorId, "acceleratorId");
        if (acceleratorCount <= 0) {
            throw new IllegalArgumentException("acceleratorCount must be > 0, got " + acceleratorCount);
        }
        levels = List.copyOf(levels);
    }
}
