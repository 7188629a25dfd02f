package dev.netpolplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netpolplayground.Scenarios;
import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.model.Exercise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exercise pages, checking, the exercise API and teacher-made exercises, against the real app. */
class ExerciseRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static Exercise first;

    @BeforeAll
    static void start() {
        server = new TestServer();
        first = Catalog.load().all().get(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        return server.post(path, "application/x-www-form-urlencoded", encode(fields));
    }

    private static String solution() {
        return Scenarios.resource("exercises/" + first.id() + "/solution.yaml");
    }

    private static String wrong() {
        return Scenarios.resource("exercises/" + first.id() + "/wrong.yaml");
    }

    @Test
    void catalog_lists_every_exercise_with_its_level() {
        String html = server.get(Routes.EXERCISES).body();
        for (Exercise exercise : Catalog.load().all()) {
            assertTrue(html.contains("href=\"" + Routes.exercise(exercise.id()) + "\""), exercise.id());
        }
        assertTrue(html.contains("level-" + first.level()));
    }

    @Test
    void every_catalog_card_has_its_own_one_line_summary_from_the_brief() {
        String html = server.get(Routes.EXERCISES).body();
        List<String> summaries = java.util.regex.Pattern.compile("<p>([^<]*)</p>").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertTrue(summaries.size() >= Catalog.load().all().size(), summaries.toString());
        assertFalse(summaries.contains("Goal"), "a heading is no summary: " + summaries);
        assertEquals(summaries.size(), summaries.stream().distinct().count(), summaries.toString());
        assertTrue(html.contains("See that NetworkPolicies are allow-lists that add up:"), html);
    }

    @Test
    void hints_are_rendered_from_their_markdown() {
        String html = server.get(Routes.exercise("default-deny-one-door")).body();
        assertTrue(html.contains("<code>podSelector: {}</code>"), html);
        assertFalse(html.contains("`podSelector: {}`"), "no raw Markdown");
    }

    @Test
    void exercise_page_shows_brief_cluster_editor_goal_and_hints() {
        HttpResponse<String> page = server.get(Routes.exercise(first.id()));
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains(first.title().replace("'", "&#39;")) || html.contains(first.title()));
        assertTrue(html.contains("class=\"matrix goal-matrix\""), "goal matrix");
        assertTrue(html.contains("<textarea id=\"scenario\""));
        assertTrue(html.contains("Hint 1"));
        assertEquals(404, server.get("/exercises/no-such-exercise").statusCode());
    }

    @Test
    void checking_a_wrong_answer_counts_and_marks_the_differing_cells() {
        String html = postForm(Routes.exercise(first.id()) + "/check", List.of(Map.entry(Ids.FIELD_TEXT, wrong()))).body();
        assertTrue(html.matches("(?s).*\\d+ of \\d+ pairs? differs? from the goal.*"), html);
        assertTrue(html.contains("differs"), "marked cells");
        assertFalse(html.contains("data-solved=\""));
    }

    @Test
    void checking_the_solution_shows_the_solved_state_and_the_debrief() {
        String html = postForm(Routes.exercise(first.id()) + "/check", List.of(Map.entry(Ids.FIELD_TEXT, solution())))
                .body();
        assertTrue(html.contains("Solved: all"), html);
        assertTrue(html.contains("data-solved=\"" + first.id() + "\""));
        assertTrue(html.contains("class=\"debrief\""));
    }

    @Test
    void a_differing_cell_can_be_explained() {
        HttpResponse<String> response = postForm(Routes.exercise(first.id()) + "/explain",
                List.of(Map.entry(Ids.FIELD_TEXT, wrong()), Map.entry(Ids.FIELD_CELL, "0:1:all")));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("class=\"verdict"), response.body());
    }

    @Test
    void checking_without_javascript_renders_the_whole_page_with_the_result() {
        String html = postForm(Routes.exercise(first.id()), List.of(Map.entry(Ids.FIELD_TEXT, solution()))).body();
        assertTrue(html.contains("<html"));
        assertTrue(html.contains("Solved: all"));
    }

    @Test
    void api_lists_exercises_and_checks_answers() throws Exception {
        JsonNode list = JSON.readTree(server.get(Routes.API_EXERCISES).body());
        assertTrue(list.size() >= 12);
        assertEquals(first.id(), list.get(0).get("id").asText());
        assertTrue(list.get(0).has("title") && list.get(0).has("level"));

        String check = "/api/v1/exercises/" + first.id() + "/check";
        JsonNode solved = JSON.readTree(server.post(check, "application/yaml", solution()).body());
        assertTrue(solved.get("solved").asBoolean());
        assertEquals(0, solved.get("differing").size());

        HttpResponse<String> wrongResponse = server.post(check, "application/yaml", wrong());
        assertEquals(200, wrongResponse.statusCode());
        JsonNode differing = JSON.readTree(wrongResponse.body()).get("differing");
        assertTrue(differing.size() > 0);
        JsonNode cell = differing.get(0);
        for (String field : List.of("from", "to", "port", "protocol", "expected", "actual")) {
            assertTrue(cell.has(field), field);
        }
        assertEquals(404, server.post("/api/v1/exercises/nope/check", "application/yaml", solution()).statusCode());
        assertEquals(400, server.post(check, "application/yaml", "kind: [").statusCode());
    }

    @Test
    void a_teacher_turns_a_scenario_into_an_exercise_at_an_immutable_link() {
        String scenario = Scenarios.SHOP_LOCK_WEB;
        String form = postForm(Routes.MAKE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario))).body();
        assertTrue(form.contains("name=\"goal\" value=\"0:1:0\""), "goal checkboxes");
        assertTrue(form.contains("shop/lock-web"));
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, List.of(
                Map.entry(Ids.FIELD_TEXT, scenario), Map.entry("title", "Lock the web"),
                Map.entry("brief", "Only **web** is locked."), Map.entry("goal", "1:0:0")));
        assertEquals(303, created.statusCode(), created.body());
        String handout = created.headers().firstValue("Location").orElseThrow();
        assertTrue(handout.matches("/x/[^/]+/created"), handout);
        String link = handout.substring(0, handout.length() - "/created".length());
        String ready = server.get(handout).body();
        assertTrue(ready.contains("Your exercise is ready"), ready);
        assertTrue(ready.contains("href=\"" + link + "\" data-link"), "the handout link, for the Copy button");
        assertTrue(ready.contains("data-copy-link"));
        assertTrue(ready.contains("Lock the web") && ready.contains("<strong>web</strong>"), "a preview of the brief");
        String page = server.get(link).body();
        assertTrue(page.contains("Lock the web"));
        assertTrue(page.contains("<strong>web</strong>"), "brief rendered as Markdown");
        assertFalse(page.contains("lock-web"), "the policy students must write is not handed out");
        assertTrue(page.contains("level-intermediate"), "the default level");
        String answer = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: mine, namespace: shop}\n"
                + "spec: {podSelector: {matchLabels: {app: web}}}\n";
        String check = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, answer))).body();
        assertTrue(check.contains("Solved: all"), check);
        String empty = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, ""))).body();
        assertTrue(empty.contains("1 of 2 pairs differ"), empty);
    }

    @Test
    void an_answer_whose_ports_add_probes_is_checked_against_the_goal_on_its_own_probes() {
        String scenario = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: shop, labels: {app: api}}
                spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
                """;
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, List.of(
                Map.entry(Ids.FIELD_TEXT, scenario), Map.entry("title", "Open web"), Map.entry("goal", "0:1:0"),
                Map.entry("goal", "1:0:0")));
        assertEquals(303, created.statusCode(), created.body());
        String link = created.headers().firstValue("Location").orElseThrow().replace("/created", "");
        String answer = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: mine, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress: [{ports: [{port: 9999}]}]
                """;
        HttpResponse<String> check = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, answer)));
        assertEquals(200, check.statusCode(), check.body());
        assertTrue(check.body().contains("1 of 2 pairs differ from the goal (on "), check.body());
    }

    @Test
    void the_teacher_chooses_the_level_and_the_title_starts_from_the_scenarios_title_line() {
        String scenario = "# title: Lock the shop\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n"
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
        String form = postForm(Routes.MAKE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario))).body();
        assertTrue(form.contains("name=\"title\" value=\"Lock the shop\""), form);
        assertTrue(form.contains("<option value=\"advanced\">advanced</option>"), form);
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry("title", "Lock the shop"), Map.entry("level", "advanced")));
        String link = created.headers().firstValue("Location").orElseThrow().replace("/created", "");
        assertTrue(server.get(link).body().contains("level-advanced"));
        HttpResponse<String> refused = postForm(Routes.CREATE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry("title", "Lock the shop"), Map.entry("level", "expert")));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Choose the level: beginner, intermediate, advanced."), refused.body());
    }

    @Test
    void cells_the_teacher_leaves_out_are_not_graded_and_show_as_not_graded() {
        String scenario = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
        String form = postForm(Routes.MAKE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario))).body();
        assertTrue(form.contains("name=\"ungraded\" value=\"0:1:0\""), form);
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry("title", "Only one way"), Map.entry("goal", "0:1:0"), Map.entry("ungraded", "1:0:0")));
        String link = created.headers().firstValue("Location").orElseThrow().replace("/created", "");
        String page = server.get(link).body();
        assertTrue(page.contains("default/b to default/a: not graded"), page);
        String denyAll = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d}\n"
                + "spec: {podSelector: {}, policyTypes: [Ingress]}\n";
        String check = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, denyAll))).body();
        assertTrue(check.contains("1 of 1 pair differs from the goal"), "only a → b is graded: " + check);
        String open = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, ""))).body();
        assertTrue(open.contains("Solved: all 1 pair matches the goal"), open);
    }

    @Test
    void a_teacher_can_leave_a_cluster_policy_for_the_students_to_write() {
        String scenario = Examples.load().find("tiers-admin-guardrail").orElseThrow().text();
        String form = postForm(Routes.MAKE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry(Ids.FIELD_PROBES, "80/TCP"))).body();
        assertTrue(form.contains("<code>ClusterNetworkPolicy 'isolate-tenant-a'</code>"), form);
        assertTrue(form.contains("name=\"fixed\" value=\"1\" checked"), "cluster policies start as fixed: " + form);
        assertFalse(form.contains("name=\"fixed\" value=\"0\" checked"), "NetworkPolicies do not");
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry(Ids.FIELD_PROBES, "80/TCP"), Map.entry("title", "Guard team a"), Map.entry("fixed", "0"),
                Map.entry("fixed", "2")));
        java.util.regex.Pattern.compile("name=\"goal\" value=\"([0-9:]+)\" checked").matcher(form).results()
                .forEach(m -> fields.add(Map.entry("goal", m.group(1))));
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, fields);
        assertEquals(303, created.statusCode(), created.body());
        String link = created.headers().firstValue("Location").orElseThrow().replace("/created", "");
        String page = server.get(link).body();
        assertFalse(page.contains("name: isolate-tenant-a"), "the policy students write is not handed out");
        assertTrue(page.contains("isolate-tenant-b") && page.contains("allow-everything-in"), "the fixed ones are");
        String answer = scenario.substring(scenario.indexOf("apiVersion: policy.networking.k8s.io/v1alpha2"),
                scenario.indexOf("---", scenario.indexOf("name: isolate-tenant-a}")));
        String check = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, answer))).body();
        assertTrue(check.contains("Solved: all"), check);
        String nothing = postForm(link + "/check", List.of(Map.entry(Ids.FIELD_TEXT, ""))).body();
        assertTrue(nothing.contains("differ from the goal"), nothing);
    }

    @Test
    void markdown_in_a_brief_cannot_run_script() {
        String scenario = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
        HttpResponse<String> created = postForm(Routes.CREATE_EXERCISE, List.of(
                Map.entry(Ids.FIELD_TEXT, scenario), Map.entry("title", "<script>alert(1)</script>"),
                Map.entry("brief", "<img src=x onerror=alert(1)> [click](https://example.org/)")));
        String page = server.get(created.headers().firstValue("Location").orElseThrow()).body();
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertFalse(page.contains("<img src=x"));
        assertTrue(page.contains("href=\"https://example.org/\">click</a>"), "web links are kept");
    }

    @Test
    void a_brief_that_could_not_be_shown_safely_is_refused_when_the_exercise_is_made() {
        String scenario = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
        for (Map.Entry<String, String> brief : List.of(
                Map.entry("[click](javascript:alert(1))", "links may only go to http:, https: or mailto:"),
                Map.entry("![x](data:image/svg+xml;base64,PHN2Zz4=)", "links may only go to http:, https: or mailto:"),
                Map.entry("[x](<JavaScript:alert(1)>)", "links may only go to http:, https: or mailto:"),
                Map.entry(">".repeat(50_000) + " deep", "more than 24 levels deep"))) {
            HttpResponse<String> refused = postForm(Routes.CREATE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                    Map.entry("title", "Links"), Map.entry("brief", brief.getKey())));
            assertEquals(422, refused.statusCode(), brief.getKey());
            assertTrue(refused.body().contains(brief.getValue()), refused.body());
            assertEquals(200, server.get(Routes.EXERCISES).statusCode());
        }
    }
}
