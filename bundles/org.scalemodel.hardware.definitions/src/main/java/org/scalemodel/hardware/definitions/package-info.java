/**
 * Hardware defined in files: the built-in catalog, the watched {@code definitions/} folder and
 * definitions carried by plugin bundles, read strictly and merged by id. Private; registers a
 * {@code HardwareModel} service.
 */
package org.scalemodel.hardware.definitions;
