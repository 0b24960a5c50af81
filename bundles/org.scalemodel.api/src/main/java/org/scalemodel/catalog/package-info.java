/**
 * Engine-side services: the {@link org.scalemodel.catalog.PluginCatalog} of installed plugins
 * and its immutable {@link org.scalemodel.catalog.CatalogSnapshot}s. Implemented only by the
 * engine bundle; used by the CLI, the server and tests. Plugins never call these.
 */
@Export
@Version("0.1.0")
package org.scalemodel.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
