package dev.netpolplayground.model;

/**
 * What a cluster-scoped rule does with the traffic it matches: Accept and Deny decide the
 * direction; Pass leaves the rest of the tier and hands the traffic to the next one.
 */
public enum Action {
    ACCEPT,
    DENY,
    PASS
}
