package dev.netpolplayground.eval;

import org.junit.jupiter.api.Test;

import static dev.netpolplayground.Scenarios.allowed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. Isolation is per direction, and policies add up (a union). */
class IsolationSemanticsTest {
    // isolation is per direction

    @Test
    void ingress_isolation_leaves_the_egress_of_the_same_pod_open() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                """;
        assertFalse(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/db", "shop/api", "80/TCP"));
    }

    @Test
    void egress_isolation_leaves_the_ingress_of_the_same_pod_open() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Egress]
                """;
        assertFalse(allowed(yaml, "shop/db", "shop/api", "80/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
    }

    @Test
    void policies_that_do_not_select_a_pod_do_not_isolate_it() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress, Egress]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
        assertTrue(allowed(yaml, "ops/web", "ops/monitor", "80/TCP"), "a policy only selects in its own namespace");
        assertFalse(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
    }

    // union of policies

    @Test
    void policies_selecting_the_same_pod_add_up() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-from-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-from-monitoring, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {team: infra}}, podSelector: {matchLabels: {app: monitor}}}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
    }

    @Test
    void a_deny_all_policy_does_not_override_an_allowing_policy() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: shop}
                spec:
                  podSelector: {}
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
    }
}
