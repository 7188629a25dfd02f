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

    /** One direction: whether it allows the connection, and why. */
    public record Side(String direction, String subject, boolean allowed, List<Reason> reasons) {
        public Side {
            reasons = List.copyOf(reasons);
        }
    }
}
