package dev.netpolplayground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers, rate limits, probes and metrics of the real server. */
class OperationsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(new WebApp.Settings(3, 10_000, Proxies.NONE, 2, Duration.ofSeconds(15), Duration.ZERO, 64, 0)
                .behindProxies(Proxies.networks(Proxies.PRIVATE_NETWORKS).orElseThrow()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_response_carries_the_security_headers() {
        for (String path : List.of(Routes.HOME, Routes.EXERCISES, "/static/app.js", Routes.HEALTH, "/nope")) {
            HttpResponse<String> response = server.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-eval"), path);
            assertFalse(csp.replace("style-src 'self' 'unsafe-inline'", "").contains("unsafe-inline"), path);
            assertTrue(csp.contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void pages_have_no_inline_script_or_event_handler_attributes() {
        for (String path : List.of(Routes.HOME, Routes.EXERCISES, "/exercises/lock-one-app", "/?example=deny-all-egress")) {
            String html = server.get(path).body();
            Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html);
            assertFalse(scripts.find(), path + " has an inline script");
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    path + " has an inline event handler");
            assertFalse(html.contains("hx-on"), path + " uses hx-on, which needs eval");
        }
    }

    @Test
    void storing_is_rate_limited_per_client_with_retry_after() {
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = server.post(Routes.API_SCENARIOS, "text/plain", "# scenario " + i);
            if (response.statusCode() == 429) {
                limited++;
                assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElse("0")) > 0);
                assertTrue(response.body().contains("Too many shares"));
            } else {
                assertEquals(201, response.statusCode());
            }
        }
        assertEquals(2, limited, "3 per minute allowed, the 4th and 5th refused");
        HttpResponse<String> otherClient = server.send(HttpRequest.newBuilder(URI.create(server.url(Routes.API_SCENARIOS)))
                .header("Content-Type", "text/plain").header("X-Forwarded-For", "198.51.100.7, 10.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("# another client")).build());
        assertEquals(201, otherClient.statusCode(), "behind a trusted proxy, clients are told apart by X-Forwarded-For");
        assertEquals(200, server.post(Routes.API_EVALUATE, "text/plain", "").statusCode(), "evaluating is not limited");
    }

    @Test
    void the_form_without_javascript_gets_a_page_not_json_when_rate_limited() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = server.send(HttpRequest.newBuilder(URI.create(server.url(Routes.SHARE)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", "198.51.100.99")
                    .POST(HttpRequest.BodyPublishers.ofString(Ids.FIELD_TEXT + "=%23+form+" + i)).build());
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), last.headers().map().toString());
        assertTrue(last.body().contains("<h1>Too many shares</h1>"), last.body());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    @Test
    void health_readiness_and_metrics_answer() {
        assertEquals("ok", server.get(Routes.HEALTH).body());
        assertEquals(200, server.get(Routes.READY).statusCode());
        server.post(Routes.API_EVALUATE, "text/plain", "");
        String metrics = server.get(Routes.METRICS).body();
        assertTrue(metrics.contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/evaluate\""),
                metrics.lines().limit(20).toList().toString());
        assertTrue(metrics.contains("netpol_evaluations_total{outcome=\"ok\"}"));
        assertTrue(metrics.contains("netpol_stored_scenarios"));
        assertTrue(metrics.contains("jvm_memory_used_bytes"));
    }

    @Test
    void readiness_fails_when_the_database_is_gone() {
        try (TestServer lonely = new TestServer()) {
            lonely.database().close();
            assertEquals(503, lonely.get(Routes.READY).statusCode());
            assertEquals(200, lonely.get(Routes.HEALTH).statusCode(), "alive, though not ready");
        }
    }

    @Test
    void wrong_methods_are_405_not_500() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url(Routes.API_EVALUATE)))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, response.statusCode());
        assertEquals(405, server.send(HttpRequest.newBuilder(URI.create(server.url(Routes.HEALTH)))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    }
}
