package dev.netpolplayground.web;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.exercises.Grade;
import dev.netpolplayground.exercises.Grader;
import dev.netpolplayground.exercises.Target;
import dev.netpolplayground.model.Exercise;

import java.util.List;

/**
 * The views of an exercise, wherever it is worked on: alone (catalog or teacher-made) or in a class.
 * They differ only in their URL ({@code base}, under which Check and explain hang) and their crumbs.
 */
final class ExercisePages {
    private final Grader grader;

    ExercisePages(Grader grader) {
        this.grader = grader;
    }

    Grader grader() {
        return grader;
    }

    ExerciseView page(Exercise exercise, String base, ExerciseView.Crumbs crumbs, String answer, CheckView check) {
        Grader.Goal goal = grader.goal(exercise);
        MatrixView goalView = Views.matrix(goal.cluster(), PlaygroundForm.of("", "", ""), goalCells(goal.target()));
        return new ExerciseView(exercise.id(), base, exercise.title(), exercise.level(), Markdown.html(exercise.brief()),
                exercise.cluster(), answer, goalView, exercise.hints().stream().map(Markdown::html).toList(), check,
                crumbs);
    }

    /** The Check of {@code form}'s answer, graded as {@code grade}; {@code note} says what became of it, if anything. */
    CheckView check(Exercise exercise, String base, PlaygroundForm form, Grade grade, String note) {
        if (!grade.problems().isEmpty()) {
            return new CheckView(true, false, exercise.id(), base, "Your policies have problems to fix first",
                    ProblemView.of(grade.problems()), Views.EMPTY_MATRIX, List.of(), "", note);
        }
        Matrix matrix = grade.matrix().orElseThrow();
        MatrixView view = Views.matrix(matrix, form, checkedCells(matrix, grade.target().orElseThrow()));
        return new CheckView(true, grade.solved(), exercise.id(), base, grade.summary(), List.of(), view,
                ProblemView.of(grade.warnings()), grade.solved() ? Markdown.html(exercise.debrief()) : "", note);
    }

    /** Why one cell of the answer in {@code form} is what it is. */
    ExplanationView explanation(Exercise exercise, PlaygroundForm form) {
        Grade grade = grader.grade(exercise, form.text());
        return grade.matrix().map(m -> Views.explanation(m, form.cell(), form.text())).orElse(ExplanationView.NONE);
    }

    /** The goal shown as a matrix: expected verdicts, and "not graded" where the goal is silent. */
    static Views.Cells goalCells(Target goal) {
        return new Views.Cells() {
            public int value(int from, int to, int probe) {
                return !goal.graded(from, to, probe) ? -1 : goal.expected(from, to, probe) ? 1 : 0;
            }

            public boolean differs(int from, int to, int probe) {
                return false;
            }
        };
    }

    /** The student's verdicts, marked where the goal expects otherwise (ungraded cells show as they are). */
    private static Views.Cells checkedCells(Matrix matrix, Target goal) {
        return new Views.Cells() {
            private final Views.Cells actual = Views.actual(matrix);

            public int value(int from, int to, int probe) {
                return actual.value(from, to, probe);
            }

            public boolean differs(int from, int to, int probe) {
                return goal.graded(from, to, probe) && matrix.reach(from, to, probe)
                        != (goal.expected(from, to, probe) ? Reach.ALLOWED : Reach.DENIED);
            }
        };
    }
}
