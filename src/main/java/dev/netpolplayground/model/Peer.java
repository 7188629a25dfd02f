package dev.netpolplayground.model;

import java.util.List;

/** One entry of a rule's from/to list, or the "any peer" that an absent or empty list means. */
public sealed interface Peer permits Peer.AnyPeer, Peer.PodPeer, Peer.IpBlockPeer, Peer.NetworksPeer,
        Peer.UnevaluatedPeer {

    /**
     * Whether this entry admits {@code endpoint}, which stands in {@code namespaceOfEndpoint}. Pod
     * peers match only pods subject to policy (host-network pods count as node traffic); ipBlocks
     * match any endpoint with an address in the block, pods included, as the upstream e2e tests expect.
     */
    boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint);

    <R> R accept(Visitor<R> visitor);

    /** Whether it matches by address, so each endpoint must be asked (not one per class of same-labelled pods). */
    default boolean byAddress() {
        return false;
    }

    /** Whether it selects pods by namespace and labels, so that it can match no pod of a scenario. */
    default boolean selectsPods() {
        return false;
    }

    /** One method per kind of peer, for what another layer says or computes about each. */
    interface Visitor<R> {
        R any(AnyPeer peer);

        R pods(PodPeer peer);

        R ipBlock(IpBlockPeer peer);

        R networks(NetworksPeer peer);

        R unevaluated(UnevaluatedPeer peer);
    }

    /** Absent or empty {@code from}/{@code to}: every source or destination, inside or outside. */
    record AnyPeer() implements Peer {
        @Override
        public boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.any(this);
        }

        @Override
        public String toString() {
            return "any peer";
        }
    }

    /** podSelector and/or namespaceSelector in one entry: both must match (AND). */
    record PodPeer(NamespaceScope namespaces, LabelSelector pods) implements Peer {
        @Override
        public boolean selectsPods() {
            return true;
        }

        @Override
        public boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint) {
            return endpoint.policyApplies() && namespaces.matches(namespaceOfEndpoint) && pods.matches(endpoint.labels());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pods(this);
        }

        @Override
        public String toString() {
            String podPart = pods.isEmpty() ? "all pods" : "pods " + pods;
            return podPart + " in " + namespaces;
        }
    }

    /** An ipBlock: addresses in {@code cidr} but in none of {@code except}. */
    record IpBlockPeer(Cidr cidr, List<Cidr> except) implements Peer {
        public IpBlockPeer {
            except = List.copyOf(except);
        }

        @Override
        public boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint) {
            return endpoint.ips().stream().anyMatch(this::contains);
        }

        @Override
        public boolean byAddress() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ipBlock(this);
        }

        public boolean contains(IpAddress address) {
            if (!cidr.contains(address)) {
                return false;
            }
            for (Cidr hole : except) {
                if (hole.contains(address)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            if (except.isEmpty()) {
                return "ipBlock " + cidr;
            }
            StringBuilder out = new StringBuilder("ipBlock " + cidr + " except ");
            for (int i = 0; i < except.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(except.get(i));
            }
            return out.toString();
        }
    }

    /**
     * A cluster policy's {@code networks} peer: any address in one of the CIDRs. Pod addresses count
     * too, host-network pods included, so Deny 0.0.0.0/0 also cuts pod-to-pod traffic.
     */
    record NetworksPeer(List<Cidr> cidrs) implements Peer {
        public NetworksPeer {
            cidrs = List.copyOf(cidrs);
        }

        @Override
        public boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint) {
            return endpoint.ips().stream().anyMatch(address -> cidrs.stream().anyMatch(c -> c.contains(address)));
        }

        @Override
        public boolean byAddress() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.networks(this);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("networks ");
            for (int i = 0; i < cidrs.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(cidrs.get(i));
            }
            return out.toString();
        }
    }

    /**
     * A {@code nodes} or {@code domainNames} peer: it needs Node objects or DNS answers that a pasted
     * scenario does not have, so it is shown but matches nothing here, and every explanation says so.
     */
    record UnevaluatedPeer(String field, String written) implements Peer {
        /** The field of an empty peer {@code {}}, which an Accept rule treats as matching nothing (fail closed). */
        public static final String EMPTY = "an empty peer";

        @Override
        public boolean matches(Endpoint endpoint, Namespace namespaceOfEndpoint) {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unevaluated(this);
        }

        @Override
        public String toString() {
            return field + " " + written + " (not evaluated)";
        }
    }
}
