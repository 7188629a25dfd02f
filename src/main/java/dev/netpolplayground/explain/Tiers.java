package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Chain;
import dev.netpolplayground.eval.Decision;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.eval.TierDecision;
import dev.netpolplayground.eval.Verdict;
import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Tier;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A tier's part of a direction's explanation: who the tier's policies are, what decided, and what it leads to. */
final class Tiers {
    private Tiers() {
    }

    static void explain(TierDecision tier, Chain chain, Verdict verdict, List<Reason> reasons, Set<String> notes) {
        String subject = chain.subject().display();
        String word = chain.direction().word();
        String name = tier.tier().word();
        if (tier.tier() == Tier.BASELINE && !chain.baselineConsulted()) {
            if (!tier.selecting().isEmpty() && chain.networkPolicyConsulted()) {
                reasons.add(new Reason("baseline-not-consulted", tier.selecting().get(0).id(), 0, "Baseline tier: "
                        + names(tier.selecting()) + " select" + (tier.selecting().size() == 1 ? "s " : " ") + subject
                        + ", but a NetworkPolicy isolates it for " + word + ", and NetworkPolicy decides for the pods"
                        + " it isolates, so the Baseline tier is never consulted."));
            }
            return;
        }
        if (!chain.subject().policyApplies()) {
            return;
        }
        if (tier.selecting().isEmpty()) {
            reasons.add(new Reason("tier-not-selected", "", 0, name + " tier: no " + name + "-tier policy selects "
                    + subject + ", so " + next(tier.tier(), chain) + "."));
            return;
        }
        boolean anyRules = tier.selecting().stream().anyMatch(policy -> !policy.rules(chain.direction()).isEmpty());
        if (tier.hit().isEmpty() && !anyRules) {
            reasons.add(new Reason("tier-no-match", "", 0, name + " tier: " + names(tier.selecting())
                    + (tier.selecting().size() == 1 ? " selects " : " select ") + subject + " but "
                    + (tier.selecting().size() == 1 ? "has" : "have") + " no " + word + " rules, so "
                    + next(tier.tier(), chain) + "."));
        } else if (tier.hit().isEmpty()) {
            reasons.add(new Reason("tier-no-match", "", 0, name + " tier: no rule of " + names(tier.selecting())
                    + " matches this " + word + ", so " + next(tier.tier(), chain) + "."));
        } else {
            TierDecision.Hit hit = tier.hit().get();
            reasons.add(Reason.ofRule("tier-" + hit.rule().action().name().toLowerCase(java.util.Locale.ROOT),
                    hit.policy(), hit.rule(), name + " tier: " + hit.policy().label() + " "
                    + hit.rule().label() + " " + verb(hit.policy(), hit.rule().action()) + " it ("
                    + Explainer.describeRule(hit.rule().rule()) + ")" + consequence(tier.tier(), hit.rule().action(),
                    chain) + "."));
            for (TierDecision.Hit rival : tier.rivals()) {
                reasons.add(Reason.ofRule("tier-rival", rival.policy(), rival.rule(), rival.policy().label()
                        + " " + rival.rule().label() + " matches too and " + verb(rival.policy(), rival.rule().action())
                        + " it: its order with '" + hit.policy().name() + "' is left to the network plugin ("
                        + whyUnordered(hit.policy(), rival.policy()) + "), " + (chain.reach() == Reach.UNDEFINED
                        ? "and the two orders disagree, so " + word + " is undefined."
                        : "but either order gives the same verdict.")));
            }
        }
        for (TierDecision.Checked checked : tier.checked()) {
            reasons.add(Reason.ofRule("tier-rule-mismatch", checked.policy(), checked.rule(),
                    checked.policy().label() + " " + checked.rule().label() + " does not match: "
                            + Explainer.ruleMissText(checked.miss()) + "."));
            if (notEvaluated(checked.miss())) {
                notes.add("Rules with nodes or domainNames peers are not evaluated here: a pasted scenario has no"
                        + " Node objects and no DNS. In a cluster such a rule may match, and the verdict may differ.");
            }
        }
    }

    private static boolean notEvaluated(Decision.RuleMiss miss) {
        return miss.peerMisses().stream().anyMatch(m -> m.why().needsClusterData());
    }

    /** Where traffic the tier hands on goes. */
    private static String next(Tier tier, Chain chain) {
        if (tier == Tier.BASELINE) {
            return "the default applies: allowed";
        }
        if (!chain.networkPolicy().isolating().isEmpty()) {
            return "NetworkPolicy decides";
        }
        return chain.baseline().isPresent() ? "NetworkPolicy (which does not isolate it) and then the Baseline tier"
                + " decide" : "NetworkPolicy decides";
    }

    private static String consequence(Tier tier, Action action, Chain chain) {
        boolean egress = chain.direction() == Direction.EGRESS;
        if (action == Action.PASS) {
            return tier == Tier.ADMIN ? " — the rest of the Admin tier is skipped, and " + next(tier, chain)
                    : " — the rest of the Baseline tier is skipped, and the default applies: allowed";
        }
        String rest = tier == Tier.ADMIN ? " — so the NetworkPolicies that select " + chain.subject().display()
                + " are never consulted for " + chain.direction().word() : " — this decides " + chain.direction().word();
        return action == Action.ACCEPT && egress ? rest + " (ingress at the destination still has its say)" : rest;
    }

    /** "accepts" ("allows" in v1alpha1), "denies", "passes". */
    static String verb(ClusterPolicy policy, Action action) {
        return switch (action) {
            case ACCEPT -> policy.api().word(action).equals("Allow") ? "allows" : "accepts";
            case DENY -> "denies";
            case PASS -> "passes";
        };
    }

    private static String whyUnordered(ClusterPolicy hit, ClusterPolicy rival) {
        if (hit.priority().isEmpty() || rival.priority().isEmpty()) {
            ClusterPolicy without = hit.priority().isEmpty() ? hit : rival;
            return without.api().kind() + " '" + without.name() + "' has no priority, so its place among the "
                    + hit.tier().word() + "-tier policies is not defined";
        }
        String both = "both have priority " + hit.priority().getAsInt();
        return hit.api().v1alpha1() != rival.api().v1alpha1()
                ? both + ", and the API defines no order between v1alpha1 and v1alpha2 policies" : both;
    }

    private static String names(List<ClusterPolicy> policies) {
        return policies.stream().map(ClusterPolicy::label).collect(Collectors.joining(", "));
    }
}
