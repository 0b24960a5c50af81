package org.scalemodel.api.catalog;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.workload.WorkloadGenerator;

/**
 * The plugins, and the hardware definitions they supplied, at one moment. Immutable and thread
 * safe. Plugin objects are live services: a plugin whose bundle has since stopped may throw when
 * called, which the caller records as a failure of that plugin.
 */
@ProviderType
public interface CatalogSnapshot {

    /** @return the {@link PluginCatalog#generation()} this snapshot was taken at */
    long generation();

    /** @return every plugin service, active or shadowed, sorted by kind then id */
    List<PluginInfo> plugins();

    /** @return plugins that failed to activate or threw when called, oldest first */
    List<PluginFailure> failures();

    /** @return the active hardware plugin with this id */
    Optional<HardwareModel> hardware(String id);

    /** @return the active interconnect plugin with this id */
    Optional<InterconnectModel> interconnect(String id);

    /** @return the active workload generator with this id */
    Optional<WorkloadGenerator> workload(String id);

    /** @return the active exporter of this format */
    Optional<ReportExporter> exporter(String format);

    /** @return every accelerator part supplied by the active hardware plugins, sorted by id */
    List<AcceleratorSpec> accelerators();

    /** @return every system supplied by the active hardware plugins, sorted by id */
    List<SystemSpec> systems();

    /** @return the part with this id or alias */
    Optional<AcceleratorSpec> accelerator(String idOrAlias);

    /** @return the system with this id or alias */
    Optional<SystemSpec> system(String idOrAlias);
}
