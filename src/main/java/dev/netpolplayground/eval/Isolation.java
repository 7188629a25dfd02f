package dev.netpolplayground.eval;

import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Tier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policies select each endpoint, which of them isolate it for each direction, and which
 * cluster policies of each tier take it in as a subject: the one
 * place this is computed, built once per evaluation and read by the engine, the explaining
 * decider, the lints and the page. Endpoints that share namespace and labels are selected by the
 * same policies, so each such class is matched against the policies once. Outside addresses and
 * host-network pods are selected by none: NetworkPolicy does not govern them.
 */
public final class Isolation {
    /** The policies selecting one class of endpoints, in the scenario's order, and those isolating it per direction. */
    private record Selected(List<Policy> all, List<Policy> egress, List<Policy> ingress, List<ClusterPolicy> admin,
                            List<ClusterPolicy> baseline) {
        static final Selected NONE = new Selected(List.of(), List.of(), List.of(), List.of(), List.of());

        List<Policy> isolating(Direction direction) {
            return direction == Direction.EGRESS ? egress : ingress;
        }
    }

    /**
     * The order in which a tier consults its policies: priority ascending, those without a priority
     * last; ties (whose order the API leaves open) by kind and name, so explanations read the same.
     */
    public static final Comparator<ClusterPolicy> TIER_ORDER = Comparator
            .comparingInt((ClusterPolicy p) -> p.priority().orElse(Integer.MAX_VALUE))
            .thenComparing(p -> p.api().kind()).thenComparing(ClusterPolicy::name);

    private final List<Policy> policies;
    private final List<ClusterPolicy> clusterPolicies;
    private final Map<String, Namespace> namespaces;
    private final Map<List<Object>, Selected> byClass = new HashMap<>();
    private final Map<Endpoint, Selected> byEndpoint = new IdentityHashMap<>();
    private final List<Endpoint> endpoints;
    /** The index read backwards, policy → endpoints it selects; built on first use. */
    private Map<Object, List<Endpoint>> selectedBy;

    private Isolation(Scenario scenario) {
        this.policies = scenario.policies();
        this.clusterPolicies = scenario.clusterPolicies().stream().sorted(TIER_ORDER).toList();
        this.namespaces = scenario.namespacesByName();
        this.endpoints = scenario.endpoints();
    }

    public static Isolation of(Scenario scenario) {
        return of(scenario, Deadline.NONE);
    }

    /** @param deadline checked for every class of endpoints matched against the policies */
    public static Isolation of(Scenario scenario, Deadline deadline) {
        Isolation isolation = new Isolation(scenario);
        for (Endpoint endpoint : scenario.endpoints()) {
            isolation.byEndpoint.put(endpoint, isolation.find(endpoint, deadline));
        }
        return isolation;
    }

    /** The policies that select {@code endpoint} and isolate it for {@code direction}, in the scenario's order. */
    public List<Policy> isolating(Endpoint endpoint, Direction direction) {
        return selected(endpoint).isolating(direction);
    }

    /** Every policy that selects {@code endpoint}, whatever its policyTypes, in the scenario's order. */
    public List<Policy> selecting(Endpoint endpoint) {
        return selected(endpoint).all();
    }

    /** The policies of {@code tier} whose subject takes in {@code endpoint}, in {@link #TIER_ORDER}. */
    public List<ClusterPolicy> tierPolicies(Endpoint endpoint, Tier tier) {
        return tier == Tier.ADMIN ? selected(endpoint).admin() : selected(endpoint).baseline();
    }

    /** The endpoints that {@code policy} selects, in the scenario's order. */
    public List<Endpoint> selectedBy(Policy policy) {
        return inverse().getOrDefault(policy, List.of());
    }

    /** The endpoints that {@code policy} takes in as subjects, in the scenario's order. */
    public List<Endpoint> subjectsOf(ClusterPolicy policy) {
        return inverse().getOrDefault(policy, List.of());
    }

    private synchronized Map<Object, List<Endpoint>> inverse() {
        if (selectedBy == null) {
            Map<Object, List<Endpoint>> inverse = new IdentityHashMap<>();
            for (Endpoint endpoint : endpoints) {
                Selected selected = selected(endpoint);
                for (List<?> policies : List.of(selected.all(), selected.admin(), selected.baseline())) {
                    policies.forEach(policy -> inverse.computeIfAbsent(policy, k -> new ArrayList<>()).add(endpoint));
                }
            }
            selectedBy = inverse;
        }
        return selectedBy;
    }

    /** Whether the scenario has any policy of {@code tier}, selecting anything or not. */
    public boolean hasTier(Tier tier) {
        return clusterPolicies.stream().anyMatch(policy -> policy.tier() == tier);
    }

    private Selected selected(Endpoint endpoint) {
        Selected known = byEndpoint.get(endpoint);
        return known != null ? known : find(endpoint, Deadline.NONE);
    }

    private Selected find(Endpoint endpoint, Deadline deadline) {
        if (!endpoint.policyApplies()) {
            return Selected.NONE;
        }
        return byClass.computeIfAbsent(List.of(endpoint.namespace(), endpoint.labels()), key -> {
            deadline.check();
            List<Policy> all = new ArrayList<>();
            List<Policy> egress = new ArrayList<>();
            List<Policy> ingress = new ArrayList<>();
            for (Policy policy : policies) {
                if (policy.selects(endpoint)) {
                    all.add(policy);
                    if (policy.isolates(Direction.EGRESS)) {
                        egress.add(policy);
                    }
                    if (policy.isolates(Direction.INGRESS)) {
                        ingress.add(policy);
                    }
                }
            }
            Namespace namespace = namespaces.get(endpoint.namespace());
            List<ClusterPolicy> admin = new ArrayList<>();
            List<ClusterPolicy> baseline = new ArrayList<>();
            for (ClusterPolicy policy : clusterPolicies) {
                if (policy.selects(endpoint, namespace)) {
                    (policy.tier() == Tier.ADMIN ? admin : baseline).add(policy);
                }
            }
            return new Selected(List.copyOf(all), List.copyOf(egress), List.copyOf(ingress), List.copyOf(admin),
                    List.copyOf(baseline));
        });
    }
}
