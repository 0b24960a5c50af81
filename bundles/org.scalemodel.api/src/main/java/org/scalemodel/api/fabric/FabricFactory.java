package org.scalemodel.api.fabric;

import org.osgi.annotation.versioning.ProviderType;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.hardware.SystemSpec;

/** Builds the {@link Fabric} of a system from the interconnect plugins of a catalog snapshot. */
@ProviderType
public interface FabricFactory {

    /**
     * @param snapshot the catalog to take the system, its part and the interconnect plugins from
     * @param systemId a system id or alias
     * @return the fabric
     * @throws IllegalArgumentException if the system is unknown, a level's interconnect plugin is
     *                                  not installed, or a plugin rejects the level's parameters
     *                                  (the message says which level and why)
     */
    Fabric fabric(CatalogSnapshot snapshot, String systemId);

    /**
     * Builds the fabric of a system that need not be in the catalog (a catalog system resized
     * for a scenario, or one built from what a published run states).
     *
     * @param snapshot the catalog to take the system's part and the interconnect plugins from
     * @param system   the system
     * @return the fabric
     * @throws IllegalArgumentException as {@link #fabric(CatalogSnapshot, String)}
     */
    Fabric fabric(CatalogSnapshot snapshot, SystemSpec system);
}
