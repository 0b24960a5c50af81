package com.acme.scalemodel.faulty;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/** Fails in its constructor, so its component can never be activated. */
@Component
@ScalemodelPlugin(id = "exploding")
public final class ExplodingHardware implements HardwareModel {

    public ExplodingHardware() {
        throw new IllegalStateException("the exploding fixture refuses to start");
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return List.of();
    }

    @Override
    public List<SystemSpec> systems() {
        return List.of();
    }
}
