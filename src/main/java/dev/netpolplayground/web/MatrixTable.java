package dev.netpolplayground.web;

/**
 * One drawn matrix table: the playground's, the goal of an exercise, or a student's checked answer.
 *
 * @param explainUrl where a selected cell is explained; empty for a table of plain cells (the goal)
 */
public record MatrixTable(MatrixView matrix, String explainUrl, String caption, String kind) {
    public String cssClass() {
        return kind.isEmpty() ? "matrix" : "matrix " + kind;
    }

    public boolean clickable() {
        return !explainUrl.isEmpty();
    }
}
