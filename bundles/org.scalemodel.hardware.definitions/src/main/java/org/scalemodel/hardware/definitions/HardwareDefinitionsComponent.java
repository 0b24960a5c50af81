package org.scalemodel.hardware.definitions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.plugin.PluginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hardware definitions in service: reads the built-in files and the definitions folder
 * at activation (so a command sees them at once), then follows changes: the folder through Felix
 * FileInstall (this component is its {@link ArtifactInstaller} for definition files), plugin
 * bundles through a bundle tracker (the {@code Scalemodel-Definitions} extender). Registers one
 * {@link HardwareModel} service and raises its {@code scalemodel.plugin.revision} after every
 * change, so the catalog takes new snapshots.
 */
@Component(immediate = true, configurationPid = HardwareDefinitionsComponent.PID, service = ArtifactInstaller.class)
@Designate(ocd = HardwareDefinitionsComponent.Config.class)
public final class HardwareDefinitionsComponent implements ArtifactInstaller {

    /** Configuration PID. */
    public static final String PID = "org.scalemodel.hardware.definitions";
    /** Manifest header of a bundle that carries definition files: the folder inside the bundle. */
    public static final String HEADER = "Scalemodel-Definitions";
    /**
     * Service property (String[]) of the hardware service: every current problem of a rejected
     * definition file, as "file:line:column: field: message".
     */
    public static final String PROBLEMS = "scalemodel.definitions.problems";
    /** The plugin id of the hardware service. */
    public static final String PLUGIN_ID = "definitions";

    private static final Logger LOG = LoggerFactory.getLogger(HardwareDefinitionsComponent.class);

    @ObjectClassDefinition(name = "Hardware definitions",
            description = "Where hardware definition files are read from and how often the folder is polled")
    public @interface Config {
        @AttributeDefinition(description = "The watched definitions folder; empty: the framework property "
                + "scalemodel.definitions.dir, else 'definitions' in the working directory")
        String definitions_dir() default "";

        @AttributeDefinition(description = "Milliseconds between two looks at the folder, >= 50; the framework "
                + "property scalemodel.definitions.poll.ms overrides it")
        long poll_ms() default 1000;
    }

    private final DefinitionLayers layers = new DefinitionLayers();
    private final ServiceRegistration<HardwareModel> registration;
    private final Path folder;
    private final BundleTracker<String> extender;
    private final Configuration watch;

    @Activate
    public HardwareDefinitionsComponent(BundleContext context, Config config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configAdmin) {
        folder = definitionsFolder(context, config);
        loadBuiltIns(context.getBundle());
        loadFolder();
        registration = context.registerService(HardwareModel.class, new DefinitionsHardwareModel(layers),
                properties());
        extender = new BundleTracker<>(context, Bundle.ACTIVE | Bundle.STARTING, new DefinitionBundles(this));
        extender.open();
        watch = configAdmin == null ? null : watchFolder(context, configAdmin, config);
        LOG.info("Hardware definitions: {} parts, {} systems; watching {}", layers.current().parts().size(),
                layers.current().systems().size(), folder);
    }

    @Deactivate
    void deactivate() {
        extender.close();
        registration.unregister();
        if (watch != null) {
            try {
                watch.delete();
            } catch (IOException | IllegalStateException e) {
                LOG.debug("could not delete the folder watch configuration", e);
            }
        }
    }

    /** @return the current problems of every rejected file (for tests and diagnostics) */
    List<Problem> problems() {
        return layers.current().problems();
    }

    // --- the folder, through FileInstall ----------------------------------------------------

    @Override
    public boolean canHandle(File artifact) {
        Path path = artifact.toPath().toAbsolutePath().normalize();
        return path.getParent() != null && path.getParent().equals(folder) && isDefinitionFile(path);
    }

    @Override
    public void install(File artifact) {
        offerFile(artifact.toPath());
    }

    @Override
    public void update(File artifact) {
        offerFile(artifact.toPath());
    }

    @Override
    public void uninstall(File artifact) {
        change(() -> layers.remove(Layer.FOLDER, folderKey(artifact.toPath())), "deleted " + artifact.getName());
    }

    // --- changes ----------------------------------------------------------------------------

    /** Offers a file of a layer and logs the outcome: what changed, or why it was rejected. */
    void offer(Layer layer, String key, String name, byte[] content, String origin) {
        DefinitionFile file = DefinitionFile.read(name, content, versioned(origin, content));
        change(() -> {
            List<Problem> problems = layers.put(layer, key, file);
            for (Problem problem : problems) {
                LOG.error("Rejected {} (the last good version stays in service): {}", name, problem);
            }
        }, name);
    }

    /**
     * The origin with the first 12 hex digits of the content's SHA-256: the digest names the
     * version, so a result that quotes a definition's origin says which edit it used.
     */
    static String versioned(String origin, byte[] content) {
        try {
            return origin + " (sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content),
                    0, 6) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    void removeBundle(String prefix, String bundle) {
        change(() -> layers.removeAll(Layer.BUNDLE, prefix), "bundle " + bundle + " stopped");
    }

    private synchronized void change(Runnable change, String what) {
        Catalog before = layers.current();
        change.run();
        Catalog after = layers.current();
        List<String> lines = Changes.between(before, after);
        lines.forEach(line -> LOG.info("Definitions ({}): {}", what, line));
        if (after.revision() != before.revision() && registration != null) {
            registration.setProperties(properties());
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.ID, PLUGIN_ID);
        properties.put(PluginProperties.NAME, "Hardware definitions (built-in, plugin bundles, folder)");
        properties.put(PluginProperties.REVISION, layers.current().revision());
        properties.put(PROBLEMS, layers.current().problems().stream().map(Problem::toString).toArray(String[]::new));
        return properties;
    }

    private void loadBuiltIns(Bundle self) {
        for (URL entry : Collections.list(self.findEntries("definitions", "*.yaml", false))) {
            String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            byte[] content = read(entry);
            layers.put(Layer.BUILT_IN, name, DefinitionFile.read("built-in " + name, content,
                    versioned("built-in " + name, content)));
        }
        layers.current().problems().forEach(p -> LOG.error("Built-in definitions rejected: {}", p));
    }

    private void loadFolder() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(HardwareDefinitionsComponent::isDefinitionFile).sorted().forEach(this::offerFile);
        } catch (IOException e) {
            LOG.error("Could not list the definitions folder {}: {}", folder, e.getMessage());
        }
    }

    private void offerFile(Path path) {
        try {
            offer(Layer.FOLDER, folderKey(path), path.toString(), Files.readAllBytes(path), "folder " + path);
        } catch (IOException e) {
            LOG.error("Could not read {}: {}; the last good version stays in service", path, e.getMessage());
        }
    }

    private static String folderKey(Path path) {
        return "folder:" + path.toAbsolutePath().normalize();
    }

    static boolean isDefinitionFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        }
    }

    private static Path definitionsFolder(BundleContext context, Config config) {
        String dir = config.definitions_dir();
        if (dir.isEmpty()) {
            String property = context.getProperty("scalemodel.definitions.dir");
            dir = property == null || property.isBlank() ? "definitions" : property;
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** Asks FileInstall (through its factory configuration) to watch the folder for definition files. */
    private static long pollMillis(BundleContext context, Config config) {
        String property = context.getProperty("scalemodel.definitions.poll.ms");
        long millis = property == null ? config.poll_ms() : Long.parseLong(property.trim());
        return Math.max(50, millis);
    }

    private Configuration watchFolder(BundleContext context, ConfigurationAdmin configAdmin, Config config) {
        try {
            Configuration configuration = configAdmin.getFactoryConfiguration("org.apache.felix.fileinstall",
                    "scalemodel-definitions", "?");
            Hashtable<String, Object> watch = new Hashtable<>();
            watch.put("felix.fileinstall.dir", folder.toString());
            watch.put("felix.fileinstall.filter", ".*\\.(yaml|yml|json)");
            watch.put("felix.fileinstall.poll", Long.toString(pollMillis(context, config)));
            watch.put("felix.fileinstall.noInitialDelay", "true");
            watch.put("felix.fileinstall.log.default", "jul");
            configuration.updateIfDifferent(watch);
            return configuration;
        } catch (IOException e) {
            LOG.error("Could not watch {}: {}; definition changes need a restart", folder, e.getMessage());
            return null;
        }
    }
}
