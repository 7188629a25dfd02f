package dev.netpolplayground.eval;

import dev.netpolplayground.model.Peer;

/**
 * The fact that makes a peer or port entry fail to match; explain/ turns it into a sentence through
 * a {@link Visitor}, so that a new kind of mismatch is a compile error wherever it must be said.
 */
public sealed interface Mismatch {
    <R> R accept(Visitor<R> visitor);

    /** Whether the peer could match in a real cluster, with Node objects or DNS the scenario lacks. */
    default boolean needsClusterData() {
        return false;
    }

    /** One method per kind of mismatch. */
    interface Visitor<R> {
        R podLabels(PodLabels mismatch);

        R namespaceLabels(NamespaceLabels mismatch);

        R otherNamespace(OtherNamespace mismatch);

        R notAPod(NotAPod mismatch);

        R hostNetworkPeer(HostNetworkPeer mismatch);

        R outsideCidr(OutsideCidr mismatch);

        R inExcept(InExcept mismatch);

        R wrongProtocol(WrongProtocol mismatch);

        R wrongPort(WrongPort mismatch);

        R namedPortMissing(NamedPortMissing mismatch);

        R namedPortElsewhere(NamedPortElsewhere mismatch);

        R namedPortExternal(NamedPortExternal mismatch);

        R notEvaluated(NotEvaluated mismatch);
    }

    /** A pod selector needed {@code wanted} but the pod's labels do not satisfy it. */
    record PodLabels(String endpoint, String wanted) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.podLabels(this);
        }
    }

    /** A namespace selector needed {@code wanted} but the namespace's labels do not satisfy it. */
    record NamespaceLabels(String namespace, String wanted) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.namespaceLabels(this);
        }
    }

    /** A peer without namespaceSelector only looks in the policy's namespace. */
    record OtherNamespace(String endpointNamespace, String policyNamespace) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.otherNamespace(this);
        }
    }

    /** Pod selectors never match addresses outside the cluster. */
    record NotAPod(String endpoint) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notAPod(this);
        }
    }

    /** Pod selectors do not match host-network pods (their traffic looks like the node's). */
    record HostNetworkPeer(String endpoint) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hostNetworkPeer(this);
        }
    }

    /** None of the endpoint's addresses is in the block's CIDR. */
    record OutsideCidr(String addresses, String cidr) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.outsideCidr(this);
        }
    }

    /** The address is in the CIDR but also in an except entry. */
    record InExcept(String address, String except) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inExcept(this);
        }
    }

    /** The probe's protocol differs from the entry's. */
    record WrongProtocol(String probe, String allowed) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrongProtocol(this);
        }
    }

    /** The probe's port is outside the entry's port or range. */
    record WrongPort(String probe, String allowed) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrongPort(this);
        }
    }

    /** The destination declares no container port with that name and protocol. */
    record NamedPortMissing(String destination, String name, String protocol) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.namedPortMissing(this);
        }
    }

    /** The destination declares the named port, but on another number. */
    record NamedPortElsewhere(String destination, String name, int declaredPort, String probe) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.namedPortElsewhere(this);
        }
    }

    /** Named ports are resolved on pods; an external destination has none. */
    record NamedPortExternal(String destination, String name) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.namedPortExternal(this);
        }
    }

    /**
     * A nodes or domainNames peer: a pasted scenario has no Node objects or DNS to match it against;
     * or an empty peer, which fails closed in an Accept rule ({@link Peer.UnevaluatedPeer#EMPTY}).
     */
    record NotEvaluated(String field) implements Mismatch {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notEvaluated(this);
        }

        public boolean failsClosed() {
            return field.equals(Peer.UnevaluatedPeer.EMPTY);
        }

        @Override
        public boolean needsClusterData() {
            return !failsClosed();
        }
    }
}
