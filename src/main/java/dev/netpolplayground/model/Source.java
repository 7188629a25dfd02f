package dev.netpolplayground.model;

/** Where an object stands in the text the user typed: 1-based first and last line. */
public record Source(int firstLine, int lastLine) {
    public static final Source NONE = new Source(0, 0);
}
