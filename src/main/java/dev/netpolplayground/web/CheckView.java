package dev.netpolplayground.web;

import java.util.List;

/**
 * The answer to "Check": problems, or the student's matrix with every differing cell marked.
 *
 * @param base the exercise's URL, under which cells are explained
 * @param note what became of the Check beyond its grade (in a class: recorded or not, and why); empty when nothing
 */
public record CheckView(boolean present, boolean solved, String exerciseId, String base, String headline,
                        List<ProblemView> problems, MatrixView matrix, List<ProblemView> warnings, String debriefHtml,
                        String note) {
    public static final CheckView NONE = new CheckView(false, false, "", "", "", List.of(), Views.EMPTY_MATRIX, List.of(),
            "", "");

    public boolean hasMatrix() {
        return !matrix.empty();
    }
}
