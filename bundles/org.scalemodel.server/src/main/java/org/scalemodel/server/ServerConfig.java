package org.scalemodel.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The limits of the API (PID {@code org.scalemodel.server}). The address and port belong to the
 * HTTP runtime (PID {@code org.apache.felix.http}), which {@code scalemodel serve} configures.
 */
@ObjectClassDefinition(name = "scalemodel server", description = "Limits of the modelling API")
@interface ServerConfig {

    @AttributeDefinition(description = "The largest request body accepted, in bytes; larger ones get 413.")
    long maxBodyBytes() default 1 << 20;

    @AttributeDefinition(description = "How long one answer may take, in seconds; longer ones get 503.")
    double timeoutSeconds() default 30;

    @AttributeDefinition(description = "Answers computed at once (0: one per processor).")
    int workers() default 0;

    @AttributeDefinition(description = "Requests that may wait for a worker; more get 503.")
    int queue() default 256;
}
