package org.scalemodel.api.export;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes a {@link Report} in one format.
 *
 * <p>Register as a whiteboard service with {@link org.scalemodel.api.plugin.ScalemodelPlugin}; the
 * plugin id is the format name ({@code "json"}, {@code "table"}, ...). Implementations must be
 * thread safe; text formats write UTF-8.
 */
@ConsumerType
public interface ReportExporter {

    /** @return the media type of the output, e.g. {@code "application/json"} */
    String mediaType();

    /**
     * Writes the whole report. Does not close {@code out}.
     *
     * @throws IOException if writing fails
     */
    void write(Report report, OutputStream out) throws IOException;
}
