package dev.netpolplayground.explain;

/**
 * One step of an explanation, structured for the API and worded for people.
 *
 * @param code    a stable identifier: not-isolated, outside-cluster, host-network, isolated,
 *                allowed-by-rule, no-rules, rule-mismatch, loopback
 * @param policy  "namespace/name" of the policy it is about, or empty
 * @param rule    1-based rule number it is about, or 0
 */
public record Reason(String code, String policy, int rule, String message) {
}
