package com.acme.scalemodel.faulty;

import java.io.OutputStream;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;

/** Registers an exporter without the required plugin id. */
@Component
public final class NamelessExporter implements ReportExporter {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void write(Report report, OutputStream out) {
        // never called: the catalog does not admit a plugin without an id
    }
}
