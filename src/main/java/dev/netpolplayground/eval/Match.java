package dev.netpolplayground.eval;

import dev.netpolplayground.model.ContainerPort;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;

/** Does a port entry match a probe: the question every evaluator and lint asks (peers answer theirs: {@code Peer.matches}). */
public final class Match {
    private Match() {
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
