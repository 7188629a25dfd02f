package dev.netpolplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's routes against the real app: full pages, htmx fragments, the no-JS form, sharing, export. */
class PageRoutesTest {
    private static TestServer server;

    private static final String SCENARIO = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {app: a}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x, labels: {app: b}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: b-deny, namespace: x}
            spec:
              podSelector: {matchLabels: {app: b}}
            """;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return server.post(path, "application/x-www-form-urlencoded", form(fields));
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Ids.FIELD_TEXT, text);
        fields.put(Ids.FIELD_PROBES, "");
        fields.put(Ids.FIELD_EXTERNAL, "");
        return fields;
    }

    @Test
    void home_page_shows_the_editor_the_examples_and_an_evaluated_first_example() {
        HttpResponse<String> page = server.get(Routes.HOME);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<textarea id=\"scenario\""), "editor");
        assertTrue(html.contains("data-example=\"deny-all-to-app\""), "examples menu");
        assertTrue(html.contains("<table class=\"matrix\""), "evaluated matrix");
        assertTrue(html.contains("/webjars/htmx.org/2.0.8/dist/htmx.min.js"));
    }

    @Test
    void every_example_loads_and_evaluates_without_problems() {
        for (Examples.Example example : Examples.load().all()) {
            String html = server.get(Routes.HOME + "?example=" + example.id()).body();
            assertTrue(html.contains("<table class=\"matrix\""), example.id());
            assertFalse(html.contains("class=\"problems\""), example.id() + " has problems");
        }
    }

    @Test
    void evaluate_fragment_renders_only_the_result_region() {
        HttpResponse<String> response = postForm(Routes.FRAGMENT_EVALUATE, fields(SCENARIO));
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertFalse(html.contains("<html"), "a fragment, not a page");
        assertTrue(html.contains("aria-label=\"x/a to x/b: denied on every probe\""), html);
        assertTrue(html.contains("NetworkPolicy <code>x/b-deny</code>"), "policies panel");
        assertTrue(html.contains("namespace &#39;x&#39; is not declared") || html.contains("namespace 'x' is not declared"),
                "warnings panel");
    }

    @Test
    void the_policies_panel_groups_cluster_policies_by_tier_and_marks_the_cells_each_policy_decides() {
        Examples.Example example = Examples.load().find("tiers-admin-guardrail").orElseThrow();
        Map<String, String> fields = fields(example.text());
        fields.put(Ids.FIELD_PROBES, "80/TCP");
        String html = postForm(Routes.FRAGMENT_EVALUATE, fields).body();
        assertTrue(html.indexOf("<h3 class=\"tier-title\">Admin tier</h3>") < html.indexOf(
                "<h3 class=\"tier-title\">NetworkPolicies</h3>"), "the Admin tier comes first, as it is consulted first");
        assertTrue(html.contains("ClusterNetworkPolicy <code>isolate-tenant-a</code>"), html);
        assertTrue(html.contains("Admin tier, priority 10"), "the card names tier and priority");
        assertTrue(html.contains("denies from all pods in namespaces"), "rules in plain English");
        assertEquals("c0", cellClasses(html, "team-b/web to team-a/db"), "the Admin Deny decides ingress to team-a");
        assertEquals("c1", cellClasses(html, "team-a/web to team-b/web"),
                "the Admin Deny decides; team-b's NetworkPolicy is never consulted");
        assertEquals("p0", cellClasses(html, "monitoring/prometheus to team-b/web"),
                "no Admin rule matches monitoring, so team-b's NetworkPolicy decides");
        assertEquals("", cellClasses(html, "team-a/db to team-a/web"), "nothing decides: the default allows it");
    }

    /** The highlight classes of the cell whose label starts with {@code pair}. */
    private static String cellClasses(String html, String pair) {
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("class=\"cell \\w+ ?([^\"]*)\"[^>]*aria-label=\""
                + java.util.regex.Pattern.quote(pair) + ":").matcher(html);
        assertTrue(cell.find(), "no cell " + pair);
        return cell.group(1).trim();
    }

    @Test
    void invalid_yaml_gives_a_problems_fragment_with_lines_and_keeps_status_200_for_htmx() {
        HttpResponse<String> response = postForm(Routes.FRAGMENT_EVALUATE, fields("kind: Pod\nmetadata: [\n"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("class=\"problems\""));
        assertTrue(response.body().contains("data-line=\"3\"") || response.body().contains("data-line=\"2\""),
                response.body());
    }

    @Test
    void explain_fragment_explains_the_clicked_cell_with_the_policy_excerpt() {
        Map<String, String> fields = fields(SCENARIO);
        fields.put(Ids.FIELD_CELL, "0:1:all");
        String html = postForm(Routes.FRAGMENT_EXPLAIN, fields).body();
        assertTrue(html.contains("x/a → x/b"), html);
        assertTrue(html.contains("has no ingress rules"), html);
        assertTrue(html.contains("name: b-deny"), "the policy's YAML excerpt");
    }

    @Test
    void the_page_works_without_javascript_through_a_plain_form_post() {
        Map<String, String> fields = fields(SCENARIO);
        fields.put(Ids.FIELD_VIEW, "0");
        fields.put(Ids.FIELD_CELL, "0:1:0");
        HttpResponse<String> response = postForm(Routes.HOME, fields);
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<html"), "a full page");
        assertTrue(html.contains("b-deny"), "the typed text is kept in the editor");
        assertTrue(html.contains("Denied: x/a → x/b on 80/TCP"), "explanation of the submitted cell");
    }

    @Test
    void a_link_carries_the_scenario_and_opening_it_restores_editor_and_result() {
        String link = ShareLinks.link(SCENARIO, "80/TCP", "203.0.113.5");
        String html = server.get(link).body();
        assertTrue(html.contains("b-deny"));
        assertTrue(html.contains("value=\"80/TCP\""));
        assertTrue(html.contains("203.0.113.5"));
        assertTrue(html.contains("data-source=\"link\""));
    }

    @Test
    void a_damaged_link_says_so_instead_of_failing() {
        HttpResponse<String> response = server.get(Routes.HOME + "?z=not-a-real-link");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("This link is damaged"));
    }

    @Test
    void share_stores_the_scenario_under_a_content_id_and_the_short_link_opens_it() {
        HttpResponse<String> first = postForm(Routes.FRAGMENT_SHARE, fields(SCENARIO));
        HttpResponse<String> second = postForm(Routes.FRAGMENT_SHARE, fields(SCENARIO));
        String url = first.body().replaceAll("(?s).*href=\"(/s/[^\"]+)\".*", "$1");
        assertTrue(url.startsWith("/s/"), first.body());
        assertEquals(first.body(), second.body(), "same content, same id");
        HttpResponse<String> opened = server.get(url);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("b-deny"));
        assertTrue(opened.body().contains("data-source=\"shared\""));
    }

    @Test
    void share_without_javascript_redirects_to_the_short_link() {
        HttpResponse<String> response = postForm(Routes.SHARE, fields(SCENARIO));
        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/s/"));
    }

    @Test
    void unknown_short_links_are_404_pages() {
        HttpResponse<String> response = server.get("/s/AAAAAAAAAAAAAAAA");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Scenario not found"));
        int traversal = server.get("/s/../../etc/passwd").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "a path trick is refused, got " + traversal);
    }

    @Test
    void scenarios_api_round_trips_the_exact_text() throws Exception {
        String text = "# ünïcode ✓ and trailing spaces   \n" + SCENARIO;
        HttpResponse<String> created = server.post(Routes.API_SCENARIOS, "application/yaml", text);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = new ObjectMapper().readTree(created.body());
        assertEquals("/s/" + body.get("id").asText(), body.get("url").asText());
        HttpResponse<String> read = server.get("/api/v1/scenarios/" + body.get("id").asText());
        assertEquals(200, read.statusCode());
        assertEquals(text, read.body());
        assertTrue(read.headers().firstValue("Content-Type").orElse("").startsWith("text/yaml"));
        assertEquals(404, server.get("/api/v1/scenarios/nope").statusCode());
    }

    @Test
    void oversized_scenarios_are_refused_with_413() {
        String big = "# " + "x".repeat(600 * 1024);
        HttpResponse<String> response = server.post(Routes.API_SCENARIOS, "text/plain", big);
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("errors"));
    }

    @Test
    void export_downloads_csv_markdown_and_json() {
        HttpResponse<String> csv = postForm(Routes.export("csv"), fields(SCENARIO));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("reachability.csv"));
        assertTrue(csv.body().contains("x/a,x/b,80,TCP,false,true,false"), csv.body());
        assertTrue(postForm(Routes.export("md"), fields(SCENARIO)).body().contains("| x/a |"));
        assertTrue(postForm(Routes.export("json"), fields(SCENARIO)).body().contains("\"cells\""));
        assertEquals(404, postForm(Routes.export("exe"), fields(SCENARIO)).statusCode());
    }

    @Test
    void static_assets_and_webjars_are_served() {
        assertEquals(200, server.get("/static/app.js").statusCode());
        assertEquals(200, server.get("/static/app.css").statusCode());
        assertEquals(200, server.get("/webjars/codemirror/5.65.16/lib/codemirror.js").statusCode());
        HttpResponse<String> missing = server.send(HttpRequest.newBuilder(URI.create(server.url("/nope"))).GET().build());
        assertEquals(404, missing.statusCode());
    }
}
