package dev.netpolplayground.model;

/**
 * Something wrong or worth knowing about the input, pinned to where it stands.
 *
 * @param line   1-based; 0 when the problem has no place in the text
 * @param column 1-based; 0 when the problem has no place in the text
 * @param path   field path inside the object, e.g. "spec.ingress[0].from[1]"; empty for the document
 */
public record Problem(Severity severity, String message, int line, int column, String path) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(String message, int line, int column, String path) {
        return new Problem(Severity.ERROR, message, line, column, path);
    }

    public static Problem warning(String message, int line, int column, String path) {
        return new Problem(Severity.WARNING, message, line, column, path);
    }

    /** "line 12, column 3: spec.egress[0]: message" */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
