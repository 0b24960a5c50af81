package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.MatmulCurve;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/** The per-device figures of a part, each with its provenance, source and note. */
public final class PartFigures {

    private PartFigures() {
    }

    public static ReportTable table(AcceleratorSpec part) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<Precision, Sourced<FlopRate>> peak : new TreeMap<>(part.peakDense()).entrySet()) {
            rows.add(row("peak dense " + peak.getKey().name(), peak.getValue(), FlopRate::flopsPerSecond, Figures.TERA,
                    "TFLOPS"));
        }
        for (Map.Entry<Precision, Sourced<FlopRate>> peak : new TreeMap<>(part.peakSparse()).entrySet()) {
            rows.add(row("peak 2:4 sparse " + peak.getKey().name(), peak.getValue(), FlopRate::flopsPerSecond,
                    Figures.TERA, "TFLOPS"));
        }
        rows.add(row("memory capacity", part.memoryCapacity(), DataSize::bytes, Figures.GIGA, "GB"));
        rows.add(row("memory bandwidth", part.memoryBandwidth(), Bandwidth::bytesPerSecond, Figures.TERA, "TB/s"));
        rows.add(row("scale-up bandwidth per direction", part.scaleUpPerDirection(), Bandwidth::bytesPerSecond,
                Figures.GIGA, "GB/s"));
        rows.add(row("scale-out bandwidth per direction", part.scaleOutPerDirection(), Bandwidth::bytesPerSecond,
                Figures.GIGA, "GB/s"));
        rows.add(row("TDP", part.tdp(), Power::watts, 1, "W"));
        return new ReportTable("figures", "Per device", columns(), rows);
    }

    public static ReportTable efficiency(AcceleratorSpec part) {
        Efficiency e = part.efficiency();
        List<List<Object>> rows = new ArrayList<>();
        List<Sourced<MatmulCurve>> curves = new ArrayList<>();
        curves.add(e.matmul());
        curves.addAll(e.otherMatmul());
        for (Sourced<MatmulCurve> matmul : curves) {
            if (matmul.isKnown()) {
                for (MatmulCurve.Point point : matmul.value().points()) {
                    rows.add(Figures.row("matmul " + matmul.value().precision().name() + " n=" + point.n(),
                            point.fraction(), Figures.provenance(matmul), matmul.source(), matmul.note()));
                }
            } else {
                rows.add(Figures.row("matmul", null, "unknown", matmul.source(), matmul.note()));
            }
        }
        rows.add(fraction("fused attention (training)", e.attention()));
        Sourced<MatmulCurve> bySequence = e.attentionBySequence();
        if (bySequence.isKnown()) {
            for (MatmulCurve.Point point : bySequence.value().points()) {
                rows.add(Figures.row("fused attention, " + point.n() + " keys", point.fraction(),
                        Figures.provenance(bySequence), bySequence.source(), bySequence.note()));
            }
        }
        e.attentionKernels().forEach((kernel, figure) -> rows.add(fraction("attention by " + kernel, figure)));
        rows.add(fraction("memory bandwidth", e.memoryBandwidth()));
        rows.add(fraction("scale-up links", e.scaleUp()));
        rows.add(fraction("scale-out links", e.scaleOut()));
        // not a fraction of peak: how much longer compute takes while a collective runs beside it
        rows.add(fraction("slowdown of compute beside a collective", e.overlapSlowdown()));
        return new ReportTable("efficiency", "Achievable fraction of peak", List.of(Column.of("figure"),
                Column.of("fraction"), Column.of("provenance"), Column.of("source"), Column.of("note")), rows);
    }

    private static List<Object> fraction(String name, Sourced<Double> figure) {
        return Figures.row(name, figure.known().orElse(null), Figures.provenance(figure), figure.source(),
                Figures.note(figure));
    }

    public static <T> List<Object> row(String name, Sourced<T> figure, ToDoubleFunction<T> si,
            double scale, String unit) {
        return Figures.row(name, Figures.in(figure, si, scale), unit, Figures.provenance(figure), figure.source(),
                Figures.note(figure));
    }

    public static List<Column> columns() {
        return List.of(Column.of("figure"), Column.of("value"), Column.of("unit"), Column.of("provenance"),
                Column.of("source"), Column.of("note"));
    }
}
