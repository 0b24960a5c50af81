package org.scalemodel.api.interconnect;

import org.osgi.annotation.versioning.ConsumerType;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;

/**
 * A family of topologies, for example switched scale-up domains or fat-tree fabrics.
 *
 * <p>Register as a whiteboard service with {@link org.scalemodel.api.plugin.ScalemodelPlugin}; the
 * plugin id is what {@link InterconnectLevel#interconnectId()} names. Implementations must be
 * thread safe and free of side effects.
 */
@ConsumerType
public interface InterconnectModel {

    /**
     * Builds the topology of one level of a system.
     *
     * @param level       the level, with this plugin's parameters
     * @param accelerator the part the level joins (its per-device link bandwidths)
     * @return the topology; never null
     * @throws IllegalArgumentException if a parameter is missing or out of range; the message
     *                                  names the parameter and what was expected
     */
    Topology build(InterconnectLevel level, AcceleratorSpec accelerator);
}
