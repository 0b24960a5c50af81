package org.scalemodel.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares the {@code scalemodel.plugin.*} service properties of a plugin component, and (through
 * {@link RequireModellingEngine}) that the bundle needs the modelling engine at runtime.
 *
 * <pre>{@code
 * @Component
 * @ScalemodelPlugin(id = "acme-x1", name = "Acme X1 accelerators")
 * public final class AcmeHardware implements HardwareModel { ... }
 * }</pre>
 */
@ComponentPropertyType
@RequireModellingEngine
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ScalemodelPlugin {

    /** Prefix of the generated property names. */
    String PREFIX_ = "scalemodel.plugin.";

    /** @return {@value PluginProperties#ID}: unique within the plugin's kind */
    String id();

    /** @return {@value PluginProperties#NAME}: a human-readable name ("" means the id) */
    String name() default "";

    /** @return {@value PluginProperties#VERSION}: "" means the bundle's version */
    String version() default "";
}
