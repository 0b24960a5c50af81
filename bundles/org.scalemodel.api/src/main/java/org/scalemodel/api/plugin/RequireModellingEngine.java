package org.scalemodel.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;

/**
 * Makes a bundle require the scalemodel engine, so that a resolver refuses a runtime with a
 * plugin but no engine able to use it, and pulls the engine in. Carried by
 * {@link ScalemodelPlugin}; use it directly only on a package or type that has no plugin
 * component.
 */
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE,
        name = RequireModellingEngine.ENGINE, version = RequireModellingEngine.VERSION)
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface RequireModellingEngine {

    /** The implementation name the engine bundle provides. */
    String ENGINE = "org.scalemodel.engine";

    /** The engine contract version plugins of this API need. */
    String VERSION = "0.1.0";
}
