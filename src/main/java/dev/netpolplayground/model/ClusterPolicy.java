package dev.netpolplayground.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * A cluster-scoped policy in one of its three shapes, compiled to one model: a v1alpha2
 * ClusterNetworkPolicy, or a v1alpha1 AdminNetworkPolicy (Admin tier) or BaselineAdminNetworkPolicy
 * (Baseline tier, no priority). Unlike a NetworkPolicy it never isolates: a rule decides only the
 * traffic it matches.
 *
 * @param priority lower is consulted first within the tier; empty for the BaselineAdminNetworkPolicy
 */
public record ClusterPolicy(Api api, String name, Tier tier, OptionalInt priority, Subject subject,
                            List<TierRule> ingress, List<TierRule> egress, Source source) {
    public ClusterPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** The API a cluster policy was written in, and how that API words it. */
    public enum Api {
        CLUSTER_NETWORK_POLICY("ClusterNetworkPolicy", "policy.networking.k8s.io/v1alpha2"),
        ADMIN_NETWORK_POLICY("AdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"),
        BASELINE_ADMIN_NETWORK_POLICY("BaselineAdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1");

        private final String kind;
        private final String apiVersion;

        Api(String kind, String apiVersion) {
            this.kind = kind;
            this.apiVersion = apiVersion;
        }

        public String kind() {
            return kind;
        }

        public String apiVersion() {
            return apiVersion;
        }

        /** The action as this API spells it: v1alpha1 says Allow where v1alpha2 says Accept. */
        public String word(Action action) {
            return switch (action) {
                case ACCEPT -> this == CLUSTER_NETWORK_POLICY ? "Accept" : "Allow";
                case DENY -> "Deny";
                case PASS -> "Pass";
            };
        }

        public boolean v1alpha1() {
            return this != CLUSTER_NETWORK_POLICY;
        }
    }

    public List<TierRule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** Whether the subject takes in {@code endpoint}: pods only, never host-network pods or outside addresses. */
    public boolean selects(Endpoint endpoint, Namespace namespace) {
        return subject.selects(endpoint, namespace);
    }

    /**
     * Whether this policy is consulted strictly before {@code other} of the same tier: only a smaller
     * priority says so. Equal priorities, and a policy without one, leave the order to the plugin.
     */
    public boolean before(ClusterPolicy other) {
        return priority.isPresent() && other.priority.isPresent()
                && priority.getAsInt() < other.priority.getAsInt();
    }

    /** Neither is forced before the other: equal priority, or one of them has none. */
    public boolean unorderedWith(ClusterPolicy other) {
        return !before(other) && !other.before(this);
    }

    /** "ClusterNetworkPolicy 'deny-y' (Admin, priority 10)". */
    public String label() {
        String where = api == Api.CLUSTER_NETWORK_POLICY ? tier.word() + ", " : "";
        String rank = priority.isPresent() ? "priority " + priority.getAsInt() : "no priority";
        return api.kind() + " '" + name + "' (" + where + rank + ")";
    }

    /** Unique across kinds: "ClusterNetworkPolicy/deny-y". */
    public String id() {
        return api.kind() + "/" + name;
    }
}
