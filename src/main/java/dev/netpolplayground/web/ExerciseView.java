package dev.netpolplayground.web;

import java.util.List;

/**
 * One exercise page: the brief, the fixed cluster, the student's policies, the goal as a matrix,
 * hints (as HTML, rendered from their Markdown), and the result of the last check.
 *
 * @param base   the exercise's URL ("/exercises/lock-one-app", "/x/{id}" or "/c/{code}/e/2"); check and
 *               explain hang below it
 * @param crumbs where the exercise belongs: the catalog, a teacher, or a class
 */
public record ExerciseView(String id, String base, String title, String level, String briefHtml, String cluster,
                           String answer, MatrixView goal, List<String> hintsHtml, CheckView check, Crumbs crumbs) {
    /** The way back: a label, and where it links to (empty: no link). */
    public record Crumbs(String label, String url) {
        static final Crumbs CATALOG = new Crumbs("Exercises", Routes.EXERCISES);
        static final Crumbs TEACHER_MADE = new Crumbs("Exercise made by your teacher", "");
    }
}
