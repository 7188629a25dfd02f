package dev.netpolplayground.model;

import java.util.List;

/**
 * One ingress or egress rule. Both lists are never empty: the parser turns an absent or empty
 * list into {@link Peer.AnyPeer} or {@link PortMatch.AnyPort}.
 *
 * @param number 1-based position in the policy's ingress or egress list, as users count
 */
public record Rule(Direction direction, int number, List<Peer> peers, List<PortMatch> ports) {
    public Rule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
        if (peers.isEmpty() || ports.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one peer and one port entry");
        }
    }

    public boolean anyPeer() {
        return peers.get(0) instanceof Peer.AnyPeer;
    }

    public boolean anyPort() {
        return ports.get(0) instanceof PortMatch.AnyPort;
    }

    /** "ingress rule #2" */
    public String label() {
        return direction.word() + " rule #" + number;
    }
}
