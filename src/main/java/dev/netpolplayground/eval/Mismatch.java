package dev.netpolplayground.eval;

/** The fact that makes a peer or port entry fail to match; explain/ turns it into a sentence. */
public sealed interface Mismatch {

    /** A pod selector needed {@code wanted} but the pod's labels do not satisfy it. */
    record PodLabels(String endpoint, String wanted) implements Mismatch {
    }

    /** A namespace selector needed {@code wanted} but the namespace's labels do not satisfy it. */
    record NamespaceLabels(String namespace, String wanted) implements Mismatch {
    }

    /** A peer without namespaceSelector only looks in the policy's namespace. */
    record OtherNamespace(String endpointNamespace, String policyNamespace) implements Mismatch {
    }

    /** Pod selectors never match addresses outside the cluster. */
    record NotAPod(String endpoint) implements Mismatch {
    }

    /** Pod selectors do not match host-network pods (their traffic looks like the node's). */
    record HostNetworkPeer(String endpoint) implements Mismatch {
    }

    /** None of the endpoint's addresses is in the block's CIDR. */
    record OutsideCidr(String addresses, String cidr) implements Mismatch {
    }

    /** The address is in the CIDR but also in an except entry. */
    record InExcept(String address, String except) implements Mismatch {
    }

    /** The probe's protocol differs from the entry's. */
    record WrongProtocol(String probe, String allowed) implements Mismatch {
    }

    /** The probe's port is outside the entry's port or range. */
    record WrongPort(String probe, String allowed) implements Mismatch {
    }

    /** The destination declares no container port with that name and protocol. */
    record NamedPortMissing(String destination, String name, String protocol) implements Mismatch {
    }

    /** The destination declares the named port, but on another number. */
    record NamedPortElsewhere(String destination, String name, int declaredPort, String probe) implements Mismatch {
    }

    /** Named ports are resolved on pods; an external destination has none. */
    record NamedPortExternal(String destination, String name) implements Mismatch {
    }
}
