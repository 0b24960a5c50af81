package org.scalemodel.api.catalog;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every plugin service currently registered, tracked dynamically as bundles come and go.
 * Thread safe.
 */
@ProviderType
public interface PluginCatalog {

    /**
     * @return an immutable view of the plugins as registered now; a run works on one snapshot
     *         from start to end, whatever is installed, updated or removed meanwhile
     */
    CatalogSnapshot snapshot();

    /** @return a counter that rises with every change of the plugin set, starting at 0 */
    long generation();
}
