/**
 * Report exporter SPI: a {@link org.scalemodel.api.export.Report} is the one document every
 * command and endpoint produces (facts plus tables of typed cells with units), and a
 * {@link org.scalemodel.api.export.ReportExporter} writes it in one format (a text table, JSON, CSV,
 * ...). The exporter's plugin id is the format name users pass as {@code --format}.
 */
@Export
@Version("0.2.0")
package org.scalemodel.api.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
