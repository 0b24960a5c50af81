package org.scalemodel.interconnect.switched;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * NVLink domains joined by NVSwitch (HGX/DGX nodes of 8, NVL72/NVL144 racks).
 *
 * <p>Defaults, each from a measurement:
 * <ul>
 * <li>step latency 3 us: measured. nccl-tests all-reduce on 8 GPUs at 64 KB reaches 2.7 GB/s
 *     bus bandwidth on both A100 and H100 (Azure AI-benchmarking-guide, ND A100 v4 / ND H100 v5,
 *     NCCL 2.18.5), i.e. 42.5 us for 14 ring steps.</li>
 * <li>in-network reduction (NVLink SHARP, "NVLS") from NVLink 4 (450 GB/s per direction) on:
 *     vendor (NVSwitch gen 3).</li>
 * <li>in-network efficiency 0.611: measured. 275 GB/s algorithm bandwidth of 450 GB/s on 8x H100
 *     (NVIDIA maintainer in NVIDIA/nccl-tests issue 212: "peak busBw ~480GB/s (algbw ~275GB/s)").</li>
 * <li>in-network start 100 us: calibrated on one point. Azure's H100 all-reduce at 134 MB runs
 *     at 229 GB/s algbw where 275 GB/s would take 487 us: 586 - 487 = 99 us. The other sizes, and
 *     H200 and B200, are predicted with it, not fitted.</li>
 * </ul>
 */
@Component
@ScalemodelPlugin(id = "nvlink-switch", name = "NVLink with NVSwitch")
public final class NvlinkSwitchModel implements InterconnectModel {

    private static final SwitchedDomains.Defaults DEFAULTS = new SwitchedDomains.Defaults(3e-6, 450e9,
            275.0 / 450.0, 100e-6);

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec accelerator) {
        return SwitchedDomains.build(level, accelerator, DEFAULTS);
    }
}
