package org.scalemodel.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.plugin.PluginProperties;

/**
 * Turns bound plugin services into registry entries: reads their identifying properties, gets
 * the service object (which activates a delayed plugin component), and records what fails.
 */
final class ServiceObjectsBinder {

    private static final String CAUSED_BY = "Caused by: ";

    private final PluginRegistry registry;
    private final ServiceComponentRuntime scr;
    private final Runnable onChange;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();

    /** A service object the catalog holds, to be released on unbind. */
    private record Held(ComponentServiceObjects<?> objects, Object service) {
    }

    ServiceObjectsBinder(PluginRegistry registry, ServiceComponentRuntime scr, Runnable onChange) {
        this.registry = registry;
        this.scr = scr;
        this.onChange = onChange;
    }

    <T> void bind(PluginKind kind, ComponentServiceObjects<T> objects) {
        ServiceReference<T> reference = objects.getServiceReference();
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered while we were being told about it
        }
        Optional<PluginMetadata> metadata = PluginMetadata.read(properties(reference), bundle.getVersion().toString());
        if (metadata.isEmpty()) {
            registry.fail(new PluginFailure(kind, componentName(reference), bundle.getSymbolicName(),
                    PluginFailure.Phase.REGISTRATION, "service has no " + PluginProperties.ID
                            + " property; declare it with @ScalemodelPlugin(id = ...)"));
            onChange.run();
            return;
        }
        PluginMetadata meta = metadata.get();
        Object service = serviceOrRecordFailure(kind, meta.id(), objects, bundle);
        if (service != null) {
            held.put(meta.serviceId(), new Held(objects, service));
            registry.put(new PluginEntry(kind, meta.id(), meta.name(), meta.version(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), meta.serviceId(), meta.ranking(), service));
        }
        onChange.run();
    }

    /**
     * A plugin changed its service properties (for example raised its revision). The entry is
     * replaced in one step: a snapshot taken meanwhile sees the old entry or the new one, never
     * a catalog without the plugin.
     */
    <T> void updated(PluginKind kind, ComponentServiceObjects<T> objects) {
        ServiceReference<T> reference = objects.getServiceReference();
        Held current = held.get((Long) reference.getProperty(Constants.SERVICE_ID));
        Bundle bundle = reference.getBundle();
        Optional<PluginMetadata> metadata = bundle == null ? Optional.empty()
                : PluginMetadata.read(properties(reference), bundle.getVersion().toString());
        if (current == null || metadata.isEmpty()) {
            unbind(objects);
            bind(kind, objects);
            return;
        }
        PluginMetadata meta = metadata.get();
        registry.put(new PluginEntry(kind, meta.id(), meta.name(), meta.version(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), meta.serviceId(), meta.ranking(), current.service()));
        onChange.run();
    }

    void unbind(ComponentServiceObjects<?> objects) {
        long serviceId = (Long) objects.getServiceReference().getProperty(Constants.SERVICE_ID);
        Held previous = held.remove(serviceId);
        if (previous != null) {
            release(previous);
        }
        registry.remove(serviceId);
        onChange.run();
    }

    @SuppressWarnings("unchecked")
    private static <T> void release(Held h) {
        try {
            ((ComponentServiceObjects<T>) h.objects()).ungetService((T) h.service());
        } catch (IllegalStateException | IllegalArgumentException alreadyGone) {
            // the plugin's bundle is stopping: its service objects are already released
        }
    }

    private <T> Object serviceOrRecordFailure(PluginKind kind, String id, ComponentServiceObjects<T> objects,
            Bundle bundle) {
        try {
            T service = objects.getService();
            if (service != null) {
                return service;
            }
            recordActivationFailure(kind, id, bundle, objects.getServiceReference(),
                    "the component could not be activated");
        } catch (RuntimeException e) {
            recordActivationFailure(kind, id, bundle, objects.getServiceReference(), FailureLog.describe(e));
        }
        return null;
    }

    private void recordActivationFailure(PluginKind kind, String id, Bundle bundle, ServiceReference<?> reference,
            String fallback) {
        String reason = scrFailure(bundle, reference).orElse(fallback);
        registry.fail(new PluginFailure(kind, id, bundle.getSymbolicName(), PluginFailure.Phase.ACTIVATION, reason));
    }

    /** The component runtime keeps the failure text (DS 1.4); it says far more than "null". */
    private Optional<String> scrFailure(Bundle bundle, ServiceReference<?> reference) {
        Object name = reference.getProperty(ComponentConstants.COMPONENT_NAME);
        if (name == null) {
            return Optional.empty();
        }
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(bundle, name.toString());
        if (description == null) {
            return Optional.empty();
        }
        return scr.getComponentConfigurationDTOs(description).stream()
                .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null)
                .map(c -> rootCause(c.failure))
                .findFirst();
    }

    /**
     * The runtime's failure text is a stack trace whose first line is usually a reflective
     * wrapper; the last "Caused by:" names what the plugin actually threw.
     */
    static String rootCause(String stackTrace) {
        String cause = stackTrace;
        int at = stackTrace.lastIndexOf(CAUSED_BY);
        if (at >= 0) {
            cause = stackTrace.substring(at + CAUSED_BY.length());
        }
        int end = cause.indexOf('\n');
        return (end < 0 ? cause : cause.substring(0, end)).trim();
    }

    private static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> map = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            map.put(key, reference.getProperty(key));
        }
        return map;
    }

    private static String componentName(ServiceReference<?> reference) {
        Object name = reference.getProperty(ComponentConstants.COMPONENT_NAME);
        return name != null ? name.toString() : "service " + reference.getProperty(Constants.SERVICE_ID);
    }
}
