package dev.netpolplayground.web;

import dev.netpolplayground.store.Database;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The real app on a random port with an in-memory H2 store, and a plain HTTP client to talk to it. */
public final class TestServer implements AutoCloseable {
    private final Database database;
    private final WebApp.Services services;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    public TestServer() {
        this(WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO));
    }

    public TestServer(WebApp.Settings settings) {
        this.database = Database.open("jdbc:h2:mem:test-" + UUID.randomUUID(), "", "");
        this.services = WebApp.services(database.scenarios(), database.classes(), settings);
        this.app = WebApp.create(services).start(0);
    }

    public WebApp.Services services() {
        return services;
    }

    /** Takes every evaluation turn, as a burst of other users would; run the result to give them back. */
    public Runnable occupyEvaluations() {
        int turns = services.settings().concurrentEvaluations();
        for (int i = 0; i < turns; i++) {
            services.gate().enter();
        }
        return () -> {
            for (int i = 0; i < turns; i++) {
                services.gate().leave();
            }
        };
    }

    public int port() {
        return app.port();
    }

    /** Stops the web server (as SIGTERM would), leaving the database open. */
    public void stopWebServer() {
        app.stop();
    }

    public Database database() {
        return database;
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}
