package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Chain;
import dev.netpolplayground.eval.Isolation;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.TierDecision;
import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Warnings for the mistakes of cluster-scoped tiers, found on an evaluated scenario: policies whose
 * order the API leaves open, rules that can never decide, and a Deny by address that also cuts
 * traffic between pods. (nodes and domainNames peers, and v1alpha1 next to v1alpha2, are warned
 * about while parsing.)
 */
public final class TierLints {
    /**
     * Most directions walked to find the rules that never decide (endpoints selected by a cluster
     * policy × endpoints × probes × 2). Above it, on a large dump, those two checks are left out.
     */
    static final long MAX_WALKS = 60_000;
    private static final int NAMED = 3;

    private TierLints() {
    }

    public static List<Problem> of(Matrix matrix, Deadline deadline) {
        Scenario scenario = matrix.scenario();
        if (scenario.clusterPolicies().isEmpty()) {
            return List.of();
        }
        List<Problem> warnings = new ArrayList<>();
        Map<ClusterPolicy, List<Endpoint>> subjects = new IdentityHashMap<>();
        scenario.clusterPolicies().forEach(policy -> subjects.put(policy, matrix.isolation().subjectsOf(policy)));
        unordered(scenario, subjects, warnings, deadline);
        Set<ClusterPolicy> behindNetworkPolicies = baselineBehindNetworkPolicies(matrix, subjects, warnings);
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < matrix.endpoints().size(); i++) {
            Endpoint endpoint = matrix.endpoints().get(i);
            if (!matrix.isolation().tierPolicies(endpoint, Tier.ADMIN).isEmpty()
                    || !matrix.isolation().tierPolicies(endpoint, Tier.BASELINE).isEmpty()) {
                selected.add(i);
            }
        }
        long walks = 2L * selected.size() * matrix.endpoints().size() * matrix.probes().size();
        if (walks <= MAX_WALKS) {
            new Scan(matrix, deadline).run(selected, behindNetworkPolicies, warnings);
        }
        return warnings;
    }

    private static Problem at(ClusterPolicy policy, String path, String message) {
        return Problem.warning(message, policy.source().firstLine(), 1, path);
    }

    private static String path(TierRule rule) {
        return "spec." + rule.direction().word() + "[" + (rule.number() - 1) + "]";
    }

    private static String pods(List<Endpoint> endpoints) {
        return endpoints.stream().limit(NAMED).map(Endpoint::display).collect(Collectors.joining(", "))
                + (endpoints.size() > NAMED ? " and " + (endpoints.size() - NAMED) + " more" : "");
    }

    /**
     * Two policies of one tier whose order is not defined (equal priority, v1alpha1 next to v1alpha2
     * at one priority, or one without a priority) that select a pod in common (network-policy-api#222).
     */
    private static void unordered(Scenario scenario, Map<ClusterPolicy, List<Endpoint>> subjects,
                                  List<Problem> warnings, Deadline deadline) {
        List<ClusterPolicy> ordered = scenario.clusterPolicies().stream().sorted(Isolation.TIER_ORDER).toList();
        Map<ClusterPolicy, Set<Endpoint>> sets = new IdentityHashMap<>();
        int reported = 0;
        for (int i = 0; i < ordered.size() && reported < Problem.LISTED; i++) {
            for (int j = i + 1; j < ordered.size() && reported < Problem.LISTED; j++) {
                ClusterPolicy first = ordered.get(i);
                ClusterPolicy second = ordered.get(j);
                if (first.tier() != second.tier() || !first.unorderedWith(second)) {
                    continue;
                }
                deadline.check();
                boolean firstSmaller = subjects.get(first).size() <= subjects.get(second).size();
                Set<Endpoint> larger = sets.computeIfAbsent(firstSmaller ? second : first, policy -> {
                    Set<Endpoint> set = Collections.newSetFromMap(new IdentityHashMap<>());
                    set.addAll(subjects.get(policy));
                    return set;
                });
                List<Endpoint> both = subjects.get(firstSmaller ? first : second).stream().filter(larger::contains)
                        .toList();
                if (both.isEmpty()) {
                    continue;
                }
                reported++;
                String why = first.priority().isPresent() && second.priority().isPresent()
                        ? "both have priority " + first.priority().getAsInt()
                        : (first.priority().isEmpty() ? first : second).api().kind() + " '"
                        + (first.priority().isEmpty() ? first : second).name() + "' has no priority";
                warnings.add(at(second, "spec.priority", first.label() + " and " + second.label() + " both select "
                        + pods(both) + ", and " + why + ": the API leaves their order to the network plugin."
                        + " Where their rules disagree the cell is shown as undefined (?)."
                        + (first.priority().isPresent() && second.priority().isPresent()
                        ? " Give them different priorities to say which comes first." : "")));
            }
        }
    }

    /**
     * Baseline rules of a direction in which NetworkPolicies isolate every pod the policy selects:
     * NetworkPolicy decides for the pods it isolates, so the Baseline tier is never consulted.
     */
    private static Set<ClusterPolicy> baselineBehindNetworkPolicies(Matrix matrix,
                                                                    Map<ClusterPolicy, List<Endpoint>> subjects,
                                                                    List<Problem> warnings) {
        Set<ClusterPolicy> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ClusterPolicy policy : matrix.scenario().clusterPolicies()) {
            List<Endpoint> selected = subjects.get(policy);
            if (policy.tier() != Tier.BASELINE || selected.isEmpty()) {
                continue;
            }
            for (Direction direction : Direction.values()) {
                if (policy.rules(direction).isEmpty() || selected.stream()
                        .anyMatch(e -> matrix.isolation().isolating(e, direction).isEmpty())) {
                    continue;
                }
                reported.add(policy);
                warnings.add(at(policy, "spec." + direction.word(), policy.label() + ": its " + direction.word()
                        + " rules never apply. NetworkPolicies isolate every pod it selects (" + pods(selected)
                        + ") for " + direction.word() + ", and NetworkPolicy decides for the pods it isolates, so the"
                        + " Baseline tier is never consulted for their " + direction.word() + "."));
            }
        }
        return reported;
    }

    /** One walk of the tiers over every pair and probe, recording which rules decide what. */
    private static final class Scan {
        private final Matrix matrix;
        private final Deadline deadline;
        private final Map<String, Namespace> namespaces;
        private final Set<TierRule> deciding = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<TierRule, Denied> podsDenied = new LinkedHashMap<>();
        private long walks;

        /** A Deny by address that decided traffic between pods, with the first such traffic. */
        private record Denied(ClusterPolicy policy, String example) {
        }

        Scan(Matrix matrix, Deadline deadline) {
            this.matrix = matrix;
            this.deadline = deadline;
            this.namespaces = matrix.scenario().namespacesByName();
        }

        void run(List<Integer> selected, Set<ClusterPolicy> behindNetworkPolicies, List<Problem> warnings) {
            for (int s : selected) {
                for (int t = 0; t < matrix.endpoints().size(); t++) {
                    if (t == s) {
                        continue;
                    }
                    deadline.check();
                    for (int p = 0; p < matrix.probes().size(); p++) {
                        for (Direction direction : Direction.values()) {
                            record(matrix.chain(direction, s, t, p), matrix.endpoints().get(t), p);
                        }
                    }
                }
            }
            podsDenied.forEach((rule, denied) -> warnings.add(at(denied.policy(), path(rule), denied.policy().label()
                    + " " + rule.label() + " denies by address, and networks match pod addresses too: it also"
                    + " denies traffic between pods (" + denied.example() + "). If it is meant for traffic leaving"
                    + " the cluster, put a rule before it that passes (or accepts) the pods' range.")));
            for (ClusterPolicy policy : matrix.scenario().clusterPolicies()) {
                if (behindNetworkPolicies.contains(policy)) {
                    continue;
                }
                for (Direction direction : Direction.values()) {
                    for (TierRule rule : policy.rules(direction)) {
                        if (!deciding.contains(rule)) {
                            shadowed(policy, rule, selected).ifPresent(instead -> warnings.add(at(policy, path(rule),
                                    policy.label() + " " + rule.label() + " never decides anything in this scenario:"
                                            + " the traffic it matches (" + instead + ".")));
                        }
                    }
                }
            }
        }

        private void record(Chain chain, Endpoint peer, int probe) {
            chain.admin().ifPresent(tier -> record(tier, chain, peer, probe));
            if (chain.baselineConsulted()) {
                chain.baseline().ifPresent(tier -> record(tier, chain, peer, probe));
            }
        }

        private void record(TierDecision tier, Chain chain, Endpoint peer, int probe) {
            tier.rivals().forEach(rival -> deciding.add(rival.rule()));
            tier.hit().ifPresent(hit -> {
                deciding.add(hit.rule());
                if (hit.rule().action() == Action.DENY && hit.peer().byAddress() && !peer.external()) {
                    podsDenied.putIfAbsent(hit.rule(), new Denied(hit.policy(), traffic(chain, peer, probe)));
                }
            });
        }

        private String traffic(Chain chain, Endpoint peer, int probe) {
            Endpoint subject = chain.subject();
            return (chain.direction() == Direction.EGRESS ? subject.display() + " → " + peer.display()
                    : peer.display() + " → " + subject.display()) + " on " + matrix.probes().get(probe);
        }

        /**
         * For a rule that decided nothing: the first traffic it matches and what decides it instead.
         * Empty when it matches nothing, or when what decides some of that traffic is a policy whose
         * order with this one is left open (then the rule may decide it, in another order).
         */
        private Optional<String> shadowed(ClusterPolicy policy, TierRule rule, List<Integer> selected) {
            Optional<String> first = Optional.empty();
            for (int s : selected) {
                Endpoint subject = matrix.endpoints().get(s);
                if (!policy.selects(subject, namespaces.get(subject.namespace()))) {
                    continue;
                }
                for (int t = 0; t < matrix.endpoints().size(); t++) {
                    Endpoint peer = matrix.endpoints().get(t);
                    if (t == s || rule.rule().peers().stream()
                            .noneMatch(p -> p.matches(peer, namespaces.get(peer.namespace())))) {
                        continue;
                    }
                    deadline.check();
                    Endpoint destination = rule.direction() == Direction.EGRESS ? peer : subject;
                    for (int p = 0; p < matrix.probes().size(); p++) {
                        int probe = p;
                        if (rule.rule().ports().stream().noneMatch(port -> port.matches(matrix.probes().get(probe),
                                destination))) {
                            continue;
                        }
                        if (++walks > MAX_WALKS) {
                            return Optional.empty();
                        }
                        Chain chain = matrix.chain(rule.direction(), s, t, p);
                        Optional<String> instead = instead(policy, chain);
                        if (instead.isEmpty()) {
                            return Optional.empty();
                        }
                        if (first.isEmpty()) {
                            first = Optional.of(traffic(chain, peer, p) + ") is decided " + instead.get());
                        }
                    }
                }
            }
            return first;
        }

        /** What decides, strictly before it, traffic that a rule of {@code policy} matches. */
        private static Optional<String> instead(ClusterPolicy policy, Chain chain) {
            if (policy.tier() == Tier.BASELINE && !chain.networkPolicyConsulted()) {
                return Optional.of("by the Admin tier, before the Baseline tier is consulted");
            }
            if (policy.tier() == Tier.BASELINE && !chain.baselineConsulted()) {
                return Optional.of("by NetworkPolicy, which isolates " + chain.subject().display() + " for "
                        + chain.direction().word() + ", so the Baseline tier is not consulted");
            }
            Optional<TierDecision.Hit> hit = (policy.tier() == Tier.ADMIN ? chain.admin() : chain.baseline())
                    .flatMap(TierDecision::hit)
                    .filter(h -> h.policy() == policy || !h.policy().unorderedWith(policy));
            return hit.map(h -> "first by " + (h.policy() == policy ? "its own " + h.rule().label()
                    : h.policy().label() + " " + h.rule().label())
                    + (h.rule().action() == Action.PASS ? ", which passes it on" : ""));
        }
    }
}
