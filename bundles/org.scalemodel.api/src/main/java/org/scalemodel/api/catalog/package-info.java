/**
 * Engine-side services: the {@link org.scalemodel.api.catalog.PluginCatalog} of installed plugins
 * and its immutable {@link org.scalemodel.api.catalog.CatalogSnapshot}s. Implemented only by the
 * engine bundle; used by the CLI, the server and tests. Plugins never call these.
 */
@Export
@Version("0.1.0")
package org.scalemodel.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
