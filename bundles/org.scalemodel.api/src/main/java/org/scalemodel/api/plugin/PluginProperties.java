package org.scalemodel.api.plugin;

/**
 * Names of the service properties that identify a plugin. Declare them with
 * {@link ScalemodelPlugin} rather than by hand.
 */
public final class PluginProperties {

    /**
     * Service property (String, required): the plugin's id, unique within its kind, lower case
     * with dashes, e.g. {@code "fat-tree"}. For exporters the id is the format name used by
     * {@code --format}, e.g. {@code "json"}. A service without it is ignored (and logged).
     * Where two services of one kind share an id, the higher {@code service.ranking} wins, then
     * the lower {@code service.id}.
     */
    public static final String ID = "scalemodel.plugin.id";

    /** Service property (String, optional): a human-readable name; defaults to the id. */
    public static final String NAME = "scalemodel.plugin.name";

    /**
     * Service property (String, optional): the plugin's own version (an OSGi version string);
     * defaults to the version of the bundle that registers the service.
     */
    public static final String VERSION = "scalemodel.plugin.version";

    /**
     * Service property (Long, optional): a revision counter a plugin raises (by modifying its
     * service properties) when what it answers changes, for example after a hardware definition
     * file was edited. The engine then takes the change into new catalog snapshots.
     */
    public static final String REVISION = "scalemodel.plugin.revision";

    private PluginProperties() {
    }
}
