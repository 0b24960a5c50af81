package org.scalemodel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalemodel serve}: the long-lived modelling server. The HTTP runtime starts disabled
 * (launcher/scalemodel.bndrun), so other commands never pay for starting Jetty; this command
 * enables it through its ConfigAdmin configuration, waits for its address, and then until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs scalemodel as a modelling server: a JSON API (every question of the command",
            "line), a stream of catalog changes (server-sent events) and a web page, until stopped",
            "(Ctrl-C). Definition files and plugin bundles can change underneath it: each answer",
            "uses one catalog snapshot and says which."},
        footer = {"", "The address and port can also be set in plugins/org.apache.felix.http.cfg",
            "(org.apache.felix.http.host, org.osgi.service.http.port) and the API's limits in",
            "plugins/org.scalemodel.server.cfg (maxBodyBytes, timeoutSeconds, workers, queue).",
            "", "Examples:",
            "  scalemodel serve                      http://127.0.0.1:8080/",
            "  scalemodel serve --port 9090",
            "  curl -s localhost:8080/api/systems?format=table",
            "  curl -s --data-binary @examples/gpt3-175b-1024-a100.yaml localhost:8080/api/run"})
final class ServeCommand implements Callable<Integer> {

    static final String HTTP_PID = "org.apache.felix.http";
    private static final String RUNTIME = "(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)";

    private final CliContext context;
    private final ConfigurationAdmin configurations;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 for every interface.")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port to listen on (0: any free port). Default: 8080.")
    Integer port;

    ServeCommand(CliContext context, ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
    }

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--port: expected 0 to 65535, got " + port);
        }
        String endpoint = start(context, configurations, host, port);
        PrintWriter out = spec.commandLine().getOut();
        out.println("scalemodel serving " + endpoint + " (page " + endpoint + ", API " + endpoint + "api/, OpenAPI "
                + endpoint + "api/openapi.json); Ctrl-C stops");
        out.flush();
        new CountDownLatch(1).await(); // until the JVM stops; the launcher stops the framework on the way out
        return 0;
    }

    /**
     * Starts the server in this framework and waits for its address.
     *
     * @param host the address, or null for the configured one (127.0.0.1 by default)
     * @param port the port (0: any free one), or null for the configured one (8080 by default)
     * @return the address, e.g. {@code http://127.0.0.1:8080/}
     */
    static String start(CliContext context, ConfigurationAdmin configurations, String host, Integer port)
            throws IOException, InterruptedException {
        configure(configurations, host, port);
        long deadline = System.currentTimeMillis() + 30_000; // a wait, not a measurement
        String endpoint = awaitEndpoint(context, deadline);
        awaitAnswer(URI.create(endpoint + "api/openapi.json"), deadline);
        return endpoint;
    }

    /**
     * Waits until the API itself answers: the runtime announces its address when Jetty listens,
     * a moment before the whiteboard has registered the servlets.
     */
    private static void awaitAnswer(URI probe, long deadline) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server at " + probe + " did not answer within 30 s (" + last + ")");
    }

    /** Writes the options into the HTTP runtime's configuration; options not given keep what a .cfg file set. */
    private static void configure(ConfigurationAdmin configurations, String host, Integer port) throws IOException {
        Configuration configuration = configurations.getConfiguration(HTTP_PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                : configuration.getProperties();
        boolean fresh = configuration.getProperties() == null;
        if (host != null || fresh) {
            properties.put("org.apache.felix.http.host", host != null ? host : "127.0.0.1");
        }
        if (port != null || fresh) {
            properties.put("org.osgi.service.http.port", port != null ? port : 8080);
        }
        properties.put("org.apache.felix.http.enable", true);
        configuration.update(properties);
    }

    /** Waits for the HTTP runtime to announce its address. */
    private static String awaitEndpoint(CliContext context, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            String endpoint = endpoint(context);
            if (endpoint != null) {
                return endpoint;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the HTTP runtime did not start within 30 s; is the port taken? (see the log"
                + " above)");
    }

    private static String endpoint(CliContext context) {
        try {
            ServiceReference<?>[] runtimes = context.context().getServiceReferences((String) null, RUNTIME);
            if (runtimes == null) {
                return null;
            }
            for (ServiceReference<?> runtime : runtimes) {
                Object endpoints = runtime.getProperty("osgi.http.endpoint");
                String first = endpoints instanceof String[] list && list.length > 0 ? list[0]
                        : endpoints instanceof String one ? one : null;
                if (first != null && !first.endsWith(":0/")) {
                    return first.endsWith("/") ? first : first + "/";
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
