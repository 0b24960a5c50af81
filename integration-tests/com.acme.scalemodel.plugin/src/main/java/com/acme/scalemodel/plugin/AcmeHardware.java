package com.acme.scalemodel.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.plugin.ScalemodelPlugin;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/** The Acme X1 part and an 8-device Acme box; its BF16 peak comes from the bundle's acme.properties. */
@Component
@ScalemodelPlugin(id = "acme", name = "Acme accelerators")
public final class AcmeHardware implements HardwareModel {

    private static final String SHEET = "acme";

    private final AcceleratorSpec part;

    public AcmeHardware() {
        double teraflops = Double.parseDouble(bundleProperties().getProperty("bf16.teraflops"));
        Sourced<Double> assumed = Sourced.of(0.8, Provenance.ASSUMED, "");
        part = new AcceleratorSpec("acme-x1", List.of(), "Acme", "Acme X1", "2026",
                Map.of(Precision.BF16, vendor(FlopRate.teraFlops(teraflops))), Map.of(),
                vendor(DataSize.gigabytes(96)), vendor(Bandwidth.gigabytesPerSecond(3000)),
                vendor(Bandwidth.gigabytesPerSecond(400)), vendor(Bandwidth.gigabitsPerSecond(400)),
                vendor(Power.watts(700)), new Efficiency(Sourced.unknown("not measured"), assumed, assumed, assumed),
                Map.of(SHEET, new Source(SHEET, "Acme X1 datasheet (fixture)", "")), "bundle com.acme.scalemodel.plugin");
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return List.of(part);
    }

    @Override
    public List<SystemSpec> systems() {
        Sourced<Long> unknownCount = Sourced.unknown("not published");
        return List.of(new SystemSpec("acme-box-8", List.of(), "Acme", "Acme box of 8", "2026", "acme-x1",
                vendor(8L), Sourced.of(8L, Provenance.VENDOR, SHEET),
                List.of(new InterconnectLevel("scale-up", "acme-ring", 8, Map.of())), unknownCount, unknownCount,
                Sourced.unknown("not published"), Sourced.unknown("none"), Sourced.unknown("not published"),
                Sourced.unknown("not published"), Sourced.unknown("not published"), Sourced.unknown("not published"),
                List.of(), Map.of(SHEET, new Source(SHEET, "Acme X1 datasheet (fixture)", "")),
                "bundle com.acme.scalemodel.plugin"));
    }

    private static <T> Sourced<T> vendor(T value) {
        return Sourced.of(value, Provenance.VENDOR, SHEET);
    }

    private static Properties bundleProperties() {
        Properties properties = new Properties();
        try (InputStream in = AcmeHardware.class.getResourceAsStream("/acme.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
