package org.scalemodel.server;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** ECharts, carried in this bundle at its WebJar path, served to the page as {@code /web/lib/echarts.min.js}. */
@Component(service = ChartLibrary.class)
@HttpWhiteboardResource(pattern = "/web/lib/*", prefix = "/META-INF/resources/webjars/echarts/5.3.1/dist")
public final class ChartLibrary {
}
