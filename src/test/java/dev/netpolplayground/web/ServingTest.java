package dev.netpolplayground.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** How the server shares its cores, warms up and stops: the turn-taking gate, readiness, graceful stop. */
class ServingTest {
    private static final String SCENARIO = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {app: a}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x, labels: {app: b}}
            """;

    private static WebApp.Settings oneAtATime(Duration wait) {
        return WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO).withEvaluations(1, wait);
    }

    private static CompletableFuture<HttpResponse<String>> evaluateAsync(TestServer server, HttpClient client) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(server.url(Routes.API_EVALUATE)))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(SCENARIO)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited 30 s for: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    @Test
    void evaluations_beyond_the_limit_wait_their_turn_while_health_and_metrics_answer() throws Exception {
        try (TestServer server = new TestServer(oneAtATime(Duration.ofSeconds(30)))) {
            Gate gate = server.services().gate();
            gate.enter();
            CompletableFuture<HttpResponse<String>> waiting = evaluateAsync(server, HttpClient.newHttpClient());
            await("the evaluation to queue", () -> gate.waiting() == 1);
            assertEquals(200, server.get(Routes.HEALTH).statusCode());
            assertTrue(server.get(Routes.METRICS).body().contains("netpol_evaluations_waiting 1.0"),
                    "the queue is visible in the metrics");
            assertFalse(waiting.isDone(), "the evaluation waits for the permit the test holds");
            gate.leave();
            HttpResponse<String> answer = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"cells\""), answer.body());
        }
    }

    @Test
    void a_request_that_waits_too_long_is_told_the_server_is_busy() throws Exception {
        try (TestServer server = new TestServer(oneAtATime(Duration.ofMillis(200)))) {
            Gate gate = server.services().gate();
            gate.enter();
            try {
                HttpResponse<String> api = server.post(Routes.API_EVALUATE, "application/yaml", SCENARIO);
                assertEquals(503, api.statusCode());
                assertEquals("1", api.headers().firstValue("Retry-After").orElse(""));
                assertTrue(api.body().contains("\"errors\"") && api.body().contains("busy"), api.body());
                HttpResponse<String> page = server.get(Routes.HOME);
                assertEquals(503, page.statusCode());
                assertTrue(page.body().contains("<h1>The playground is busy</h1>"), page.body());
            } finally {
                gate.leave();
            }
            assertEquals(200, server.post(Routes.API_EVALUATE, "application/yaml", SCENARIO).statusCode(),
                    "once the turn is free, requests are served again");
            String metrics = server.get(Routes.METRICS).body();
            assertTrue(metrics.contains("netpol_evaluations_total{outcome=\"error\"} 2.0"), "the page and the API call");
            assertTrue(metrics.contains("netpol_evaluations_total{outcome=\"ok\"} 1.0"), metrics);
        }
    }

    @Test
    void a_stopping_server_finishes_the_request_in_flight_and_takes_no_new_connections() throws Exception {
        TestServer server = new TestServer(oneAtATime(Duration.ofSeconds(30)));
        try {
            Gate gate = server.services().gate();
            gate.enter();
            CompletableFuture<HttpResponse<String>> inFlight = evaluateAsync(server, HttpClient.newHttpClient());
            await("the evaluation to be inside its handler", () -> gate.waiting() == 1);
            int port = server.port();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stopWebServer);
            await("the server to stop taking connections", () -> refusesConnections(port));
            assertFalse(stopping.isDone(), "stop waits for the request in flight");
            gate.leave();
            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"cells\""), answer.body());
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void a_fresh_server_is_ready_only_after_warming_up_and_leaves_its_own_requests_out_of_the_metrics()
            throws Exception {
        try (TestServer server = new TestServer(WebApp.Settings.DEFAULT.withWarmUp(Duration.ofSeconds(3)))) {
            HttpResponse<String> early = server.get(Routes.READY);
            assertEquals(503, early.statusCode());
            assertEquals("warming up", early.body());
            assertEquals(200, server.get(Routes.HEALTH).statusCode(), "alive while warming up");
            await("the warm-up to end", () -> server.get(Routes.READY).statusCode() == 200);
            assertTrue(server.services().warmUp().sent() > 0, "the warm-up sent requests");
            String metrics = server.get(Routes.METRICS).body();
            assertFalse(metrics.contains("route=\"" + Routes.API_EVALUATE + "\""), "warm-up requests are not counted");
            assertFalse(metrics.contains("route=\"" + Routes.FRAGMENT_EVALUATE + "\""));
        }
    }

    /** About five seconds of evaluation here: 6,500 pods, each selected by its own egress policy. */
    private static String slowScenario() {
        StringBuilder text = new StringBuilder();
        int count = 6_500;
        for (int i = 0; i < count; i++) {
            text.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p").append(i).append(", labels: {app: a")
                    .append(i).append("}}\n");
        }
        for (int i = 0; i < count; i++) {
            text.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n").append(i)
                    .append("}\nspec: {podSelector: {matchLabels: {app: a").append(i).append("}}, policyTypes: [Egress],"
                    + " egress: [{to: [{podSelector: {matchLabels: {app: a").append((i + 1) % count).append("}}}]}]}\n");
        }
        return text.toString();
    }

    @Test
    void work_for_a_client_that_has_gone_stops_and_frees_its_turn() throws Exception {
        try (TestServer server = new TestServer(oneAtATime(Duration.ofSeconds(3)))) {
            HttpClient impatient = HttpClient.newHttpClient();
            HttpRequest slow = HttpRequest.newBuilder(URI.create(server.url(Routes.API_EVALUATE)))
                    .timeout(Duration.ofMillis(1_200)).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(slowScenario())).build();
            try {
                impatient.send(slow, HttpResponse.BodyHandlers.discarding());
                fail("the slow evaluation was expected to outlast the client's patience");
            } catch (java.net.http.HttpTimeoutException gone) {
                assertTrue(gone.getMessage().contains("timed out"));
            }
            HttpResponse<String> next = evaluateAsync(server, HttpClient.newHttpClient()).get(30, TimeUnit.SECONDS);
            assertEquals(200, next.statusCode(), "the abandoned evaluation gave its turn back within the 3 s wait: "
                    + next.body());
        }
    }
}
