package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. An empty list or selector against an absent one. */
class EmptyVersusAbsentSemanticsTest {
    // empty versus absent

    @Test
    void empty_ingress_list_denies_all_ingress() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: []
                """;
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
    }

    @Test
    void absent_ingress_with_ingress_policy_type_denies_all_ingress() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """;
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/web", "shop/api", "443/TCP"));
    }

    @Test
    void ingress_list_with_one_empty_rule_allows_all_ingress() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-all, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "ops/web", "shop/db", "5432/TCP"));
        assertTrue(allowed(yaml, "ops/web", "shop/db", "53/UDP"));
    }

    @Test
    void egress_list_with_one_empty_rule_allows_all_egress_even_outside_the_cluster() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-all-out, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{}]
                """;
        Matrix matrix = Evaluator.evaluate(parse(yaml).withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("443/TCP"), Scenarios.probe("53/UDP")));
        assertTrue(cell(matrix, "shop/web", "ops/monitor", 0));
        assertTrue(cell(matrix, "shop/web", OUTSIDE_ID, 0));
        assertTrue(cell(matrix, "shop/web", OUTSIDE_ID, 1));
    }

    @Test
    void absent_or_empty_from_matches_every_source() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: http-from-anyone, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{port: 80}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: https-from-anyone, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: []
                    ports: [{port: 443}]
                """;
        assertTrue(allowed(yaml, "ops/monitor", "shop/web", "80/TCP"));
        assertFalse(allowed(yaml, "ops/monitor", "shop/web", "81/TCP"));
        assertTrue(allowed(yaml, "ops/monitor", "shop/api", "443/TCP"));
        assertFalse(allowed(yaml, "ops/monitor", "shop/api", "80/TCP"));
    }

    @Test
    void absent_or_empty_to_matches_every_destination() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns-out, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                  egress:
                  - to: []
                    ports: [{port: 53, protocol: UDP}]
                """;
        assertTrue(allowed(yaml, "shop/web", "ops/monitor", "53/UDP"));
        assertFalse(allowed(yaml, "shop/web", "ops/monitor", "53/TCP"));
        Matrix matrix = Evaluator.evaluate(parse(yaml).withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("53/UDP")));
        assertTrue(cell(matrix, "shop/web", OUTSIDE_ID, 0), "an empty 'to' also covers addresses outside the cluster");
    }

    @Test
    void absent_or_empty_ports_match_every_port_and_protocol() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                    ports: []
                """;
        for (String probe : List.of("80/TCP", "5432/TCP", "53/UDP", "9/SCTP")) {
            assertTrue(allowed(yaml, "shop/web", "shop/api", probe), probe);
            assertTrue(allowed(yaml, "shop/api", "shop/db", probe), probe);
        }
    }
}
