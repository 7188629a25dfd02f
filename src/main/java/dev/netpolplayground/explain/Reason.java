package dev.netpolplayground.explain;

import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.TierRule;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of an explanation, structured for the API and worded for people.
 *
 * @param code    a stable identifier: not-isolated, outside-cluster, host-network, isolated,
 *                allowed-by-rule, no-rules, rule-mismatch, loopback; for the tiers tier-accept,
 *                tier-deny, tier-pass, tier-rival, tier-rule-mismatch, tier-no-match,
 *                tier-not-selected, baseline-not-consulted
 * @param policy  "namespace/name" of the NetworkPolicy, or "Kind/name" of the cluster policy, it is about; or empty
 * @param rule    1-based rule number it is about, or 0
 * @param tierRule where the step is one rule of a cluster policy: its tier, priority, action and name
 */
public record Reason(String code, String policy, int rule, String message, Optional<TierStep> tierRule) {

    public Reason(String code, String policy, int rule, String message) {
        this(code, policy, rule, message, Optional.empty());
    }

    /** A cluster policy's rule, as the API and the exports name it. */
    public record TierStep(String tier, OptionalInt priority, String action, String ruleName) {
        static TierStep of(ClusterPolicy policy, TierRule rule) {
            return new TierStep(policy.tier().word(), policy.priority(), policy.api().word(rule.action()), rule.name());
        }
    }

    static Reason ofRule(String code, ClusterPolicy policy, TierRule rule, String message) {
        return new Reason(code, policy.id(), rule.number(), message, Optional.of(TierStep.of(policy, rule)));
    }
}
