/**
 * Hardware defined in files: the built-in catalog, the watched {@code definitions/} folder and
 * definitions carried by plugin bundles, read strictly and merged by id. Private; registers a
 * {@code HardwareModel} service, and is the extender of bundles that carry definition files
 * (manifest header {@code Scalemodel-Definitions}).
 */
@Capability(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = "scalemodel.definitions", version = "1.0.0")
package org.scalemodel.hardware.definitions;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.extender.ExtenderNamespace;
