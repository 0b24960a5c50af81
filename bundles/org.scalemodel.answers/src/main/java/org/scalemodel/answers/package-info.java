/**
 * Answers to the questions scalemodel is asked, as reports: read a scenario (YAML or JSON) with
 * errors that name the field, and build the reports of {@code systems}, {@code describe},
 * {@code compare}, {@code plugins}, {@code run}, {@code plan} and {@code validate}. Shared by the
 * command line and the HTTP server so both answer alike; plugins never need it.
 */
@Export
@Version("0.1.0")
package org.scalemodel.answers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
