package org.scalemodel.server;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web page: this bundle's {@code web/} folder served under {@code /web/} by the whiteboard,
 * and {@code /} sending the browser there. As the default servlet it also answers every path no
 * other servlet serves: with 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("scalemodel-page")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardResource(pattern = "/web/*", prefix = "/web")
public final class WebPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect("/web/index.html");
        } else {
            response.sendError(404, "no page " + path + "; the page is /, the API /api/");
        }
    }
}
