package dev.netpolplayground.web;

import java.util.List;

/**
 * "Make an exercise" from the playground's scenario: title, brief, which policies students start
 * with, and the goal — the current matrix, one checkbox per cell, editable.
 */
public record MakeExerciseView(String text, String probes, String externals, String title, String brief,
                               List<Level> levels, List<PolicyChoice> policies, List<GoalTable> goal,
                               List<ProblemView> problems) {

    /** One choice of the level select. */
    public record Level(String name, boolean selected) {
    }

    /**
     * @param label   "NetworkPolicy 'shop/db'", "ClusterNetworkPolicy 'guard'"
     * @param starter students start with it (and may change it)
     * @param fixed   it stays in the cluster students get, which they cannot change
     */
    public record PolicyChoice(int index, String label, boolean starter, boolean fixed) {
    }

    /** The goal for one probe: rows of checkboxes, checked = must be allowed. */
    public record GoalTable(String probe, List<String> columns, List<GoalRow> rows) {
    }

    public record GoalRow(String label, List<GoalCell> cells) {
    }

    /**
     * @param value    "from:to:probe" indexes, or empty for a cell that cannot be graded (loopback, outside pairs)
     * @param ungraded the teacher leaves this cell out of the goal
     * @param label    "shop/web to shop/db on 80/TCP"
     */
    public record GoalCell(String value, boolean allowed, boolean ungraded, String label) {
        public boolean gradable() {
            return !value.isEmpty();
        }
    }
}
