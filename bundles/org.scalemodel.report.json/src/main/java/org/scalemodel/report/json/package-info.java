/** The {@code json} exporter: one JSON document per report, for machines and scripts. */
package org.scalemodel.report.json;
