package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.SystemTotals;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/** A system's figures per device and in total, and what it takes beyond the chips. */
public final class SystemFigures {

    private SystemFigures() {
    }

    public static ReportTable table(SystemSpec system, AcceleratorSpec part, SystemTotals totals) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<Precision, Sourced<FlopRate>> peak : new TreeMap<>(part.peakDense()).entrySet()) {
            Double total = totals.peakDenseFlopsPerSecond().get(peak.getKey());
            rows.add(row("peak dense " + peak.getKey().name(), Figures.in(peak.getValue(), FlopRate::flopsPerSecond,
                    Figures.TERA), "TFLOPS", total == null ? null : total / Figures.PETA, "PFLOPS", peak.getValue()));
        }
        rows.add(row("memory", Figures.in(part.memoryCapacity(), DataSize::bytes, Figures.GIGA), "GB",
                Figures.in(totals.memoryBytes(), Figures.TERA), "TB", part.memoryCapacity()));
        if (system.hostMemory().isKnown()) {
            rows.add(row("fast memory (device + host)", NOT_PER_DEVICE, "", Figures.in(totals.fastMemoryBytes(), Figures.TERA),
                    "TB", system.hostMemory()));
        }
        rows.add(row("memory bandwidth", Figures.in(part.memoryBandwidth(), Bandwidth::bytesPerSecond, Figures.TERA),
                "TB/s", Figures.in(totals.memoryBytesPerSecond(), Figures.PETA), "PB/s", part.memoryBandwidth()));
        rows.add(row("scale-up bandwidth (device: per direction; total: both directions)",
                Figures.in(part.scaleUpPerDirection(), Bandwidth::bytesPerSecond, Figures.GIGA), "GB/s",
                Figures.in(totals.scaleUpBytesPerSecond(), Figures.TERA), "TB/s", part.scaleUpPerDirection()));
        rows.add(row("scale-out bandwidth (device: per direction; total: both directions)",
                Figures.in(part.scaleOutPerDirection(), Bandwidth::bytesPerSecond, Figures.GIGA), "GB/s",
                Figures.in(totals.scaleOutBytesPerSecond(), Figures.TERA), "TB/s", part.scaleOutPerDirection()));
        rows.add(row("TDP / IT power", Figures.in(part.tdp(), Power::watts, 1), "W", Figures.in(totals.itWatts(), 1e3),
                "kW", system.systemPower().isKnown() ? system.systemPower() : part.tdp()));
        rows.add(row("facility power (IT x PUE)", NOT_PER_DEVICE, "", Figures.in(totals.facilityWatts(), 1e3), "kW", system.pue()));
        rows.add(row("PUE", NOT_PER_DEVICE, "", system.pue().known().orElse(null), "", system.pue()));
        rows.add(row("compute cabinets", NOT_PER_DEVICE, "", count(system.computeCabinets()), "", system.computeCabinets()));
        rows.add(row("network cabinets", NOT_PER_DEVICE, "", count(system.networkCabinets()), "", system.networkCabinets()));
        rows.add(row("floor area", NOT_PER_DEVICE, "", system.floorAreaSquareMetres().known().orElse(null), "m2",
                system.floorAreaSquareMetres()));
        rows.add(row("cost", NOT_PER_DEVICE, "", Figures.in(system.costUsd(), v -> v, 1e6), "MUSD", system.costUsd()));
        return new ReportTable("figures", "Per device and in total", List.of(Column.of("figure"),
                new Column("perDevice", "per device", ""), new Column("perDeviceUnit", "unit", ""),
                Column.of("total"), new Column("totalUnit", "unit", ""), Column.of("provenance"), Column.of("source"),
                Column.of("note")), rows);
    }

    private static Long count(Sourced<Long> figure) {
        return figure.known().orElse(null);
    }

    /** A figure of the whole system only: the per-device cell is left blank, not "unknown". */
    private static final String NOT_PER_DEVICE = "";

    private static List<Object> row(String name, Object perDevice, String deviceUnit, Object total, String totalUnit,
            Sourced<?> provenance) {
        return Figures.row(name, perDevice, deviceUnit, total, totalUnit, Figures.provenance(provenance),
                provenance.source(), Figures.note(provenance));
    }
}
