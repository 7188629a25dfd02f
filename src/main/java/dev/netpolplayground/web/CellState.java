package dev.netpolplayground.web;

/** What a drawn cell shows: its CSS class and its symbol, so that colour is never the only sign. */
public enum CellState {
    /** Outside to outside: no policy sees that traffic, so there is nothing to evaluate. */
    NOT_APPLICABLE("na", "–"),
    LOOPBACK("loopback", "↺"),
    /** An exercise's goal leaves the pair out. */
    NOT_GRADED("free", "·"),
    ALLOWED("allowed", "✓"),
    DENIED("denied", "✗"),
    /** Allowed on some of the shown probes only. */
    PARTIAL("partial", "◐"),
    /** Policies of equal priority disagree, and the API leaves their order to the network plugin. */
    UNDEFINED("undefined", "?");

    private final String css;
    private final String symbol;

    CellState(String css, String symbol) {
        this.css = css;
        this.symbol = symbol;
    }

    public String css() {
        return css;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the cell is a connection that counts in "n of m connections allowed". */
    boolean counted() {
        return this != NOT_APPLICABLE && this != NOT_GRADED && this != LOOPBACK;
    }

    /** Whether it counts as denied there: not allowed on any shown probe, and not undefined. */
    boolean denied() {
        return this == DENIED || this == PARTIAL;
    }
}
