package org.scalemodel.hardware.definitions;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender: a bundle whose manifest names a folder in {@code Scalemodel-Definitions}
 * contributes the definition files in it (a hardware plugin that is only data, no code). They
 * leave when the bundle stops.
 */
final class DefinitionBundles implements BundleTrackerCustomizer<String> {

    private final HardwareDefinitionsComponent owner;

    DefinitionBundles(HardwareDefinitionsComponent owner) {
        this.owner = owner;
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String folder = bundle.getHeaders("").get(HardwareDefinitionsComponent.HEADER);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        String prefix = "bundle:" + bundle.getBundleId() + ":";
        Enumeration<URL> entries = bundle.findEntries(folder.trim(), "*.y*ml", false);
        for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String name = bundle.getSymbolicName() + "/" + entry.getPath().replaceFirst("^/", "");
            owner.offer(Layer.BUNDLE, prefix + entry.getPath(), name, HardwareDefinitionsComponent.read(entry),
                    "bundle " + name);
        }
        return prefix;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String prefix) {
        // the files of a bundle change only when it is updated, which stops it first
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String prefix) {
        owner.removeBundle(prefix, bundle.getSymbolicName());
    }
}
