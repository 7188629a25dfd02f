package dev.netpolplayground.web;

import dev.netpolplayground.exercises.Catalog;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sends the built-in examples to the server's own evaluating routes, and each exercise's starter to its Check, one request at a time, for a
 * while after start; {@code /readyz} answers 503 until it is done. A fresh JVM interprets its hot
 * code, and hit by a whole class at once on two cores, its JIT compiler gets no core: requests stay
 * several times slower for minutes. One request at a time leaves a core to the compiler. The
 * requests carry a secret header so that the access log and the metrics leave them out.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    static final String HEADER = "X-Playground-Warm-Up";

    private final Examples examples;
    private final Catalog catalog;
    private final Duration duration;
    private final String token;
    private volatile boolean running;
    private volatile long sent;

    WarmUp(Examples examples, Catalog catalog, Duration duration) {
        this.examples = examples;
        this.catalog = catalog;
        this.duration = duration;
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        this.running = !duration.isZero() && !duration.isNegative();
    }

    /** True from creation until the warm-up is over (never, when its duration is zero). */
    boolean running() {
        return running;
    }

    /** Requests sent so far. */
    long sent() {
        return sent;
    }

    /** Whether a request is one of the warm-up's own. */
    boolean isOwn(Context ctx) {
        return token.equals(ctx.header(HEADER));
    }

    /** Starts warming up the server listening on {@code port} of this machine, in the background. */
    void start(int port) {
        if (!running) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run(URI.create("http://127.0.0.1:" + port));
            } catch (IOException | RuntimeException e) {
                LOG.warn("warming up stopped early ({}); the server answers anyway, slowly at first", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running = false;
            }
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(URI base) throws IOException, InterruptedException {
        LOG.info("warming up for {} s; /readyz answers 503 until then", duration.toSeconds());
        HttpClient client = HttpClient.newHttpClient();
        List<HttpRequest> requests = requests(base);
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            for (HttpRequest request : requests) {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 500) {
                    throw new IOException(request.uri().getPath() + " answered " + response.statusCode());
                }
                sent++;
            }
        }
        LOG.info("warmed up with {} requests; ready", sent);
    }

    /**
     * Each example as the API, the page's evaluate fragment and its explain fragment receive it; then
     * each exercise's starter as its Check receives it (the grading a class does all at once).
     */
    private List<HttpRequest> requests(URI base) {
        Stream<HttpRequest> checks = catalog.all().stream().map(exercise -> post(base.resolve(Routes.exercise(
                exercise.id()) + "/check"), "application/x-www-form-urlencoded",
                field(Ids.FIELD_TEXT, exercise.starter())));
        return Stream.concat(examples.all().stream().flatMap(example -> {
            String form = field(Ids.FIELD_TEXT, example.text()) + "&" + field(Ids.FIELD_PROBES, example.probes())
                    + "&" + field(Ids.FIELD_EXTERNAL, example.externals());
            String api = Routes.API_EVALUATE + "?probes=" + URLEncoder.encode(example.probes(), StandardCharsets.UTF_8)
                    + "&external=" + URLEncoder.encode(example.externals(), StandardCharsets.UTF_8);
            return List.of(
                    post(base.resolve(api), "application/yaml", example.text()),
                    post(base.resolve(Routes.FRAGMENT_EVALUATE), "application/x-www-form-urlencoded", form),
                    post(base.resolve(Routes.FRAGMENT_EXPLAIN), "application/x-www-form-urlencoded",
                            form + "&" + field(Ids.FIELD_CELL, "0:1:all"))).stream();
        }), checks).toList();
    }

    private HttpRequest post(URI uri, String type, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", type).header(HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
