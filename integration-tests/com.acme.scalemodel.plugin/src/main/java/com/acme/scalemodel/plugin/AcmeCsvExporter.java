package com.acme.scalemodel.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/** Acme's own minimal CSV: the first table of a report, one line per row. */
@Component
@ScalemodelPlugin(id = "acme-csv", name = "Acme CSV")
public final class AcmeCsvExporter implements ReportExporter {

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        if (report.tables().isEmpty()) {
            return;
        }
        ReportTable table = report.tables().get(0);
        StringBuilder csv = new StringBuilder();
        csv.append(table.columns().stream().map(Column::key).collect(Collectors.joining(","))).append('\n');
        for (List<Object> row : table.rows()) {
            csv.append(row.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
