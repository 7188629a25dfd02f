package dev.netpolplayground.model;

import java.util.Optional;

/**
 * The pods a cluster policy applies to: every pod of the matching namespaces, or, with {@code pods},
 * the pods matching both selectors. Host-network pods and outside addresses are never subjects.
 */
public record Subject(LabelSelector namespaces, Optional<LabelSelector> pods) {

    public boolean selects(Endpoint endpoint, Namespace namespace) {
        return endpoint.policyApplies() && namespace != null && namespaces.matches(namespace.labels())
                && pods.map(selector -> selector.matches(endpoint.labels())).orElse(true);
    }

    @Override
    public String toString() {
        String where = namespaces.isEmpty() ? "all namespaces" : "namespaces " + namespaces;
        return pods.map(selector -> (selector.isEmpty() ? "all pods" : "pods " + selector) + " in " + where)
                .orElse("every pod in " + where);
    }
}
