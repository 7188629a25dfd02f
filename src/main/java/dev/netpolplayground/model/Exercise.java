package dev.netpolplayground.model;

import java.util.List;

/**
 * A classroom exercise: a read-only cluster, the policies students start from, and the goal they
 * must reach. Texts are kept as typed; the grader parses them.
 *
 * @param probes    "80/TCP,53/UDP" or empty for the scenario's defaults
 * @param externals outside addresses, comma-separated, or empty
 */
public record Exercise(String id, String title, String level, String brief, String cluster, String starter,
                       String probes, String externals, Goal goal, List<String> hints, String debrief) {
    public Exercise {
        hints = List.copyOf(hints);
    }

    /** What pairs not named by an expectation must be. */
    public enum Default { ALLOWED, DENIED, UNSPECIFIED }

    /** The target reachability: a default for every pair, then expectations applied in order. */
    public record Goal(Default fallback, List<Expectation> expectations) {
        public Goal {
            expectations = List.copyOf(expectations);
        }
    }

    /**
     * Pairs that must be allowed or denied. Patterns: "*", "ns/pod", "ns/*", "app=web" (labels, any
     * namespace), "ns/app=web", "external", or an outside address.
     *
     * @param probes the probes it covers, empty for all
     */
    public record Expectation(String from, String to, List<Probe> probes, boolean allowed) {
        public Expectation {
            probes = List.copyOf(probes);
        }
    }
}
