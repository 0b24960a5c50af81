package com.acme.scalemodel.plugin;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/** A ring of devices priced with the textbook alpha-beta ring all-reduce: 2(p-1) steps of n/p bytes. */
@Component
@ScalemodelPlugin(id = "acme-ring", name = "Acme ring")
public final class AcmeRing implements InterconnectModel {

    private static final double STEP_LATENCY_SECONDS = 5e-6;

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec accelerator) {
        double bytesPerSecond = accelerator.scaleUpPerDirection().value().bytesPerSecond();
        long devices = level.groupSize();
        return new Topology() {
            @Override
            public long devices() {
                return devices;
            }

            @Override
            public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
                if (groupSize < 2 || groupSize > devices || bytes < 0) {
                    throw new IllegalArgumentException("groupSize must be in [2, " + devices + "] and bytes >= 0");
                }
                int steps = collective == Collective.ALL_REDUCE ? 2 * (groupSize - 1) : groupSize - 1;
                return steps * (STEP_LATENCY_SECONDS + bytes / groupSize / bytesPerSecond);
            }

            @Override
            public String algorithm(Collective collective, int groupSize, double bytes) {
                return "ring";
            }

            @Override
            public double bytesPerSecond(int groupSize) {
                return bytesPerSecond;
            }

            @Override
            public double stepSeconds() {
                return STEP_LATENCY_SECONDS;
            }
        };
    }
}
