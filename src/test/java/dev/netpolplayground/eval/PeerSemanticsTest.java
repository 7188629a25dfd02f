package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Namespace;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. Peers: pod and namespace selectors, and the automatic kubernetes.io/metadata.name label. */
class PeerSemanticsTest {
    // peers

    @Test
    void namespace_and_pod_selector_in_one_peer_must_both_match() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: monitor-in-infra, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {team: infra}}
                      podSelector: {matchLabels: {app: monitor}}
                """;
        assertTrue(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/web", "shop/db", "80/TCP"), "right namespace, wrong pod");
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"), "wrong namespace");
    }

    @Test
    void namespace_and_pod_selector_as_separate_peers_match_either() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: infra-or-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {team: infra}}
                    - podSelector: {matchLabels: {app: api}}
                """;
        assertTrue(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
    }

    @Test
    void pod_selector_only_peer_stays_in_the_policy_namespace() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/web", "shop/db", "80/TCP"), "ops/web has app=web but lives in ops");
    }

    @Test
    void empty_pod_selector_peer_matches_every_pod_of_the_policy_namespace_only() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: same-namespace, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{podSelector: {}}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
    }

    @Test
    void empty_namespace_selector_matches_all_namespaces() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-anywhere, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
    }

    @Test
    void match_labels_need_every_pair() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-in-web-team, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {team: web, kubernetes.io/metadata.name: ops}}}]
                """;
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
    }

    @Test
    void match_expression_in_needs_one_of_the_values() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: cache, namespace: shop, labels: {app: cache}}
                status: {podIP: 10.0.1.4}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector:
                        matchExpressions: [{key: app, operator: In, values: [web, api]}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/cache", "shop/db", "80/TCP"));
    }

    @Test
    void match_expression_not_in_matches_pods_lacking_the_key() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: unlabelled, namespace: shop}
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: not-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector:
                        matchExpressions: [{key: app, operator: NotIn, values: [web]}]
                """;
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/unlabelled", "shop/db", "80/TCP"));
    }

    @Test
    void match_expression_exists_needs_the_key_with_any_value() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: unlabelled, namespace: shop}
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: exists, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector:
                        matchExpressions: [{key: app, operator: Exists}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/unlabelled", "shop/db", "80/TCP"));
    }

    @Test
    void match_expression_does_not_exist_matches_only_pods_lacking_the_key() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: unlabelled, namespace: shop}
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: does-not-exist, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector:
                        matchExpressions: [{key: app, operator: DoesNotExist}]
                """;
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/unlabelled", "shop/db", "80/TCP"));
    }

    @Test
    void match_labels_and_match_expressions_together_must_all_hold() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: both, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - namespaceSelector:
                        matchLabels: {team: infra}
                      podSelector:
                        matchExpressions: [{key: app, operator: NotIn, values: [monitor]}]
                """;
        assertTrue(allowed(yaml, "ops/web", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
    }

    // the automatic kubernetes.io/metadata.name label

    @Test
    void namespaces_can_be_selected_by_the_automatic_metadata_name_label() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-ops, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}}]
                """;
        assertTrue(allowed(yaml, "ops/monitor", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
    }

    @Test
    void an_undeclared_namespace_still_has_its_metadata_name_label() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: tools}
                status: {podIP: 10.0.3.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other, namespace: elsewhere}
                status: {podIP: 10.0.4.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-tools, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools}}}]
                """;
        Namespace tools = parse(yaml).namespacesByName().get("tools");
        assertTrue(tools.implicit());
        assertEquals(Map.of(Namespace.NAME_LABEL, "tools"), tools.labels());
        assertTrue(allowed(yaml, "tools/client", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "elsewhere/other", "shop/db", "80/TCP"));
    }

    @Test
    void a_pasted_wrong_metadata_name_label_is_replaced_by_the_namespace_name() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: prod
                  labels: {kubernetes.io/metadata.name: staging}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: prod}
                status: {podIP: 10.0.3.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-prod, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: prod}}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-staging, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}}]
                    ports: [{port: 9999}]
                """;
        assertEquals("prod", parse(yaml).namespacesByName().get("prod").labels().get(Namespace.NAME_LABEL));
        assertTrue(allowed(yaml, "prod/client", "shop/db", "80/TCP"));
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(w -> w.message().contains("replaced by prod")));
    }
}
