package org.scalemodel.interconnect.switched;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * The UB (UnifiedBus) switch planes of Huawei SuperPoDs, e.g. CloudMatrix384's two-tier
 * non-blocking Clos of L1 and L2 UB switches: every NPU reaches every other at its full UB
 * bandwidth.
 *
 * <p>Defaults: step latency 3 us, assumed (no HCCL small-message sweep is published; the NCCL
 * figure on NVLink is used, and Huawei's "&lt; 1 us inter-node latency" is a link, not a
 * collective-step, figure). No in-network reduction: none is documented for UB.
 */
@Component
@ScalemodelPlugin(id = "ub-switch", name = "UB switch planes")
public final class UbSwitchModel implements InterconnectModel {

    private static final SwitchedDomains.Defaults DEFAULTS = new SwitchedDomains.Defaults(3e-6,
            Double.POSITIVE_INFINITY, 1, 0);

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec accelerator) {
        return SwitchedDomains.build(level, accelerator, DEFAULTS);
    }
}
