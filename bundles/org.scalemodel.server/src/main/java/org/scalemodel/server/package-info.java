/**
 * The modelling server: the JSON API ({@code /api/*}), the stream of catalog changes
 * ({@code /api/events}), the OpenAPI description and the web page ({@code /}), registered with the
 * OSGi servlet whiteboard. Private; exports nothing.
 */
package org.scalemodel.server;
