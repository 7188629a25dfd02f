package dev.netpolplayground.web;

import dev.netpolplayground.explain.Explanation;

import java.util.List;

/** One cell explained, for each probe asked, with the YAML of the policies that decided it. */
public record ExplanationView(String from, String to, List<Explanation> items, List<Excerpt> excerpts) {
    public static final ExplanationView NONE = new ExplanationView("", "", List.of(), List.of());

    /** Lines {@code firstLine}… of the user's text that define one policy. */
    public record Excerpt(String kind, String policy, int firstLine, String text) {
    }

    public boolean present() {
        return !items.isEmpty();
    }
}
