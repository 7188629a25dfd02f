package dev.netpolplayground.model;

import java.util.List;
import java.util.Set;

/**
 * A NetworkPolicy after defaulting: {@code isolates} holds the effective policyTypes, and
 * rules of a direction the policy does not isolate are kept (for lints) but never applied.
 */
public record Policy(String namespace, String name, LabelSelector podSelector, Set<Direction> isolates,
                     List<Rule> ingress, List<Rule> egress, Source source) {
    public Policy {
        isolates = Set.copyOf(isolates);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    public String id() {
        return namespace + "/" + name;
    }

    public boolean isolates(Direction direction) {
        return isolates.contains(direction);
    }

    public List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** Whether this policy applies to the endpoint at all (same namespace, selector matches). */
    public boolean selects(Endpoint endpoint) {
        return endpoint.policyApplies() && endpoint.namespace().equals(namespace)
                && podSelector.matches(endpoint.labels());
    }
}
