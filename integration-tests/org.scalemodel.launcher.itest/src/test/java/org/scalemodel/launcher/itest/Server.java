package org.scalemodel.launcher.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code scalemodel serve --port 0} in a fresh JVM, as a user starts it, with its own plugins and
 * definitions folders; the address is read from the line it prints.
 */
final class Server implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path stderr;
    final Path plugins;
    final Path definitions;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Server(Path folder) throws IOException, InterruptedException {
        this.plugins = Files.createDirectories(folder.resolve("plugins"));
        this.definitions = Files.createDirectories(folder.resolve("definitions"));
        this.stderr = folder.resolve("server.err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfelix.fileinstall.dir=" + plugins, "-Dscalemodel.definitions.dir=" + definitions,
                "-Dfelix.fileinstall.poll=200", "-Dscalemodel.definitions.poll.ms=100",
                "-jar", System.getProperty("scalemodel.launcher.jar"), "serve", "--port", "0"));
        this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("serve printed no address within 60 s; stderr: " + Files.readString(stderr), e);
        }
        if (first == null || !first.startsWith("scalemodel serving http://")) {
            process.destroyForcibly();
            throw new AssertionError("serve printed " + first + "; stderr: " + Files.readString(stderr));
        }
        this.base = URI.create(first.substring("scalemodel serving ".length(), first.indexOf(' ', "scalemodel serving ".length())));
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** What the server logged so far (for assertion messages). */
    String log() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
