package dev.netpolplayground.web;

import dev.netpolplayground.model.Problem;

import java.util.List;

/** A problem or warning as the page lists it, with where to jump in the editor. */
public record ProblemView(String message, int line, int column, String path) {
    static List<ProblemView> of(List<Problem> problems) {
        return problems.stream().map(p -> new ProblemView(p.message(), p.line(), p.column(), p.path())).toList();
    }

    public String where() {
        return line > 0 ? "line " + line + ", column " + column : "";
    }
}
