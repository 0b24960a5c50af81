/** Exporter {@code html}: one self-contained HTML file per report, with ECharts charts inlined. */
package org.scalemodel.report.html;
