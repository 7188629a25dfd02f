package dev.netpolplayground.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the evaluator needs: namespaces, endpoints (pods, workloads, externals), NetworkPolicies
 * and cluster-scoped policies.
 */
public record Scenario(List<Namespace> namespaces, List<Endpoint> endpoints, List<Policy> policies,
                       List<ClusterPolicy> clusterPolicies) {
    public Scenario {
        namespaces = List.copyOf(namespaces);
        endpoints = List.copyOf(endpoints);
        policies = List.copyOf(policies);
        clusterPolicies = List.copyOf(clusterPolicies);
    }

    /** A scenario with NetworkPolicies only. */
    public Scenario(List<Namespace> namespaces, List<Endpoint> endpoints, List<Policy> policies) {
        this(namespaces, endpoints, policies, List.of());
    }

    public Map<String, Namespace> namespacesByName() {
        Map<String, Namespace> byName = new HashMap<>();
        namespaces.forEach(namespace -> byName.put(namespace.name(), namespace));
        return byName;
    }

    /** The same scenario with outside addresses added as endpoints (skipping ones already present). */
    public Scenario withExternals(List<IpAddress> addresses) {
        List<Endpoint> all = new ArrayList<>(endpoints);
        Set<String> ids = new HashSet<>();
        endpoints.forEach(e -> ids.add(e.id()));
        for (IpAddress address : addresses) {
            Endpoint external = Endpoint.external(address);
            if (ids.add(external.id())) {
                all.add(external);
            }
        }
        return new Scenario(namespaces, all, policies, clusterPolicies);
    }
}
