package com.acme.scalemodel.faulty;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.plugin.ScalemodelPlugin;

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
