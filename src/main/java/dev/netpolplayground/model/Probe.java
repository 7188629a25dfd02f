package dev.netpolplayground.model;

/** One port and protocol a connection is tried on, written "80/TCP". */
public record Probe(int port, Protocol protocol) implements Comparable<Probe> {
    public Probe {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (protocol == null) {
            throw new IllegalArgumentException("protocol is required");
        }
    }

    @Override
    public int compareTo(Probe other) {
        int byPort = Integer.compare(port, other.port);
        return byPort != 0 ? byPort : protocol.compareTo(other.protocol);
    }

    @Override
    public String toString() {
        return port + "/" + protocol;
    }
}
