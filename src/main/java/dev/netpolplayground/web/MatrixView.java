package dev.netpolplayground.web;

import java.util.List;

/**
 * The matrix as the page draws it: probe tabs, filters, column groups per namespace, row groups
 * per namespace, and cells that say their state with a symbol as well as a colour.
 */
public record MatrixView(List<ProbeTab> tabs, List<String> namespaces, String namespaceFilter, boolean onlyDenied,
                         List<ColumnGroup> columnGroups, List<Column> columns, List<RowGroup> rowGroups,
                         int hiddenEndpoints, String summary) {

    public record ProbeTab(String value, String label, boolean selected) {
    }

    public record ColumnGroup(String label, int span) {
    }

    public record Column(String id, String label, String title) {
    }

    public record RowGroup(String label, List<Row> rows) {
    }

    public record Row(String id, String label, String title, List<Cell> cells) {
    }

    /**
     * @param value   "from:to:probe" indexes sent when the cell is clicked
     * @param differs the cell differs from an exercise's goal
     * @param classes the policies deciding the cell, as classes p0 c3 … for highlighting
     */
    public record Cell(String value, CellState kind, boolean differs, String label, String classes) {
        public boolean clickable() {
            return kind != CellState.NOT_APPLICABLE;
        }

        /** Its CSS classes: the state's, and "differs" when it does. */
        public String state() {
            return kind.css() + (differs ? " differs" : "");
        }

        public String symbol() {
            return kind.symbol();
        }
    }

    public boolean empty() {
        return columns.isEmpty();
    }
}
