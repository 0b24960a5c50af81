package org.scalemodel.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/events}: a server-sent event stream. Each client gets a {@code catalog} event
 * at once and another whenever the catalog changes (a definition file edited, a plugin bundle
 * dropped in or removed), so a page can refresh what it shows; a comment every 15 s keeps idle
 * connections open through proxies.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("scalemodel-events")
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletAsyncSupported
public final class CatalogEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 200;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final transient PluginCatalog catalog;
    private final transient List<AsyncContext> clients = new CopyOnWriteArrayList<>();
    private final transient ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scalemodel-events");
        t.setDaemon(true);
        return t;
    });
    private volatile long announced;

    @Activate
    public CatalogEventsServlet(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
        this.announced = catalog.generation();
        // the catalog offers a generation counter, not callbacks: a cheap poll of one long
        timer.scheduleWithFixedDelay(this::announceChanges, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> broadcast(": keep-alive\n\n"), HEARTBEAT_MILLIS, HEARTBEAT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        for (AsyncContext client : clients) {
            client.complete();
        }
        clients.clear();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        send(async, "retry: 2000\n" + event(catalog.snapshot()));
        clients.add(async);
    }

    private void announceChanges() {
        long generation = catalog.generation();
        if (generation != announced) {
            announced = generation;
            broadcast(event(catalog.snapshot()));
        }
    }

    private void broadcast(String message) {
        for (AsyncContext client : clients) {
            if (!send(client, message)) {
                clients.remove(client);
            }
        }
    }

    /** @return false when the client has gone */
    private static boolean send(AsyncContext client, String message) {
        try {
            ServletOutputStream out = client.getResponse().getOutputStream();
            synchronized (client) {
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            try {
                client.complete();
            } catch (IllegalStateException gone) {
                // already completed by the container
            }
            return false;
        }
    }

    /** One {@code catalog} event: the generation and what the catalog holds now. */
    static String event(CatalogSnapshot snapshot) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generation", snapshot.generation());
        data.put("systems", snapshot.systems().size());
        data.put("parts", snapshot.accelerators().size());
        data.put("plugins", snapshot.plugins().stream().map(p -> p.kind().label() + ":" + p.id() + "@" + p.version()
                + (p.active() ? "" : " (inactive)")).toList());
        data.put("failures", snapshot.failures().size());
        try {
            return "id: " + snapshot.generation() + "\nevent: catalog\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
