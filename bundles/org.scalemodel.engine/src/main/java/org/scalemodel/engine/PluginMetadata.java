package org.scalemodel.engine;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.scalemodel.api.plugin.PluginProperties;

/**
 * The identifying service properties of a plugin, read with their documented defaults.
 *
 * @param id        {@code scalemodel.plugin.id}
 * @param name      {@code scalemodel.plugin.name}, or the id
 * @param version   {@code scalemodel.plugin.version}, or the bundle's version
 * @param serviceId {@code service.id}
 * @param ranking   {@code service.ranking}, or 0
 */
record PluginMetadata(String id, String name, String version, long serviceId, int ranking) {

    /** @return the metadata, or empty if the required id is missing or blank */
    static Optional<PluginMetadata> read(Map<String, Object> properties, String bundleVersion) {
        String id = text(properties.get(PluginProperties.ID));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = text(properties.get(PluginProperties.NAME));
        String version = text(properties.get(PluginProperties.VERSION));
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        return Optional.of(new PluginMetadata(id, name.isEmpty() ? id : name,
                version.isEmpty() ? bundleVersion : version,
                serviceId instanceof Long l ? l : -1L,
                ranking instanceof Integer r ? r : 0));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
