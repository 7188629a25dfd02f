package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Isolation;
import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy in plain English, with the pods it selects: one card of the playground's policies panel.
 *
 * @param kind the policy's kind as written: "NetworkPolicy", "ClusterNetworkPolicy"
 * @param id   unique across kinds (a NetworkPolicy's "namespace/name", a cluster policy's "Kind/name")
 * @param name the name shown: a NetworkPolicy's "namespace/name", a cluster policy's name
 * @param rank where the policy stands in its tier ("priority 10"), empty for a NetworkPolicy
 */
public record PolicySummary(String kind, String id, String name, String rank, int firstLine, List<String> sentences,
                            List<String> selects) {
    public PolicySummary {
        sentences = List.copyOf(sentences);
        selects = List.copyOf(selects);
    }

    /** One tier of the panel, in the order the chain consults them, with a sentence on what the tier does. */
    public record Group(String title, String note, List<PolicySummary> policies) {
        public Group {
            policies = List.copyOf(policies);
        }
    }

    /** Pods named in a summary's "Selects" list; the rest are counted. */
    private static final int SHOWN = 20;

    /** The NetworkPolicies alone, in the scenario's order. */
    static List<PolicySummary> of(Scenario scenario, Isolation isolation) {
        return scenario.policies().stream().map(policy -> of(policy, isolation)).toList();
    }

    /**
     * The panel: the Admin tier (when the scenario has one), the NetworkPolicies, the Baseline tier,
     * each in the order it is consulted. Without cluster policies, one group of NetworkPolicies.
     */
    public static List<Group> groups(Scenario scenario, Isolation isolation) {
        List<ClusterPolicy> ordered = scenario.clusterPolicies().stream().sorted(Isolation.TIER_ORDER).toList();
        List<PolicySummary> admin = ordered.stream().filter(p -> p.tier() == Tier.ADMIN).map(p -> of(p, isolation))
                .toList();
        List<PolicySummary> baseline = ordered.stream().filter(p -> p.tier() == Tier.BASELINE)
                .map(p -> of(p, isolation)).toList();
        List<Group> groups = new ArrayList<>();
        if (!admin.isEmpty()) {
            groups.add(new Group("Admin tier", "Consulted first, lowest priority first. The first rule that matches"
                    + " decides: Accept and Deny are final, no NetworkPolicy can undo them; Pass hands the traffic"
                    + " on to the NetworkPolicies.", admin));
        }
        boolean tiers = !ordered.isEmpty();
        String note = scenario.policies().isEmpty()
                ? tiers ? "No NetworkPolicy: traffic the Admin tier hands on goes on to the Baseline tier."
                : "No NetworkPolicy yet: every pod is open in both directions."
                : tiers ? "Consulted for the traffic the Admin tier hands on. A pod that a NetworkPolicy isolates is"
                + " decided here: what no rule allows is denied, and the Baseline tier is not consulted."
                : "";
        groups.add(new Group("NetworkPolicies", note, of(scenario, isolation)));
        if (!baseline.isEmpty()) {
            groups.add(new Group("Baseline tier", "Consulted last, and only for a direction in which no"
                    + " NetworkPolicy isolates the pod. The first rule that matches decides; traffic no rule matches"
                    + " is allowed.", baseline));
        }
        return groups;
    }

    static PolicySummary of(Policy policy, Isolation isolation) {
        List<String> selected = displays(isolation.selectedBy(policy));
        List<String> sentences = new ArrayList<>();
        String who = policy.podSelector().isEmpty() ? "every pod in namespace " + policy.namespace()
                : "pods " + policy.podSelector() + " in namespace " + policy.namespace();
        sentences.add("Selects " + who + " (" + count(selected) + ").");
        List<String> isolated = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            if (policy.isolates(direction)) {
                isolated.add(direction.word());
            }
        }
        sentences.add("Isolates them for " + String.join(" and ", isolated) + ".");
        for (Direction direction : Direction.values()) {
            List<Rule> rules = policy.rules(direction);
            if (!policy.isolates(direction)) {
                if (!rules.isEmpty()) {
                    sentences.add("Its " + direction.word() + " rules are ignored: policyTypes leaves out "
                            + direction.policyType() + ".");
                }
                continue;
            }
            if (rules.isEmpty()) {
                sentences.add("Has no " + direction.word() + " rules, so it allows no " + direction.word()
                        + " at all.");
            }
            for (Rule rule : rules) {
                sentences.add("Allows " + direction.word() + " by rule #" + rule.number() + ": "
                        + Explainer.describeRule(rule) + ".");
            }
        }
        return new PolicySummary("NetworkPolicy", policy.id(), policy.id(), "", policy.source().firstLine(),
                sentences, shown(selected));
    }

    static PolicySummary of(ClusterPolicy policy, Isolation isolation) {
        List<String> selected = displays(isolation.subjectsOf(policy));
        List<String> sentences = new ArrayList<>();
        sentences.add("Applies to " + policy.subject() + " (" + count(selected) + "); host-network pods are never"
                + " its subjects.");
        if (policy.ingress().isEmpty() && policy.egress().isEmpty()) {
            sentences.add("Has no rules, so it decides nothing.");
        }
        for (Direction direction : Direction.values()) {
            for (TierRule rule : policy.rules(direction)) {
                sentences.add(capitalized(rule.label()) + ": " + Tiers.verb(policy, rule.action()) + " "
                        + Explainer.describeRule(rule.rule()) + " — " + effect(policy.tier(), rule.action()) + ".");
            }
        }
        if (!policy.ingress().isEmpty() || !policy.egress().isEmpty()) {
            sentences.add("Traffic that none of its rules matches goes on to "
                    + (policy.tier() == Tier.ADMIN ? "the next Admin-tier policy, then the NetworkPolicies"
                    : "the next Baseline-tier policy, then the default: allowed") + ".");
        }
        String rank = policy.priority().isPresent() ? "priority " + policy.priority().getAsInt() : "no priority";
        return new PolicySummary(policy.api().kind(), policy.id(), policy.name(), policy.tier().word() + " tier, "
                + rank, policy.source().firstLine(), sentences, shown(selected));
    }

    /** What a matching rule's action means in its tier. */
    private static String effect(Tier tier, Action action) {
        if (tier == Tier.ADMIN) {
            return switch (action) {
                case ACCEPT -> "final: no NetworkPolicy can deny it";
                case DENY -> "final: no NetworkPolicy can allow it";
                case PASS -> "the rest of the Admin tier is skipped and the NetworkPolicies decide";
            };
        }
        return switch (action) {
            case ACCEPT -> "unless a NetworkPolicy isolates the pod, which then decides";
            case DENY -> "unless a NetworkPolicy isolates the pod, which then decides";
            case PASS -> "the rest of the Baseline tier is skipped and the default allows it";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> displays(List<Endpoint> endpoints) {
        return endpoints.stream().map(Endpoint::display).toList();
    }

    private static String count(List<String> selected) {
        return selected.isEmpty() ? "none in this scenario" : selected.size() == 1 ? "1 pod" : selected.size() + " pods";
    }

    private static List<String> shown(List<String> selected) {
        List<String> selects = new ArrayList<>(selected.subList(0, Math.min(SHOWN, selected.size())));
        if (selected.size() > SHOWN) {
            selects.add("... and " + (selected.size() - SHOWN) + " more");
        }
        return selects;
    }
}
