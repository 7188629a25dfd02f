package dev.netpolplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netpolplayground.Scenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/evaluate against the real server on a random port. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    private static final String SHOP = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              containers:
              - name: web
                ports: [{containerPort: 80}]
            status: {podIP: 10.0.0.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            spec:
              containers:
              - name: db
                ports: [{containerPort: 5432}]
            status: {podIP: 10.0.0.20}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: web}}
                ports: [{port: 5432}]
            """;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode cell(JsonNode body, String from, String to, int port, String protocol) {
        for (JsonNode cell : body.get("cells")) {
            if (cell.get("from").asText().equals(from) && cell.get("to").asText().equals(to)
                    && cell.get("port").asInt() == port && cell.get("protocol").asText().equals(protocol)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + from + " -> " + to + " " + port + "/" + protocol);
    }

    @Test
    void an_equal_large_request_is_answered_from_memory_with_the_same_answer() {
        String text = SHOP + "# " + java.util.UUID.randomUUID() + " " + "padding ".repeat(5_000) + "\n";
        HttpResponse<String> first = server.post(Routes.API_EVALUATE, "application/yaml", text);
        assertTrue(first.headers().firstValue("Server-Timing").orElse("").matches("parse;dur=[0-9.]+, eval;dur=[0-9.]+"),
                first.headers().map().toString());
        HttpResponse<String> again = server.post(Routes.API_EVALUATE, "application/yaml", text);
        assertTrue(again.headers().firstValue("Server-Timing").orElse("").startsWith("remembered;"),
                again.headers().map().toString());
        assertEquals(first.body(), again.body());
        HttpResponse<String> small = server.post(Routes.API_EVALUATE, "application/yaml", SHOP);
        HttpResponse<String> smallAgain = server.post(Routes.API_EVALUATE, "application/yaml", SHOP);
        assertTrue(smallAgain.headers().firstValue("Server-Timing").orElse("").startsWith("parse;"),
                "a small scenario is cheaper to evaluate again than to remember: " + small.headers().map());
    }

    @Test
    void health_answers_ok() {
        assertEquals(200, server.get(Routes.HEALTH).statusCode());
    }

    @Test
    void evaluate_answers_every_cell_with_reasons_for_both_directions() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE, "application/yaml", SHOP);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(2, body.get("endpoints").size());
        assertEquals("shop/db", body.get("endpoints").get(0).get("id").asText());
        assertEquals("10.0.0.20", body.get("endpoints").get(0).get("ips").get(0).asText());
        assertEquals(2, body.get("probes").size(), "default probes: 80/TCP and 5432/TCP");
        assertEquals(4, body.get("cells").size(), "2 ordered pairs x 2 probes");
        JsonNode allowed = cell(body, "shop/web", "shop/db", 5432, "TCP");
        assertTrue(allowed.get("allowed").asBoolean());
        assertTrue(allowed.get("ingress").get("reasons").toString().contains("ingress rule #1"));
        JsonNode denied = cell(body, "shop/web", "shop/db", 80, "TCP");
        assertFalse(denied.get("allowed").asBoolean());
        assertTrue(denied.get("egress").get("allowed").asBoolean());
        assertFalse(denied.get("ingress").get("allowed").asBoolean());
        assertEquals("rule-mismatch", denied.get("ingress").get("reasons").get(1).get("code").asText());
        assertEquals("shop/db-from-web", denied.get("ingress").get("reasons").get(1).get("policy").asText());
    }

    private static String rival(String name, String rule, String action) {
        return Scenarios.cnp(name, "Admin", 10, "{namespaces: {}}", "ingress: [{name: " + rule + ", action: " + action
                + ", from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}]");
    }

    @Test
    void a_tier_reason_names_tier_priority_action_and_rule_and_an_undefined_cell_says_so() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE + "?probes=5432/TCP", "application/yaml",
                rival("guard", "no-web", "Deny") + SHOP);
        JsonNode denied = cell(json(response), "shop/web", "shop/db", 5432, "TCP");
        assertFalse(denied.get("allowed").asBoolean());
        JsonNode reason = denied.get("ingress").get("reasons").get(0);
        assertEquals("tier-deny", reason.get("code").asText(), reason.toString());
        assertEquals("ClusterNetworkPolicy/guard", reason.get("policy").asText());
        assertEquals("Admin", reason.get("tier").asText());
        assertEquals(10, reason.get("priority").asInt());
        assertEquals("Deny", reason.get("action").asText());
        assertEquals(1, reason.get("rule").asInt());
        assertEquals("no-web", reason.get("ruleName").asText());

        response = server.post(Routes.API_EVALUATE + "?probes=5432/TCP", "application/yaml",
                rival("guard", "no-web", "Deny") + rival("welcome", "yes-web", "Accept") + SHOP);
        JsonNode undefined = cell(json(response), "shop/web", "shop/db", 5432, "TCP");
        assertTrue(undefined.get("undefined").asBoolean(), undefined.toString());
        assertFalse(undefined.get("allowed").asBoolean());
        assertTrue(undefined.get("ingress").get("reasons").toString().contains("\"code\":\"tier-rival\""));
    }

    @Test
    void probes_and_external_addresses_come_from_the_query() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE + "?probes=5432/TCP,53/udp&external=203.0.113.5,2001:db8::1",
                "text/yaml", SHOP);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(2, body.get("probes").size());
        assertEquals("UDP", body.get("probes").get(1).get("protocol").asText());
        assertEquals("ip:203.0.113.5", body.get("endpoints").get(2).get("id").asText());
        assertEquals("External", body.get("endpoints").get(2).get("kind").asText());
        assertEquals(2 * (4 * 3 - 2), body.get("cells").size(), "4 endpoints, no outside-to-outside pairs");
        assertFalse(cell(body, "ip:203.0.113.5", "shop/db", 5432, "TCP").get("allowed").asBoolean());
        assertTrue(cell(body, "shop/db", "ip:2001:db8::1", 5432, "TCP").get("allowed").asBoolean());
    }

    @Test
    void compact_form_and_filters_keep_large_answers_small() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE + "?format=compact&probes=5432/TCP&from=shop/web",
                "application/yaml", SHOP);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertFalse(body.has("cells"));
        assertEquals("[\"shop/db\",\"shop/web\"]", body.get("columns").toString());
        assertEquals(".-", body.get("matrix").get("5432/TCP").get("shop/web").asText());
        assertEquals(1, body.get("summary").get("cells").asInt());
    }

    @Test
    void json_input_is_accepted() throws Exception {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"name\":\"a\",\"labels\":{\"app\":\"a\"}}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"name\":\"b\"}}]}";
        HttpResponse<String> response = server.post(Routes.API_EVALUATE, "application/json", json);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, json(response).get("endpoints").size());
    }

    @Test
    void yaml_syntax_error_is_400_with_line_and_column() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE, "application/yaml",
                "kind: Pod\nmetadata: {name: a\nspec: [\n");
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = json(response).get("errors").get(0);
        assertTrue(error.get("line").asInt() > 0);
        assertTrue(error.get("column").asInt() > 0);
        assertFalse(error.get("message").asText().isBlank());
    }

    @Test
    void invalid_objects_are_422_with_every_problem_and_its_path() throws Exception {
        String broken = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: Bad_Name, namespace: shop}
                spec:
                  podselector: {}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 10.0.0.0/33}
                    ports:
                    - {port: 80, protocol: tcp}
                """;
        HttpResponse<String> response = server.post(Routes.API_EVALUATE, "application/yaml", broken);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode errors = json(response).get("errors");
        String all = errors.toString();
        assertTrue(errors.size() >= 4, all);
        assertTrue(all.contains("did you mean 'podSelector'"), all);
        assertTrue(all.contains("spec.ingress[0].from[0].ipBlock.cidr"), all);
        assertTrue(all.contains("did you mean 'TCP'"), all);
        assertTrue(all.contains("\"line\":3"), all);
    }

    @Test
    void bad_probes_are_400() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE + "?probes=80/ICMP", "text/plain", SHOP);
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("errors").get(0).get("message").asText().contains("80/ICMP"));
    }

    @Test
    void other_content_types_are_415() {
        assertEquals(415, server.post(Routes.API_EVALUATE, "application/xml", "<a/>").statusCode());
    }

    @Test
    void empty_body_is_an_empty_matrix_not_an_error() throws Exception {
        HttpResponse<String> response = server.post(Routes.API_EVALUATE, "text/plain", "");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, json(response).get("cells").size());
    }

    @Test
    void oversized_body_is_413() {
        String huge = "# " + "x".repeat((int) WebApp.MAX_BODY_BYTES + 10);
        assertEquals(413, server.post(Routes.API_EVALUATE, "text/plain", huge).statusCode());
    }
}
