/**
 * The {@code scalemodel} command line: picocli commands that read the plugin catalog and print
 * reports through the exporter named by {@code --format}. Private; exports nothing.
 */
package org.scalemodel.cli;
