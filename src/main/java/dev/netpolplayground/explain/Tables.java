package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Endpoint;

import java.util.List;

/**
 * The matrix as text: an aligned truth table per probe ('.' allowed, 'X' denied, '-' not
 * applicable; rows are sources), a Markdown table per probe, and CSV with one line per cell.
 */
public final class Tables {
    private Tables() {
    }

    public static String text(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        List<Endpoint> endpoints = matrix.endpoints();
        int width = endpoints.stream().mapToInt(e -> e.id().length()).max().orElse(1);
        for (int p = 0; p < matrix.probes().size(); p++) {
            out.append(matrix.probes().get(p)).append('\n');
            out.append(pad("", width));
            for (Endpoint to : endpoints) {
                out.append(' ').append(pad(to.id(), width));
            }
            out.append('\n');
            for (int s = 0; s < endpoints.size(); s++) {
                out.append(pad(endpoints.get(s).id(), width));
                for (int d = 0; d < endpoints.size(); d++) {
                    out.append(' ').append(pad(String.valueOf(symbol(matrix, s, d, p)), width));
                }
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String markdown(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        List<Endpoint> endpoints = matrix.endpoints();
        for (int p = 0; p < matrix.probes().size(); p++) {
            out.append("### ").append(matrix.probes().get(p)).append("\n\n| from \\ to |");
            endpoints.forEach(e -> out.append(' ').append(escapeMarkdown(e.id())).append(" |"));
            out.append("\n|---|");
            endpoints.forEach(e -> out.append(":-:|"));
            out.append('\n');
            for (int s = 0; s < endpoints.size(); s++) {
                out.append("| ").append(escapeMarkdown(endpoints.get(s).id())).append(" |");
                for (int d = 0; d < endpoints.size(); d++) {
                    char symbol = symbol(matrix, s, d, p);
                    out.append(' ').append(symbol == '.' ? "✓" : symbol == 'X' ? "✗" : "–").append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String csv(Matrix matrix) {
        StringBuilder out = new StringBuilder("from,to,port,protocol,allowed,egress_allowed,ingress_allowed\n");
        List<Endpoint> endpoints = matrix.endpoints();
        for (int p = 0; p < matrix.probes().size(); p++) {
            for (int s = 0; s < endpoints.size(); s++) {
                for (int d = 0; d < endpoints.size(); d++) {
                    if (s == d || !matrix.applicable(s, d)) {
                        continue;
                    }
                    out.append(csvField(endpoints.get(s).id())).append(',').append(csvField(endpoints.get(d).id()))
                            .append(',').append(matrix.probes().get(p).port())
                            .append(',').append(matrix.probes().get(p).protocol())
                            .append(',').append(csvValue(matrix.reach(s, d, p)))
                            .append(',').append(csvValue(matrix.egressReach(s, d, p)))
                            .append(',').append(csvValue(matrix.ingressReach(s, d, p))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** About how many bytes (UTF-8) {@link #csv} writes, known before it is built. */
    public static long estimatedCsvBytes(Matrix matrix) {
        return 64 + MatrixReport.cellCount(matrix, Selection.ALL, Selection.ALL) * (2 * meanIdLength(matrix) + 45);
    }

    /** About how many bytes (UTF-8: a ✓ is three) {@link #markdown} writes, known before it is built. */
    public static long estimatedMarkdownBytes(Matrix matrix) {
        long n = matrix.endpoints().size();
        long id = meanIdLength(matrix) + 4;
        return matrix.probes().size() * ((n + 2) * (6 * n + id) + n * id + 32);
    }

    private static long meanIdLength(Matrix matrix) {
        return (long) matrix.endpoints().stream().mapToInt(e -> e.id().length()).average().orElse(0) + 1;
    }

    /** true, false, or undefined where the API leaves the verdict to the network plugin. */
    private static String csvValue(Reach reach) {
        return reach == Reach.UNDEFINED ? "undefined" : String.valueOf(reach == Reach.ALLOWED);
    }

    /**
     * '.' allowed, 'X' denied, '?' undefined (equal priorities that disagree), '-' for outside-to-outside
     * pairs; a pod to itself shows as allowed.
     */
    public static char symbol(Matrix matrix, int s, int d, int p) {
        if (!matrix.applicable(s, d)) {
            return '-';
        }
        return switch (matrix.reach(s, d, p)) {
            case ALLOWED -> '.';
            case DENIED -> 'X';
            case UNDEFINED -> '?';
        };
    }

    private static String pad(String text, int width) {
        StringBuilder out = new StringBuilder(text);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String escapeMarkdown(String value) {
        return value.replace("|", "\\|");
    }
}
