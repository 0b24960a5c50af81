package org.scalemodel.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.scalemodel.api.catalog.CatalogListener;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin catalog: a whiteboard consumer of the four SPIs. References are multiple, dynamic
 * and greedy, so plugins come and go (and are replaced by higher-ranked ones) without the
 * catalog restarting. Each reference binds the {@link ComponentServiceObjects} rather than the
 * service, so that a plugin whose activation fails is still seen, and recorded, instead of being
 * skipped silently by the component runtime.
 */
@Component(service = PluginCatalog.class, immediate = true)
public final class WhiteboardPluginCatalog implements PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardPluginCatalog.class);

    private final PluginRegistry registry = new PluginRegistry();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    /** Listeners that threw once: logged the first time only, still called every time. */
    private final Set<CatalogListener> failedListeners = ConcurrentHashMap.newKeySet();
    private final ServiceObjectsBinder binder;

    /**
     * The component runtime comes through the constructor so that it is there before the first
     * plugin is bound: plugins from the plugins/ folder may start before the engine does.
     */
    @Activate
    public WhiteboardPluginCatalog(@Reference ServiceComponentRuntime scr) {
        binder = new ServiceObjectsBinder(registry, scr, this::notifyListeners);
        LOG.info("Plugin catalog active");
    }

    @Override
    public CatalogSnapshot snapshot() {
        return registry.snapshot();
    }

    @Override
    public long generation() {
        return registry.generation();
    }

    // --- hardware ---------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHardware(ComponentServiceObjects<HardwareModel> objects) {
        binder.bind(PluginKind.HARDWARE, objects);
    }

    void updatedHardware(ComponentServiceObjects<HardwareModel> objects) {
        binder.updated(PluginKind.HARDWARE, objects);
    }

    void unbindHardware(ComponentServiceObjects<HardwareModel> objects) {
        binder.unbind(objects);
    }

    // --- interconnect -----------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInterconnect(ComponentServiceObjects<InterconnectModel> objects) {
        binder.bind(PluginKind.INTERCONNECT, objects);
    }

    void updatedInterconnect(ComponentServiceObjects<InterconnectModel> objects) {
        binder.updated(PluginKind.INTERCONNECT, objects);
    }

    void unbindInterconnect(ComponentServiceObjects<InterconnectModel> objects) {
        binder.unbind(objects);
    }

    // --- workload ---------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindWorkload(ComponentServiceObjects<WorkloadGenerator> objects) {
        binder.bind(PluginKind.WORKLOAD, objects);
    }

    void updatedWorkload(ComponentServiceObjects<WorkloadGenerator> objects) {
        binder.updated(PluginKind.WORKLOAD, objects);
    }

    void unbindWorkload(ComponentServiceObjects<WorkloadGenerator> objects) {
        binder.unbind(objects);
    }

    // --- exporters --------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindExporter(ComponentServiceObjects<ReportExporter> objects) {
        binder.bind(PluginKind.EXPORTER, objects);
    }

    void updatedExporter(ComponentServiceObjects<ReportExporter> objects) {
        binder.updated(PluginKind.EXPORTER, objects);
    }

    void unbindExporter(ComponentServiceObjects<ReportExporter> objects) {
        binder.unbind(objects);
    }

    // --- listeners --------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListener(CatalogListener listener) {
        listeners.add(listener);
    }

    void unbindListener(CatalogListener listener) {
        listeners.remove(listener);
        failedListeners.remove(listener);
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        CatalogSnapshot snapshot = registry.snapshot();
        for (CatalogListener listener : listeners) {
            try {
                listener.catalogChanged(snapshot);
            } catch (RuntimeException e) {
                if (failedListeners.add(listener)) {
                    LOG.warn("Catalog listener {} threw; it is skipped whenever it throws (logged once)",
                            listener.getClass().getName(), e);
                }
            }
        }
    }
}
