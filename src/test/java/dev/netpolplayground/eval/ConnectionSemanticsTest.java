package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. A connection end to end, host-network pods, and addresses outside the cluster. */
class ConnectionSemanticsTest {
    // a connection, end to end

    @Test
    void connection_needs_egress_from_the_source_and_ingress_to_the_destination() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-may-call-api-and-db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{podSelector: {matchLabels: {app: api}}}, {podSelector: {matchLabels: {app: db}}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-from-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/api", "80/TCP"), "egress allows, ingress not isolated");
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"), "egress allows, ingress denies");
        assertFalse(allowed(yaml, "shop/web", "ops/web", "80/TCP"), "egress denies, ingress not isolated");
        Verdict verdict = Scenarios.verdict(yaml, "shop/web", "shop/db", "80/TCP");
        assertTrue(verdict.egress().allowed());
        assertFalse(verdict.ingress().allowed());
    }

    @Test
    void a_pod_can_always_reach_itself_even_under_deny_all() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
        assertTrue(allowed(yaml, "shop/db", "shop/db", "80/TCP"));
        assertTrue(Scenarios.verdict(yaml, "shop/db", "shop/db", "5432/TCP").loopback());
        assertFalse(allowed(yaml, "shop/db", "shop/api", "80/TCP"));
    }

    // host network

    private static final String HOST_NETWORK = """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: shop, labels: {app: agent}}
            spec:
              hostNetwork: true
              containers: [{name: agent}]
            status: {podIP: 192.168.0.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            status: {podIP: 10.0.1.3}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            status: {podIP: 10.0.1.2}
            ---
            """;

    @Test
    void host_network_pods_are_not_isolated_by_policies() {
        String yaml = HOST_NETWORK + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
        Verdict in = Scenarios.verdict(yaml, "shop/api", "shop/agent", "80/TCP");
        assertTrue(in.ingress().allowed(), "the agent's ingress is not isolated");
        assertFalse(in.allowed(), "api's own egress is still denied");
        Verdict out = Scenarios.verdict(yaml, "shop/agent", "shop/db", "80/TCP");
        assertTrue(out.egress().allowed(), "the agent's egress is not isolated");
        assertFalse(out.allowed(), "db's ingress is still denied");
        assertFalse(allowed(yaml, "shop/agent", "shop/db", "80/TCP"));
    }

    @Test
    void host_network_pods_are_not_matched_by_pod_selector_peers() {
        String yaml = HOST_NETWORK + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-any-pod, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {}}, {namespaceSelector: {}}, {podSelector: {matchLabels: {app: agent}}}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/agent", "shop/db", "80/TCP"));
    }

    @Test
    void host_network_pods_are_matched_by_ip_block_through_their_ip() {
        String yaml = HOST_NETWORK + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-nodes, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 192.168.0.0/24}}]
                """;
        assertTrue(allowed(yaml, "shop/agent", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
    }

    // addresses outside the cluster

    @Test
    void egress_to_an_external_address_is_governed_only_by_ip_block_or_any_peer_rules() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-out, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{namespaceSelector: {}}, {podSelector: {}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-out, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-out, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Egress]
                  egress:
                  - ports: [{port: 443}]
                """;
        Matrix matrix = Evaluator.evaluate(parse(yaml).withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("443/TCP")));
        assertFalse(cell(matrix, "shop/web", OUTSIDE_ID, 0), "selectors only match pods");
        assertTrue(cell(matrix, "shop/web", "ops/monitor", 0));
        assertTrue(cell(matrix, "shop/api", OUTSIDE_ID, 0));
        assertTrue(cell(matrix, "shop/db", OUTSIDE_ID, 0));
        assertTrue(cell(matrix, "ops/monitor", OUTSIDE_ID, 0), "ops/monitor's egress is not isolated");
    }

    @Test
    void ingress_from_an_external_address_is_governed_only_by_ip_block_or_any_peer_rules() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{namespaceSelector: {}}, {podSelector: {}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - ports: [{port: 443}]
                """;
        Matrix matrix = Evaluator.evaluate(parse(yaml).withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("443/TCP")));
        assertFalse(cell(matrix, OUTSIDE_ID, "shop/web", 0));
        assertTrue(cell(matrix, "ops/monitor", "shop/web", 0));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/api", 0));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/db", 0));
        assertTrue(cell(matrix, OUTSIDE_ID, "ops/monitor", 0), "ops/monitor's ingress is not isolated");
    }

    @Test
    void external_addresses_are_never_isolated() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-everything-everywhere, namespace: ops}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]
                  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]
                """;
        Matrix matrix = Evaluator.evaluate(parse(yaml).withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("80/TCP")));
        int outside = matrix.indexOf(OUTSIDE_ID).orElseThrow();
        int monitor = matrix.indexOf("ops/monitor").orElseThrow();
        Verdict in = matrix.verdict(outside, monitor, 0);
        assertTrue(in.egress().networkPolicy() instanceof Decision.Unrestricted);
        assertEquals(Decision.Freedom.OUTSIDE_CLUSTER, ((Decision.Unrestricted) in.egress().networkPolicy()).freedom());
        Verdict out = matrix.verdict(monitor, outside, 0);
        assertEquals(Decision.Freedom.OUTSIDE_CLUSTER, ((Decision.Unrestricted) out.ingress().networkPolicy()).freedom());
        assertTrue(cell(matrix, OUTSIDE_ID, "ops/monitor", 0));
        assertTrue(cell(matrix, "ops/monitor", OUTSIDE_ID, 0));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/web", 0));
    }
}
