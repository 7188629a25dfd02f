package dev.netpolplayground.eval;

import dev.netpolplayground.model.ContainerPort;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;

/** The two primitive questions every evaluator and lint asks: does a peer match an endpoint, does a port match a probe. */
public final class Match {
    private Match() {
    }

    /**
     * Pod peers match only pods subject to policy (host-network pods count as node traffic); ipBlocks
     * match any endpoint with an address in the block, pods included, as the upstream e2e tests expect.
     */
    public static boolean peer(Peer peer, Endpoint endpoint, Namespace namespaceOfEndpoint) {
        if (peer instanceof Peer.AnyPeer) {
            return true;
        }
        if (peer instanceof Peer.PodPeer) {
            Peer.PodPeer pods = (Peer.PodPeer) peer;
            return endpoint.policyApplies() && pods.namespaces().matches(namespaceOfEndpoint)
                    && pods.pods().matches(endpoint.labels());
        }
        Peer.IpBlockPeer block = (Peer.IpBlockPeer) peer;
        for (IpAddress address : endpoint.ips()) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Named ports resolve against the destination's container ports (name, protocol and number). */
    public static boolean port(PortMatch port, Probe probe, Endpoint destination) {
        if (!(port instanceof PortMatch.NamedPort)) {
            return fixedPort(port, probe);
        }
        PortMatch.NamedPort named = (PortMatch.NamedPort) port;
        return named.protocol() == probe.protocol() && declaredPort(destination, named) == probe.port();
    }

    /** Port entries that do not depend on the destination: any port, a protocol, a number or range. */
    public static boolean fixedPort(PortMatch port, Probe probe) {
        if (port instanceof PortMatch.AnyPort) {
            return true;
        }
        if (port instanceof PortMatch.AllPortsOf) {
            return ((PortMatch.AllPortsOf) port).protocol() == probe.protocol();
        }
        if (port instanceof PortMatch.PortRange) {
            return ((PortMatch.PortRange) port).covers(probe);
        }
        throw new IllegalArgumentException("named ports depend on the destination: " + port);
    }

    /** The number the destination declares for a named port, or -1 when it declares none. */
    public static int declaredPort(Endpoint destination, PortMatch.NamedPort named) {
        if (destination.external()) {
            return -1;
        }
        for (ContainerPort declared : destination.ports()) {
            if (declared.name().equals(named.name()) && declared.protocol() == named.protocol()) {
                return declared.port();
            }
        }
        return -1;
    }
}
