package dev.netpolplayground.exercises;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in exercise is sound: its reference solution (src/test/resources/exercises/ID/solution.yaml)
 * is graded solved, while its starter and its common wrong answer (wrong.yaml) are not.
 */
class CatalogTest {
    private static final Catalog CATALOG = Catalog.load();
    private static final Grader GRADER = new Grader(new ScenarioParser());

    static Stream<String> ids() {
        return CATALOG.all().stream().map(Exercise::id);
    }

    @Test
    void the_catalog_has_at_least_twelve_exercises_with_unique_ids() {
        List<String> ids = ids().toList();
        assertTrue(ids.size() >= 12, "only " + ids.size() + " exercises");
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void exercise_is_well_formed(String id) {
        Exercise exercise = CATALOG.find(id).orElseThrow();
        assertEquals(List.of(), GRADER.check(exercise));
        assertFalse(exercise.title().isBlank());
        assertFalse(exercise.brief().isBlank());
        assertFalse(exercise.hints().isEmpty(), "hints");
        assertFalse(exercise.debrief().isBlank(), "debrief");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void reference_solution_is_graded_solved(String id) {
        Grade grade = GRADER.grade(CATALOG.find(id).orElseThrow(), Scenarios.resource("exercises/" + id + "/solution.yaml"));
        assertEquals(List.of(), grade.problems());
        assertTrue(grade.solved(), () -> id + ": " + grade.differing());
        assertTrue(grade.graded() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void starter_is_not_solved(String id) {
        Exercise exercise = CATALOG.find(id).orElseThrow();
        assertFalse(GRADER.grade(exercise, exercise.starter()).solved());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void common_wrong_answer_is_not_solved(String id) {
        Grade grade = GRADER.grade(CATALOG.find(id).orElseThrow(), Scenarios.resource("exercises/" + id + "/wrong.yaml"));
        assertEquals(List.of(), grade.problems(), "the wrong answer is valid YAML, just wrong");
        assertFalse(grade.solved());
        assertFalse(grade.differing().isEmpty());
    }
}
