package dev.netpolplayground.model;

/** One entry of a rule's ports list, or the "any port" that an absent or empty list means. */
public sealed interface PortMatch permits PortMatch.AnyPort, PortMatch.AllPortsOf, PortMatch.PortRange,
        PortMatch.NamedPort {

    /** Absent or empty {@code ports}: every port of every protocol. */
    record AnyPort() implements PortMatch {
        @Override
        public String toString() {
            return "any port";
        }
    }

    /** A ports entry with a protocol but no port: every port of that protocol. */
    record AllPortsOf(Protocol protocol) implements PortMatch {
        @Override
        public String toString() {
            return "any " + protocol + " port";
        }
    }

    /** A numeric port, or with endPort an inclusive range. */
    record PortRange(Protocol protocol, int from, int to) implements PortMatch {
        public PortRange {
            if (from < 1 || to > 65535 || to < from) {
                throw new IllegalArgumentException("bad port range " + from + "-" + to);
            }
        }

        public boolean covers(Probe probe) {
            return probe.protocol() == protocol && probe.port() >= from && probe.port() <= to;
        }

        @Override
        public String toString() {
            return from == to ? from + "/" + protocol : from + "-" + to + "/" + protocol;
        }
    }

    /** A port name, resolved against the destination pod's container ports. */
    record NamedPort(Protocol protocol, String name) implements PortMatch {
        @Override
        public String toString() {
            return "named port " + name + "/" + protocol;
        }
    }
}
