package dev.netpolplayground.web;

import dev.netpolplayground.parse.HostileInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker sends a public server, one test per kind of attack: each gets its status and a
 * sentence, and a normal request is answered right after it.
 */
class AttackTest {
    private static final String CLASSROOM = "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x, labels: {app: a}}\n"
            + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: x, labels: {app: b}}\n---\n"
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: x}\n"
            + "spec: {podSelector: {matchLabels: {app: b}}}\n";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO)
                .behindProxies(Proxies.networks(Proxies.PRIVATE_NETWORKS).orElseThrow()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> evaluate(String text) {
        return server.post(Routes.API_EVALUATE, "application/yaml", text);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String sentence) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(sentence), response.body());
        assertTrue(response.body().length() < 64 * 1024, "the answer stays small: " + response.body().length());
        assertStillServes();
    }

    private static void assertStillServes() {
        HttpResponse<String> normal = evaluate(CLASSROOM);
        assertEquals(200, normal.statusCode(), normal.body());
        assertTrue(normal.body().contains("\"from\":\"x/a\",\"to\":\"x/b\""));
    }

    @Test
    void aliases_that_expand_to_billions_of_nodes_under_the_alias_cap_are_refused() {
        assertRefused(evaluate(HostileInputs.aliasBomb(10, "x")), 413, "YAML nodes, more than the 1,000,000 read here");
    }

    @Test
    void the_same_bomb_as_a_link_is_refused_by_a_get() {
        HttpResponse<String> page = server.get("/?z=" + ShareLinks.encode(HostileInputs.aliasBomb(10, "x")));
        assertTrue(page.body().contains("YAML nodes, more than the 1,000,000 read here"), page.body());
        assertStillServes();
    }

    @Test
    void a_flood_of_warnings_is_listed_up_to_a_hundred_and_counted() {
        assertRefused(evaluate(HostileInputs.aliasBomb(4, "yes, yes, yes, yes, yes, yes, yes, yes")), 422,
                "more warnings (only the first 100 are listed)");
    }

    @Test
    void a_long_value_behind_an_anchor_is_counted_each_time_it_is_used() {
        assertRefused(evaluate("v: &v " + "1".repeat(200_000) + "\nl: [" + "*v, ".repeat(5_000) + "]\n"), 413,
                "values add up to");
    }

    @Test
    void one_line_of_two_mebibytes_is_read_like_any_other_text() {
        HttpResponse<String> response = evaluate("# " + "c".repeat(2 * 1024 * 1024 - 1_000) + "\n" + CLASSROOM);
        assertEquals(200, response.statusCode(), response.body().substring(0, Math.min(300, response.body().length())));
        assertStillServes();
    }

    @Test
    void a_huge_number_or_many_empty_objects_do_not_make_a_huge_error() {
        assertRefused(evaluate("apiVersion: v1\nkind: Pod\nmetadata: {name: " + "9".repeat(1_900_000) + "}\n"), 422,
                "must be a string, but 99999");
        assertRefused(evaluate("{}\n---\n".repeat(200_000)), 413, "more than 20,000 objects");
    }

    @Test
    void a_filter_of_thousands_of_patterns_is_refused_before_evaluating() {
        String from = String.join(",", java.util.Collections.nCopies(5_000, "x/a"));
        assertRefused(server.post(Routes.API_EVALUATE + "?from=" + from, "application/yaml", CLASSROOM), 400,
                "may each list at most 100 ids or namespaces");
    }

    @Test
    void full_width_digits_are_not_a_port() {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE + "?probes="
                + URLEncoder.encode("８０", StandardCharsets.UTF_8), "application/yaml", CLASSROOM);
        assertRefused(response, 400, "is not valid; write port/protocol");
    }

    @Test
    void a_compact_answer_that_grows_as_endpoints_squared_is_refused_by_its_size() {
        assertRefused(server.post(Routes.API_EVALUATE + "?format=compact&probes=80", "application/yaml",
                HostileInputs.pods(7_000)), 422, "the answer would be about 48 MiB, more than the 32 MiB one answer may");
    }

    @Test
    void an_export_of_hundreds_of_pods_is_refused_by_its_size() {
        String form = Ids.FIELD_TEXT + "=" + URLEncoder.encode(HostileInputs.pods(300), StandardCharsets.UTF_8);
        HttpResponse<String> json = server.post(Routes.export("json"), "application/x-www-form-urlencoded", form);
        assertEquals(422, json.statusCode());
        assertTrue(json.body().contains("more than the 32 MiB one download may have here"), json.body());
        assertEquals(200, server.post(Routes.export("csv"), "application/x-www-form-urlencoded", form).statusCode(),
                "the same cells as CSV are small enough");
        assertStillServes();
    }

    @Test
    void a_request_that_would_need_more_memory_than_the_server_gives_one_request_is_refused() {
        try (TestServer small = new TestServer(WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO).withMemory(64))) {
            HttpResponse<String> refused = small.post(Routes.API_EVALUATE, "application/yaml",
                    "# " + "c".repeat(1_900_000) + "\n" + CLASSROOM);
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("evaluating this scenario needs about 88 MiB, more than the 64 MiB one"
                    + " request may use on this server"), refused.body());
            assertEquals(200, small.post(Routes.API_EVALUATE, "application/yaml", CLASSROOM).statusCode());
        }
    }

    @Test
    void a_trailing_slash_is_redirected_to_the_route_and_its_limit() {
        for (String path : List.of("/api/v1/scenarios/", "/share/", "/make-exercise/create/", "/fragments/share/",
                "/exercises/", "/api/v1/evaluate/?probes=80")) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build());
            assertEquals(308, response.statusCode(), path);
            assertEquals(path.replaceFirst("/(\\?|$)", "$1"), response.headers().firstValue("Location").orElseThrow());
        }
        assertEquals("/evil.example", server.get("//evil.example/").headers().firstValue("Location").orElseThrow(),
                "never a redirect to another host");
        assertStillServes();
    }

    @Test
    void a_forwarded_for_header_written_by_the_client_does_not_make_a_new_client() {
        try (TestServer limited = new TestServer(new WebApp.Settings(2, 10_000, Proxies.NONE, 2, Duration.ofSeconds(15),
                Duration.ZERO, 64, 0).behindProxies(Proxies.networks(Proxies.PRIVATE_NETWORKS).orElseThrow()))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(limited.send(HttpRequest.newBuilder(URI.create(limited.url(Routes.API_SCENARIOS)))
                        .header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.9")
                        .POST(HttpRequest.BodyPublishers.ofString("kind: List\nitems: []\n# " + i)).build()).statusCode());
            }
            assertEquals(List.of(201, 201, 429, 429), statuses, "203.0.113.9 is what our proxy saw");
            HttpResponse<String> other = limited.send(HttpRequest.newBuilder(URI.create(limited.url(Routes.API_SCENARIOS)))
                    .header("X-Forwarded-For", "203.0.113.10").POST(HttpRequest.BodyPublishers.ofString("# other")).build());
            assertEquals(201, other.statusCode(), "another client behind the same proxy");
        }
    }

    @Test
    void a_brief_nested_fifty_thousand_deep_is_refused_when_the_exercise_is_made() {
        String form = Ids.FIELD_TEXT + "=" + URLEncoder.encode(CLASSROOM, StandardCharsets.UTF_8) + "&title=Deep&brief="
                + URLEncoder.encode(">".repeat(50_000), StandardCharsets.UTF_8);
        HttpResponse<String> response = server.post(Routes.CREATE_EXERCISE, "application/x-www-form-urlencoded", form);
        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("more than 24 levels deep"));
        assertStillServes();
    }

    /** Sends bytes as they are, for what an HTTP client library would refuse to send; returns the answer's head and body. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void an_unknown_character_set_is_415_not_500() {
        for (String type : List.of("text/plain; charset=x-bogus", "application/yaml; charset", "text/yaml; charset=\"bad name!\"")) {
            assertRefused(server.post(Routes.API_EVALUATE, type, CLASSROOM), 415, "which this server does not know");
        }
        assertEquals(415, server.post(Routes.FRAGMENT_EVALUATE, "application/x-www-form-urlencoded; charset=x-bogus",
                "scenario=x").statusCode());
    }

    @Test
    void a_malformed_chunked_body_is_400_not_500() throws Exception {
        String answer = raw("POST " + Routes.API_EVALUATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nkind: List\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("could not be read"), answer);
        assertStillServes();
    }

    @Test
    void the_containers_own_error_answers_carry_the_security_headers_and_the_error_page() throws Exception {
        List<String> requests = List.of(
                "GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(70_000) + "\r\nConnection: close\r\n\r\n",
                "GARBAGE\r\n\r\n",
                "GET / HTTP/9.9\r\nHost: localhost\r\n\r\n");
        assertTrue(server.get("/etc/passwd").body().contains("There is nothing at this address."),
                "an address no route answers gets the app's page too");
        assertTrue(server.get("/api/v1/nothing").body().startsWith("{\"errors\":[{\"message\":\"There is nothing"),
                "and under the API, the API's JSON");
        for (String request : requests) {
            String answer = raw(request);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
            assertTrue(head.matches("(?s)http/1\\.1 (400|414|431|505) .*"), head);
            assertTrue(head.contains("content-security-policy: default-src 'self'"), head);
            assertTrue(head.contains("x-content-type-options: nosniff"), head);
            assertTrue(head.contains("referrer-policy: no-referrer"), head);
            assertTrue(answer.contains("<link rel=\"stylesheet\""), "the app's own error page: " + answer);
        }
        assertStillServes();
    }

    @Test
    void a_lone_surrogate_or_a_multipart_body_is_a_client_error() {
        HttpResponse<String> cesu = server.send(HttpRequest.newBuilder(URI.create(server.url(Routes.API_SCENARIOS)))
                .header("Content-Type", "text/plain; charset=CESU-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'a', ':', ' ', (byte) 0xed, (byte) 0xa0,
                        (byte) 0x80, '\n'})).build());
        assertRefused(cesu, 400, "not valid Unicode (an unpaired surrogate)");
        HttpResponse<String> multipart = server.post(Routes.FRAGMENT_EVALUATE, "multipart/form-data; boundary=b", "hello");
        assertEquals(415, multipart.statusCode(), multipart.body());
        assertTrue(multipart.body().contains("reads no multipart bodies"));
        assertStillServes();
    }

    @Test
    void a_page_of_many_policies_selecting_every_pod_does_not_repeat_them_in_every_cell() {
        StringBuilder text = new StringBuilder(HostileInputs.pods(120));
        for (int i = 0; i < 3_000; i++) {
            text.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n").append(i)
                    .append("}\nspec: {podSelector: {}}\n");
        }
        HttpResponse<String> page = server.get("/?z=" + ShareLinks.encode(text.toString()));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().length() < 16 * 1024 * 1024, "the page grows with the policies, not with cells × policies: "
                + page.body().length());
        assertTrue(page.body().contains("hovering a policy does not highlight its cells"));
        assertStillServes();
    }

    /**
     * The full answer's estimate measures 16 cells at known places; here exactly those destinations
     * have no policy, while every other cell carries 200 failed peers in its reasons.
     */
    @Test
    void a_full_answer_whose_sampled_estimate_is_too_low_stops_growing_at_the_limit() {
        int count = 120;
        java.util.Set<Integer> sampled = new java.util.HashSet<>();
        for (int k = 0; k < 64 && sampled.size() < 16; k++) {
            if (k * 7919 % count != k * 104_729 % count) {
                sampled.add(k * 104_729 % count);
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(String.format("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p%04d, namespace: x, labels: %s}\n",
                    i, sampled.contains(i) ? "{}" : "{h: '1'}"));
        }
        StringBuilder peers = new StringBuilder();
        for (int j = 0; j < 200; j++) {
            peers.append(j == 0 ? "" : ", ").append("{podSelector: {matchLabels: {a: v").append(j).append("}}}");
        }
        text.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: heavy, namespace: x}\n"
                + "spec: {podSelector: {matchLabels: {h: '1'}}, ingress: [{from: [").append(peers).append("]}]}\n");
        assertRefused(server.post(Routes.API_EVALUATE + "?probes=80", "application/yaml", text.toString()), 422,
                "grew past 32 MiB while it was built");
    }

    @Test
    void several_bombs_at_once_leave_room_for_a_normal_request() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<List<Integer>>> answers = new ArrayList<>();
        String[] bombs = {HostileInputs.aliasBomb(10, "x"), "v: &v " + "1".repeat(200_000) + "\nl: ["
                + "*v, ".repeat(5_000) + "]\n", HostileInputs.aliasBomb(4, "yes, yes, yes, yes, yes, yes, yes, yes"),
                "{}\n---\n".repeat(200_000)};
        try {
            for (String bomb : bombs) {
                answers.add(attackers.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    while (!stop.get() && statuses.size() < 50) {
                        statuses.add(evaluate(bomb).statusCode());
                    }
                    return statuses;
                }));
            }
            for (int i = 0; i < 5; i++) {
                assertStillServes();
            }
        } finally {
            stop.set(true);
            attackers.shutdown();
        }
        for (Future<List<Integer>> answer : answers) {
            for (int status : answer.get()) {
                assertTrue(status == 413 || status == 422, "every bomb refused: " + status);
            }
        }
        assertFalse(answers.isEmpty());
    }
}
