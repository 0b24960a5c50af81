package org.scalemodel.server;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.training.TrainingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API under {@code /api}: every question of the command line, answered from one catalog
 * snapshot per request, in the format chosen by {@code ?format=} or {@code Accept}. Errors are
 * JSON with a fitting status, never a stack trace. The OpenAPI description is {@code /api/openapi.json}.
 */
@Component(service = Servlet.class, configurationPid = "org.scalemodel.server")
@Designate(ocd = ServerConfig.class)
@HttpWhiteboardServletName("scalemodel-api")
@HttpWhiteboardServletPattern("/api/*")
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient PluginCatalog catalog;
    private final transient Routes routes;
    private final transient Examples examples;
    private final byte[] openApi = openApi();
    private final transient Workers workers;
    private final long maxBodyBytes;

    @Activate
    public ApiServlet(@Reference PluginCatalog catalog, @Reference TrainingEngine engine, ServerConfig config,
            BundleContext context) {
        this.catalog = catalog;
        this.workers = new Workers(config.workers(), config.queue(), config.timeoutSeconds());
        this.examples = new Examples(Collections.list(context.getBundle().findEntries("examples", "*.yaml", false)));
        String plugins = context.getProperty("felix.fileinstall.dir");
        this.routes = new Routes(engine, examples, plugins == null ? "(not watched)" : new File(plugins).getAbsolutePath());
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Deactivate
    void deactivate() {
        workers.close();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
            if (path.equals("/openapi.json")) {
                requireMethod(request, "GET");
                writeBytes(response, openApi, "application/json");
                return;
            }
            if (path.startsWith("/examples/")) {
                requireMethod(request, "GET");
                writeBytes(response, examples.text(path.substring("/examples/".length())).getBytes(StandardCharsets.UTF_8),
                        "application/yaml; charset=utf-8");
                return;
            }
            Routes.Route route = routes.find(request.getMethod(), path);
            byte[] body = route.readsBody() ? body(request) : new byte[0];
            Map<String, String> query = query(request);
            // one snapshot per request: hot-swaps during the answer never tear it
            CatalogSnapshot snapshot = catalog.snapshot();
            String format = Formats.choose(query.get("format"), request.getHeader("Accept"),
                    Formats.mediaTypes(snapshot));
            Report report = workers.call(() -> route.answer(snapshot, query, body));
            write(response, snapshot, format, report);
        } catch (RuntimeException e) {
            ApiException problem = Problems.of(e);
            if (problem.status() >= 500) {
                LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            }
            // a 413 has read its budget already; a client waiting for 100 Continue sent no body yet
            if (problem.status() != 413 && !"100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                discardUnread(request);
            }
            writeError(response, problem);
        }
    }

    private static void requireMethod(HttpServletRequest request, String method) {
        if (!request.getMethod().equals(method)) {
            throw new ApiException(405, request.getMethod() + " is not allowed here; use " + method);
        }
    }

    /**
     * The body, at most {@code maxBodyBytes}; a larger one is refused with 413. Its rest is read
     * and dropped, up to four times the limit, so a client still sending reads the 413 rather than
     * a reset connection; beyond that the connection is closed after the 413.
     */
    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            if (declared > maxBodyBytes) {
                discard(in, buffer);
                throw tooLarge(declared);
            }
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBodyBytes) {
                    discard(in, buffer);
                    throw tooLarge(-1);
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what a refused request still has in its body (a POST to a GET endpoint, say),
     * within the same budget as {@link #body}: left unread, the server closes the connection after
     * the answer, and a client that reuses it for its next request finds it closed.
     */
    private void discardUnread(HttpServletRequest request) {
        try {
            discard(request.getInputStream(), new byte[8192]);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("the rest of a refused request's body could not be read", e);
        }
    }

    private void discard(InputStream in, byte[] buffer) throws IOException {
        long budget = 4 * maxBodyBytes;
        for (int n; budget > 0 && (n = in.read(buffer)) > 0; ) {
            budget -= n;
        }
    }

    private ApiException tooLarge(long declared) {
        return new ApiException(413, "the request body" + (declared > 0 ? " of " + declared + " bytes" : "")
                + " is larger than the limit of " + maxBodyBytes + " bytes");
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 1) {
                throw new ApiException(400, "query parameter '" + k + "' is given " + v.length + " times", k);
            }
            query.put(k.toLowerCase(Locale.ROOT), v[0]);
        });
        return query;
    }

    private static void write(HttpServletResponse response, CatalogSnapshot snapshot, String format, Report report)
            throws IOException {
        ReportExporter exporter = snapshot.exporter(format).orElseThrow(
                () -> new ApiException(400, "format '" + format + "' was removed meanwhile", "format"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        exporter.write(report, out);
        response.setStatus(200);
        response.setContentType(exporter.mediaType().contains("charset") || !exporter.mediaType().startsWith("text")
                ? exporter.mediaType() : exporter.mediaType() + "; charset=utf-8");
        response.setHeader("X-Scalemodel-Catalog-Generation", Long.toString(snapshot.generation()));
        response.setContentLength(out.size());
        try (OutputStream body = response.getOutputStream()) {
            out.writeTo(body);
        }
    }

    private static void writeBytes(HttpServletResponse response, byte[] bytes, String mediaType) throws IOException {
        response.setContentType(mediaType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The OpenAPI description carried in this bundle, read once. */
    private static byte[] openApi() {
        try (InputStream in = ApiServlet.class.getClassLoader().getResourceAsStream("openapi.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this bundle's openapi.json", e);
        }
    }

    private static void writeError(HttpServletResponse response, ApiException problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", problem.status());
        error.put("error", reason(problem.status()));
        error.put("message", problem.getMessage());
        if (problem.field() != null) {
            error.put("field", problem.field());
        }
        byte[] bytes = JSON.writeValueAsBytes(error);
        response.reset();
        response.setStatus(problem.status());
        if (problem.status() == 503) {
            response.setHeader("Retry-After", "1");
        }
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
