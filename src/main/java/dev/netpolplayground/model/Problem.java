package dev.netpolplayground.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Something wrong or worth knowing about the input, pinned to where it stands.
 *
 * @param line   1-based; 0 when the problem has no place in the text
 * @param column 1-based; 0 when the problem has no place in the text
 * @param path   field path inside the object, e.g. "spec.ingress[0].from[1]"; empty for the document
 * @param code   what kind of problem it is, for programs that treat one kind apart; empty for most
 */
public record Problem(Severity severity, String message, int line, int column, String path, String code) {
    /** A namespace that pods or policies name but no Namespace object declares (assumed to exist). */
    public static final String UNDECLARED_NAMESPACE = "undeclared-namespace";

    public enum Severity { ERROR, WARNING }

    /** How many problems of one severity an answer lists; the rest are counted in one more. */
    public static final int LISTED = 100;
    /** Longest message or path kept: a value quoted from hostile input must not make an answer large. */
    static final int MAX_MESSAGE = 1_000;
    static final int MAX_PATH = 300;

    public Problem {
        message = clip(message, MAX_MESSAGE);
        path = clip(path, MAX_PATH);
    }

    public static Problem error(String message, int line, int column, String path) {
        return new Problem(Severity.ERROR, message, line, column, path, "");
    }

    public static Problem warning(String message, int line, int column, String path) {
        return new Problem(Severity.WARNING, message, line, column, path, "");
    }

    /** This problem, marked as being of kind {@code code}. */
    public Problem withCode(String code) {
        return new Problem(severity, message, line, column, path, code);
    }

    /**
     * The first {@link #LISTED} of {@code total} problems: {@code first} as it is, plus one that
     * says how many more were found, when there were more.
     */
    public static List<Problem> listed(List<Problem> first, long total) {
        if (total <= first.size()) {
            return List.copyOf(first);
        }
        List<Problem> out = new ArrayList<>(first.subList(0, Math.min(first.size(), LISTED)));
        Severity severity = first.isEmpty() ? Severity.ERROR : first.get(0).severity();
        long more = total - out.size();
        out.add(new Problem(severity, "... and " + String.format(Locale.ROOT, "%,d", more) + " more "
                + (severity == Severity.ERROR ? "errors" : "warnings") + " (only the first " + out.size()
                + " are listed)", 0, 0, "", ""));
        return List.copyOf(out);
    }

    /** At most {@link #LISTED} of these problems, with a count of the rest. */
    public static List<Problem> listed(List<Problem> problems) {
        return problems.size() <= LISTED ? List.copyOf(problems) : listed(problems.subList(0, LISTED), problems.size());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** "line 12, column 3: spec.egress[0]: message" */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
