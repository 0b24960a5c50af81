/**
 * In-framework tests of the plugin catalog: discovery of every plugin kind, hot deployment of a
 * third-party bundle, fault isolation, and the watched plugins folder.
 */
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(objectClass=org.scalemodel.api.catalog.PluginCatalog)")
package org.scalemodel.engine.itest;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.service.ServiceNamespace;
