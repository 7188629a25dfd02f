package dev.netpolplayground.web;

import java.util.List;

/**
 * One exercise page: the brief, the fixed cluster, the student's policies, the goal as a matrix,
 * hints (as HTML, rendered from their Markdown), and the result of the last check.
 *
 * @param base the exercise's URL ("/exercises/lock-one-app" or "/x/{id}"); check and explain hang below it
 */
public record ExerciseView(String id, String base, String title, String level, String briefHtml, String cluster,
                           String answer, MatrixView goal, List<String> hintsHtml, CheckView check, boolean teacherMade) {
}
