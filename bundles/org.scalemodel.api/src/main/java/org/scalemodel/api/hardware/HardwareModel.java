package org.scalemodel.api.hardware;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of hardware definitions: accelerator parts and the systems built from them.
 *
 * <p>Register as a whiteboard service with {@link org.scalemodel.api.plugin.ScalemodelPlugin}
 * ({@code scalemodel.plugin.id} names the family, e.g. {@code "builtin"}). The engine calls the
 * methods when it takes a catalog snapshot, from any thread; implementations must be thread safe
 * and return lists that do not change afterwards. When the answers change (a definition file was
 * edited), raise {@link org.scalemodel.api.plugin.PluginProperties#REVISION} so that the engine takes
 * a new snapshot. A method that throws is recorded as a plugin failure; it never breaks the
 * catalog.
 */
@ConsumerType
public interface HardwareModel {

    /** @return the parts this family defines, ids unique within the list; never null */
    List<AcceleratorSpec> accelerators();

    /** @return the systems this family defines, ids unique within the list; never null */
    List<SystemSpec> systems();
}
