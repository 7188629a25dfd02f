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
     * @param state   allowed, denied, partial, loopback or na
     * @param classes the policies deciding the cell, as classes p0 p3 … for highlighting
     */
    public record Cell(String value, String state, String symbol, String label, String classes) {
        public boolean clickable() {
            return !state.equals("na");
        }
    }

    public boolean empty() {
        return columns.isEmpty();
    }
}
