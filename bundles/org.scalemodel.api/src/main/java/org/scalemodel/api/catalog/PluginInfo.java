package org.scalemodel.api.catalog;

import java.util.Objects;

import org.scalemodel.api.plugin.PluginKind;

/**
 * What the catalog knows of one plugin service.
 *
 * @param kind         which SPI it implements
 * @param id           its {@code scalemodel.plugin.id}
 * @param name         display name (the id where none was given)
 * @param version      the plugin's version (its bundle's where none was given)
 * @param bundle       symbolic name of the bundle that registered it
 * @param bundleVersion version of that bundle
 * @param serviceId    the OSGi {@code service.id}
 * @param active       false when another service of the same kind and id outranks it
 */
public record PluginInfo(PluginKind kind, String id, String name, String version, String bundle,
        String bundleVersion, long serviceId, boolean active) {

    public PluginInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
    }
}
