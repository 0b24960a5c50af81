package org.scalemodel.engine;

import java.util.Objects;

import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.plugin.PluginKind;

/**
 * One registered plugin service as the catalog holds it.
 *
 * @param kind          the SPI it implements
 * @param id            its plugin id
 * @param name          display name
 * @param version       plugin version
 * @param bundle        symbolic name of the registering bundle
 * @param bundleVersion version of that bundle
 * @param serviceId     OSGi service id, unique for the framework's life
 * @param ranking       OSGi service ranking; higher wins among equal ids
 * @param service       the service object, implementing the SPI of {@code kind}
 */
record PluginEntry(PluginKind kind, String id, String name, String version, String bundle, String bundleVersion,
        long serviceId, int ranking, Object service) {

    PluginEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
    }

    /** @return true if this entry wins over {@code other} for the same kind and id */
    boolean outranks(PluginEntry other) {
        if (ranking != other.ranking) {
            return ranking > other.ranking;
        }
        return serviceId < other.serviceId;
    }

    PluginInfo info(boolean active) {
        return new PluginInfo(kind, id, name, version, bundle, bundleVersion, serviceId, active);
    }
}
