package org.scalemodel.api.catalog;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every change of the plugin catalog (a plugin registered, changed
 * or went away). Called synchronously on the thread that caused the change, after the change;
 * implementations must return quickly and must not throw (a throwing listener is logged and
 * skipped).
 */
@ConsumerType
public interface CatalogListener {

    /** @param snapshot the catalog after the change */
    void catalogChanged(CatalogSnapshot snapshot);
}
