package com.acme.scalemodel.faulty;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.hardware.AcceleratorSpec;
import org.scalemodel.hardware.HardwareModel;
import org.scalemodel.hardware.SystemSpec;
import org.scalemodel.plugin.ScalemodelPlugin;

/** Activates, then throws whenever it is asked for its parts. */
@Component
@ScalemodelPlugin(id = "broken-definitions")
public final class BrokenDefinitions implements HardwareModel {

    @Override
    public List<AcceleratorSpec> accelerators() {
        throw new IllegalStateException("definition file is corrupt");
    }

    @Override
    public List<SystemSpec> systems() {
        return List.of();
    }
}
