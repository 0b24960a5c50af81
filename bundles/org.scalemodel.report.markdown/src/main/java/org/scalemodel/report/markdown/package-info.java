/** Exporter {@code markdown}: reports as readable Markdown with GitHub-flavoured tables. */
package org.scalemodel.report.markdown;
