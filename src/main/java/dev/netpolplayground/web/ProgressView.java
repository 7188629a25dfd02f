package dev.netpolplayground.web;

import java.util.List;

/**
 * Students × exercises and what to explain next; refreshed while the class works.
 *
 * @param url where the fragment is polled from
 */
public record ProgressView(String url, List<String> exercises, List<Row> rows, List<InsightView> insights) {
    public record Row(String name, List<Cell> cells) {
    }

    /**
     * One student on one exercise: {@code state} is solved, trying or none; {@code url} opens the
     * latest answer (empty when there is none).
     */
    public record Cell(String state, String text, String detail, String url) {
    }

    /** One exercise: who solved it, the most-missed cells and the most common wrong answer. */
    public record InsightView(int number, String title, int working, int solved, List<Missed> missed,
                              String commonAnswer, int commonStudents, String commonResult) {
    }

    public record Missed(String pair, String probes, String expected, int students) {
    }
}
