package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Reach;

import java.util.List;

/**
 * A cell's verdict in words: a one-line summary, each direction's reasons, and notes where network
 * plugins are known to behave differently from the API's text.
 */
public record Explanation(String from, String to, String probe, Reach reach, boolean loopback, String summary,
                          Side egress, Side ingress, List<String> notes) {
    public Explanation {
        notes = List.copyOf(notes);
    }

    public boolean allowed() {
        return reach == Reach.ALLOWED;
    }

    /** As the command line prints it: the summary, each direction with its reasons, the notes. */
    public String text() {
        StringBuilder out = new StringBuilder(summary).append('\n');
        for (Side side : List.of(egress, ingress)) {
            out.append("  ").append(side.direction()).append(" (").append(side.subject()).append("): ")
                    .append(side.reach().word()).append('\n');
            for (Reason reason : side.reasons()) {
                out.append("    - ").append(reason.message()).append('\n');
            }
        }
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }

    /** One direction: whether it allows the connection, and why. */
    public record Side(String direction, String subject, Reach reach, List<Reason> reasons) {
        public Side {
            reasons = List.copyOf(reasons);
        }

        public boolean allowed() {
            return reach == Reach.ALLOWED;
        }
    }
}
