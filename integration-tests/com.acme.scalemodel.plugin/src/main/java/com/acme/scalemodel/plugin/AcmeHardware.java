package com.acme.scalemodel.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
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

    private final AcceleratorSpec part;

    public AcmeHardware() {
        double teraflops = Double.parseDouble(bundleProperties().getProperty("bf16.teraflops"));
        part = new AcceleratorSpec("acme-x1", "Acme", "Acme X1", Map.of(Precision.BF16, FlopRate.teraFlops(teraflops)),
                DataSize.gigabytes(96), Bandwidth.gigabytesPerSecond(3000), Bandwidth.gigabytesPerSecond(400),
                Bandwidth.gigabitsPerSecond(400), Optional.of(Power.watts(700)));
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return List.of(part);
    }

    @Override
    public List<SystemSpec> systems() {
        return List.of(new SystemSpec("acme-box-8", "Acme box of 8", "acme-x1", 8,
                List.of(new InterconnectLevel("scale-up", "acme-ring", 8, Map.of()))));
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
