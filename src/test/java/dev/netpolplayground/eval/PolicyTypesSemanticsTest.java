package dev.netpolplayground.eval;

import dev.netpolplayground.model.Direction;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. policyTypes: which directions a policy isolates, written or defaulted. */
class PolicyTypesSemanticsTest {
    // policyTypes defaulting

    @Test
    void policy_types_default_to_ingress_only_when_there_are_no_egress_rules() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-from-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                """;
        assertEquals(Set.of(Direction.INGRESS), parse(yaml).policies().get(0).isolates());
        assertTrue(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
        assertFalse(allowed(yaml, "shop/db", "shop/api", "80/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"), "api's egress is not isolated");
    }

    @Test
    void policy_types_default_to_ingress_plus_egress_when_egress_rules_present() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-to-db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  egress:
                  - to: [{podSelector: {matchLabels: {app: db}}}]
                """;
        assertEquals(Set.of(Direction.INGRESS, Direction.EGRESS), parse(yaml).policies().get(0).isolates());
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/api", "80/TCP"),
                "the defaulted Ingress type with no ingress rules denies all ingress to api");
    }

    @Test
    void empty_egress_list_without_policy_types_does_not_isolate_egress() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: looks-like-deny-egress, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  egress: []
                """;
        assertEquals(Set.of(Direction.INGRESS), parse(yaml).policies().get(0).isolates());
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
    }

    @Test
    void empty_egress_list_with_egress_policy_type_denies_all_egress() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress: []
                """;
        assertFalse(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/web", "shop/api", "80/TCP"), "ingress to api is not isolated");
    }

    @Test
    void egress_deny_all_blocks_dns_even_when_ingress_allows() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns-in, namespace: ops}
                spec:
                  podSelector: {}
                  ingress:
                  - ports: [{port: 53, protocol: UDP}]
                """;
        assertFalse(allowed(yaml, "shop/web", "ops/monitor", "53/UDP"));
        assertTrue(allowed(yaml, "ops/web", "ops/monitor", "53/UDP"));
    }
}
