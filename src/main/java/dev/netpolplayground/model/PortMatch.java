package dev.netpolplayground.model;

import java.util.List;
import java.util.Optional;

/** One entry of a rule's ports list, or the "any port" that an absent or empty list means. */
public sealed interface PortMatch permits PortMatch.AnyPort, PortMatch.AllPortsOf, PortMatch.PortRange,
        PortMatch.NamedPort, PortMatch.DestinationNamedPort {

    /** Whether this entry admits {@code probe} to {@code destination} (a named port is looked up on it). */
    boolean matches(Probe probe, Endpoint destination);

    /** The answer when it is the same for every destination; empty for named ports, which depend on it. */
    Optional<Boolean> everywhere(Probe probe);

    <R> R accept(Visitor<R> visitor);

    /** The probes at the edges of a port range, which the default probes include; none for other entries. */
    default List<Probe> edges() {
        return List.of();
    }

    /** Whether the entry names a port, whose number is looked up on each destination. */
    default boolean dependsOnDestination() {
        return false;
    }

    /** One method per kind of port entry, for what another layer says or computes about each. */
    interface Visitor<R> {
        R any(AnyPort port);

        R allOf(AllPortsOf port);

        R range(PortRange port);

        R named(NamedPort port);

        R destinationNamed(DestinationNamedPort port);
    }

    /** Absent or empty {@code ports}: every port of every protocol. */
    record AnyPort() implements PortMatch {
        @Override
        public boolean matches(Probe probe, Endpoint destination) {
            return true;
        }

        @Override
        public Optional<Boolean> everywhere(Probe probe) {
            return Optional.of(true);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.any(this);
        }

        @Override
        public String toString() {
            return "any port";
        }
    }

    /** A ports entry with a protocol but no port: every port of that protocol. */
    record AllPortsOf(Protocol protocol) implements PortMatch {
        @Override
        public boolean matches(Probe probe, Endpoint destination) {
            return probe.protocol() == protocol;
        }

        @Override
        public Optional<Boolean> everywhere(Probe probe) {
            return Optional.of(probe.protocol() == protocol);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.allOf(this);
        }

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
        public List<Probe> edges() {
            return List.of(new Probe(from, protocol), new Probe(to, protocol));
        }

        @Override
        public boolean matches(Probe probe, Endpoint destination) {
            return covers(probe);
        }

        @Override
        public Optional<Boolean> everywhere(Probe probe) {
            return Optional.of(covers(probe));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.range(this);
        }

        @Override
        public String toString() {
            return from == to ? from + "/" + protocol : from + "-" + to + "/" + protocol;
        }
    }

    /** A port name, resolved against the destination pod's container ports. */
    record NamedPort(Protocol protocol, String name) implements PortMatch {
        @Override
        public boolean dependsOnDestination() {
            return true;
        }

        /** Named ports resolve against the destination's container ports: name, protocol and number. */
        @Override
        public boolean matches(Probe probe, Endpoint destination) {
            return protocol == probe.protocol() && declaredOn(destination) == probe.port();
        }

        @Override
        public Optional<Boolean> everywhere(Probe probe) {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.named(this);
        }

        /** The number {@code destination} declares for this name and protocol, or -1 when it declares none. */
        public int declaredOn(Endpoint destination) {
            if (destination.external()) {
                return -1;
            }
            for (ContainerPort declared : destination.ports()) {
                if (declared.name().equals(name) && declared.protocol() == protocol) {
                    return declared.port();
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return "named port " + name + "/" + protocol;
        }
    }

    /**
     * A cluster policy's named port: the destination pod's container port of that name, whatever its
     * protocol, so it admits a probe whose number and protocol both equal that port's.
     */
    record DestinationNamedPort(String name) implements PortMatch {
        @Override
        public boolean dependsOnDestination() {
            return true;
        }

        @Override
        public boolean matches(Probe probe, Endpoint destination) {
            return declaredOn(destination, probe.protocol()) == probe.port();
        }

        @Override
        public Optional<Boolean> everywhere(Probe probe) {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.destinationNamed(this);
        }

        /** The number {@code destination} declares for this name with {@code protocol}, or -1 when none. */
        public int declaredOn(Endpoint destination, Protocol protocol) {
            return new NamedPort(protocol, name).declaredOn(destination);
        }

        @Override
        public String toString() {
            return "named port " + name;
        }
    }
}
