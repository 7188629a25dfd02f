package dev.netpolplayground.explain;

import java.util.List;

/**
 * A cell's verdict in words: a one-line summary, each direction's reasons, and notes where network
 * plugins are known to behave differently from the API's text.
 */
public record Explanation(String from, String to, String probe, boolean allowed, boolean loopback, String summary,
                          Side egress, Side ingress, List<String> notes) {
    public Explanation {
        notes = List.copyOf(notes);
    }

    /** As the command line prints it: the summary, each direction with its reasons, the notes. */
    public String text() {
        StringBuilder out = new StringBuilder(summary).append('\n');
        for (Side side : List.of(egress, ingress)) {
            out.append("  ").append(side.direction()).append(" (").append(side.subject()).append("): ")
                    .append(side.allowed() ? "allowed" : "denied").append('\n');
            for (Reason reason : side.reasons()) {
                out.append("    - ").append(reason.message()).append('\n');
            }
        }
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }

    /** One direction: whether it allows the connection, and why. */
    public record Side(String direction, String subject, boolean allowed, List<Reason> reasons) {
        public Side {
            reasons = List.copyOf(reasons);
        }
    }
}
