package dev.netpolplayground.exercises;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ExerciseParser;
import dev.netpolplayground.parse.ScenarioParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraderTest {
    private static final Grader GRADER = new Grader(new ScenarioParser());

    private static final String EXERCISE = """
            id: lock-web
            title: Lock the web pod
            level: beginner
            brief: Nobody may reach **web**.
            cluster: |
              apiVersion: v1
              kind: Pod
              metadata: {name: web, namespace: shop, labels: {app: web}}
              spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
              ---
              apiVersion: v1
              kind: Pod
              metadata: {name: api, namespace: shop, labels: {app: api}}
              spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
              ---
              apiVersion: v1
              kind: Pod
              metadata: {name: probe, namespace: ops, labels: {app: probe}}
            starter: ""
            goal:
              default: allowed
              expect:
                - {from: "*", to: "app=web", allowed: false}
            hints: [Select the web pod.]
            debrief: Done.
            """;

    private static Exercise exercise() {
        return ((ExerciseParser.Ok) new ExerciseParser().parse(EXERCISE)).exercise();
    }

    @Test
    void a_correct_answer_is_solved() {
        Grade grade = GRADER.grade(exercise(), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: lock, namespace: shop}
                spec: {podSelector: {matchLabels: {app: web}}}
                """);
        assertTrue(grade.solved(), grade.differing().toString());
        assertEquals(6, grade.graded(), "3 endpoints, 6 ordered pairs, loopback never graded");
        assertEquals(List.of(), grade.warnings(), "the cluster's undeclared namespaces are not the student's to fix");
    }

    @Test
    void the_empty_podselector_mistake_shows_exactly_the_cells_it_breaks() {
        Grade grade = GRADER.grade(exercise(), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: lock, namespace: shop}
                spec: {podSelector: {}}
                """);
        assertFalse(grade.solved());
        assertEquals(2, grade.differing().size(), grade.differing().toString());
        assertTrue(grade.differing().stream().allMatch(d -> d.toId().equals("shop/api") && d.expected() && d.actual() == Reach.DENIED));
    }

    @Test
    void problems_in_the_answer_point_at_the_answers_own_lines() {
        Grade grade = GRADER.grade(exercise(), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: lock, namespace: shop}
                spec: {podSelector: {}, ingress: [{from: [{}]}]}
                """);
        assertFalse(grade.solved());
        assertEquals(4, grade.problems().get(0).line());
    }

    @Test
    void an_answer_may_not_change_the_cluster() {
        Grade grade = GRADER.grade(exercise(), """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                """);
        assertFalse(grade.solved());
        assertTrue(grade.problems().get(0).message().contains("may only contain policies"));
    }

    private static String rival(String name, String action) {
        return Scenarios.cnp(name, "Admin", 10, "{namespaces: {matchLabels: {tenant: a}}}",
                "ingress: [{action: " + action + ", from: [{namespaces: {matchLabels: {tenant: b}}}]}]");
    }

    @Test
    void an_undefined_cell_matches_no_goal_even_where_one_of_its_orders_would() {
        Grade grade = GRADER.grade(Catalog.load().find("tiers-tenant-guardrail").orElseThrow(),
                rival("deny-b", "Deny") + rival("accept-b", "Accept"));
        assertFalse(grade.solved());
        Grade.Difference into = grade.differing().stream()
                .filter(d -> d.fromId().equals("team-b/web") && d.toId().equals("team-a/db")).findFirst().orElseThrow();
        assertFalse(into.expected());
        assertEquals(Reach.UNDEFINED, into.actual(), "the plugin may take either order; the goal says denied");
    }

    @Test
    void a_goal_can_be_written_as_a_full_matrix_per_probe() {
        String asMatrix = EXERCISE.replace("""
                goal:
                  default: allowed
                  expect:
                    - {from: "*", to: "app=web", allowed: false}
                """, """
                goal:
                  default: unspecified
                  matrix:
                    80/TCP:
                      columns: [shop/api, shop/web, ops/probe]
                      rows:
                        shop/api:  "- X ."
                        shop/web:  ". - ."
                        ops/probe: ". X -"
                """);
        Exercise exercise = ((ExerciseParser.Ok) new ExerciseParser().parse(asMatrix)).exercise();
        Grade right = GRADER.grade(exercise, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: lock, namespace: shop}
                spec: {podSelector: {matchLabels: {app: web}}}
                """);
        assertTrue(right.solved(), right.differing().toString());
        assertEquals(6, right.graded());
        assertFalse(GRADER.grade(exercise, "").solved());
    }
}
