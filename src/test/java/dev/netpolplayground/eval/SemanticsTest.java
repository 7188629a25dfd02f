package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointKind;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NetworkPolicy semantics, one rule per test, each on a small scenario. Unless a test brings its
 * own cluster, it adds policies to {@link #CLUSTER}: namespaces shop (team=web) and ops
 * (team=infra); pods shop/web, shop/api, shop/db and ops/monitor, ops/web.
 */
class SemanticsTest {
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: web}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: ops, labels: {team: infra}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            status: {podIP: 10.0.1.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            status: {podIP: 10.0.1.2}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            status: {podIP: 10.0.1.3}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: monitor, namespace: ops, labels: {app: monitor}}
            status: {podIP: 10.0.2.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: ops, labels: {app: web}}
            status: {podIP: 10.0.2.2}
            ---
            """;

    private static final IpAddress OUTSIDE = IpAddress.parse("203.0.113.5").orElseThrow();
    private static final String OUTSIDE_ID = "ip:203.0.113.5";

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

    // ipBlock

    @Test
    void ip_block_admits_its_cidr_except_the_except_ranges() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: inside, namespace: edge}
                status: {podIP: 192.168.1.10}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: excepted, namespace: edge}
                status: {podIP: 192.168.5.10}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: outside, namespace: edge}
                status: {podIP: 172.16.0.1}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-lan, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.5.0/24]}}]
                """;
        assertTrue(allowed(yaml, "edge/inside", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "edge/excepted", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "edge/outside", "shop/db", "80/TCP"));
    }

    @Test
    void ip_block_works_for_ipv6_with_except() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: "fd00:1::3"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: inside, namespace: edge}
                status: {podIP: "2001:db8:2::10"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: excepted, namespace: edge}
                status: {podIP: "2001:db8:1::10"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: outside, namespace: edge}
                status: {podIP: "2001:db9::1"}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: to-v6, namespace: edge}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: "fd00:1::/64"}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-v6, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]
                """;
        assertTrue(allowed(yaml, "edge/inside", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "edge/excepted", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "edge/outside", "shop/db", "80/TCP"));
    }

    @Test
    void dual_stack_pods_match_an_ip_block_of_either_family() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: dual, namespace: edge}
                status:
                  podIP: 10.9.0.1
                  podIPs: [{ip: 10.9.0.1}, {ip: "fd00:9::1"}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-v6-only, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: "fd00:9::/64"}}]
                """;
        Endpoint dual = parse(yaml).endpoints().stream().filter(e -> e.id().equals("edge/dual")).findFirst()
                .orElseThrow();
        assertEquals(2, dual.ips().size());
        assertTrue(allowed(yaml, "edge/dual", "shop/db", "80/TCP"));
    }

    @Test
    void ip_families_never_cross() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: v4, namespace: edge}
                status: {podIP: 10.9.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: v6, namespace: edge}
                status: {podIP: "fd00:9::1"}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: v4-on-80-v6-on-443, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
                    ports: [{port: 80}]
                  - from: [{ipBlock: {cidr: "::/0"}}]
                    ports: [{port: 443}]
                """;
        assertTrue(allowed(yaml, "edge/v4", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "edge/v6", "shop/db", "80/TCP"), "0.0.0.0/0 holds no IPv6 address");
        assertTrue(allowed(yaml, "edge/v6", "shop/db", "443/TCP"));
        assertFalse(allowed(yaml, "edge/v4", "shop/db", "443/TCP"), "::/0 holds no IPv4 address");
    }

    @Test
    void ip_block_host_bits_are_cleared_with_a_warning() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: far, namespace: edge}
                status: {podIP: 10.200.7.7}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-ten, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.1/8}}]
                """;
        assertTrue(allowed(yaml, "edge/far", "shop/db", "80/TCP"), "10.0.0.1/8 means 10.0.0.0/8");
        List<Problem> warnings = Scenarios.warnings(yaml);
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("host bits") && w.message().contains("10.0.0.0/8")
                && w.path().equals("spec.ingress[0].from[0].ipBlock.cidr")), warnings.toString());
    }

    @Test
    void ip_block_matches_pods_by_their_ip() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-from-api-ip, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.1.2/32}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-to-ops-subnet, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 10.0.2.0/24}}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/db", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/db", "80/TCP"));
        assertTrue(allowed(yaml, "shop/web", "ops/monitor", "80/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
    }

    // ports and protocols

    @Test
    void protocol_defaults_to_tcp() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: port-80, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{port: 80}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/web", "80/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "80/UDP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "80/SCTP"));
    }

    @Test
    void sctp_port_matches_only_sctp() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: sctp-80, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{port: 80, protocol: SCTP}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/web", "80/SCTP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "80/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "81/SCTP"));
    }

    @Test
    void udp_protocol_without_port_matches_every_udp_port() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: all-udp, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{protocol: UDP}]
                """;
        assertTrue(allowed(yaml, "shop/api", "shop/web", "53/UDP"));
        assertTrue(allowed(yaml, "shop/api", "shop/web", "65535/UDP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "53/TCP"));
    }

    @Test
    void named_port_on_ingress_resolves_against_the_destination_container_ports() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: shop, labels: {app: api}}
                spec:
                  containers:
                  - name: app
                    ports: [{name: http, containerPort: 8080}]
                status: {podIP: 10.0.1.2}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: shop}
                spec:
                  containers:
                  - name: app
                    ports: [{name: http, containerPort: 9090}]
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: http-only, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - ports: [{port: http}]
                """;
        assertTrue(allowed(yaml, "shop/client", "shop/api", "8080/TCP"));
        assertFalse(allowed(yaml, "shop/client", "shop/api", "9090/TCP"), "the source's own 'http' port is irrelevant");
        assertFalse(allowed(yaml, "shop/client", "shop/api", "80/TCP"));
    }

    @Test
    void named_port_on_egress_resolves_against_the_destination_not_the_source() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: dns, namespace: kube-system, labels: {app: dns}}
                spec:
                  containers:
                  - name: coredns
                    ports: [{name: dns, containerPort: 53, protocol: UDP}]
                status: {podIP: 10.0.0.10}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: cache, namespace: kube-system, labels: {app: cache}}
                spec:
                  containers:
                  - name: cache
                    ports: [{name: dns, containerPort: 5353, protocol: UDP}]
                status: {podIP: 10.0.0.11}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: shop}
                spec:
                  containers:
                  - name: app
                    ports: [{name: dns, containerPort: 1053, protocol: UDP}]
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns-out, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{namespaceSelector: {}}]
                    ports: [{port: dns, protocol: UDP}]
                """;
        assertTrue(allowed(yaml, "shop/client", "kube-system/dns", "53/UDP"));
        assertFalse(allowed(yaml, "shop/client", "kube-system/dns", "5353/UDP"));
        assertTrue(allowed(yaml, "shop/client", "kube-system/cache", "5353/UDP"));
        assertFalse(allowed(yaml, "shop/client", "kube-system/cache", "53/UDP"));
        assertFalse(allowed(yaml, "shop/client", "kube-system/dns", "1053/UDP"), "the source's 'dns' port is irrelevant");
    }

    @Test
    void named_port_matches_only_a_container_port_of_the_same_protocol() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: dns, namespace: kube-system, labels: {app: dns}}
                spec:
                  containers:
                  - name: coredns
                    ports:
                    - {name: dns-tcp, containerPort: 53, protocol: TCP}
                    - {name: dns, containerPort: 53, protocol: UDP}
                status: {podIP: 10.0.0.10}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: kube-system}
                status: {podIP: 10.0.0.20}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns-in, namespace: kube-system}
                spec:
                  podSelector: {matchLabels: {app: dns}}
                  ingress:
                  - ports: [{port: dns}]
                """;
        assertFalse(allowed(yaml, "kube-system/client", "kube-system/dns", "53/TCP"),
                "'dns' is a UDP port, and the policy port defaults to TCP");
        assertFalse(allowed(yaml, "kube-system/client", "kube-system/dns", "53/UDP"),
                "the policy asks for TCP 'dns'");
    }

    @Test
    void named_port_never_matches_an_external_address() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: shop, labels: {app: api}}
                spec:
                  containers:
                  - name: app
                    ports: [{name: http, containerPort: 80}]
                status: {podIP: 10.0.1.2}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: shop}
                status: {podIP: 10.0.1.9}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: http-out, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                    ports: [{port: http}]
                """;
        Scenario scenario = parse(yaml).withExternals(List.of(OUTSIDE));
        Matrix matrix = Evaluator.evaluate(scenario, List.of(Scenarios.probe("80/TCP")));
        assertTrue(cell(matrix, "shop/client", "shop/api", 0));
        assertFalse(cell(matrix, "shop/client", OUTSIDE_ID, 0));
    }

    @Test
    void end_port_range_includes_both_ends_and_nothing_beyond() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: range, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{port: 8000, endPort: 8080}]
                """;
        assertFalse(allowed(yaml, "shop/api", "shop/web", "7999/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/web", "8000/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/web", "8040/TCP"));
        assertTrue(allowed(yaml, "shop/api", "shop/web", "8080/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "8081/TCP"));
        assertFalse(allowed(yaml, "shop/api", "shop/web", "8040/UDP"));
    }

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
        assertTrue(in.egress() instanceof Decision.Unrestricted);
        assertEquals(Decision.Freedom.OUTSIDE_CLUSTER, ((Decision.Unrestricted) in.egress()).freedom());
        Verdict out = matrix.verdict(monitor, outside, 0);
        assertEquals(Decision.Freedom.OUTSIDE_CLUSTER, ((Decision.Unrestricted) out.ingress()).freedom());
        assertTrue(cell(matrix, OUTSIDE_ID, "ops/monitor", 0));
        assertTrue(cell(matrix, "ops/monitor", OUTSIDE_ID, 0));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/web", 0));
    }

    // what becomes an endpoint

    @Test
    void every_workload_kind_contributes_one_endpoint_from_its_pod_template() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, labels: {owner: deploy-label-not-used}}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: pg, ports: [{name: pg, containerPort: 5432}]}]
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      containers: [{name: agent, ports: [{name: metrics, containerPort: 9100}]}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: migrate}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: migrate}]
                """;
        Scenario scenario = parse(yaml);
        assertEquals(4, scenario.endpoints().size());
        Endpoint web = endpoint(scenario, "shop/web");
        assertEquals(EndpointKind.Deployment, web.kind());
        assertEquals(Map.of("app", "web"), web.labels());
        assertEquals(8080, web.ports().get(0).port());
        assertEquals("http", web.ports().get(0).name());
        assertEquals(EndpointKind.StatefulSet, endpoint(scenario, "shop/db").kind());
        assertEquals(Map.of("app", "db"), endpoint(scenario, "shop/db").labels());
        assertEquals(EndpointKind.DaemonSet, endpoint(scenario, "ops/agent").kind());
        assertEquals(9100, endpoint(scenario, "ops/agent").ports().get(0).port());
        assertEquals(EndpointKind.Job, endpoint(scenario, "shop/migrate").kind());
        assertEquals(Map.of("app", "migrate"), endpoint(scenario, "shop/migrate").labels());
    }

    @Test
    void cron_job_contributes_the_pod_template_of_its_job_template() {
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: backup, namespace: shop}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: backup}}
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: backup, ports: [{name: admin, containerPort: 7070}]}]
                """;
        Endpoint backup = endpoint(parse(yaml), "shop/backup");
        assertEquals(EndpointKind.CronJob, backup.kind());
        assertEquals(Map.of("app", "backup"), backup.labels());
        assertEquals(7070, backup.ports().get(0).port());
    }

    @Test
    void workload_template_labels_and_named_ports_take_part_in_policies() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web}]
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: report}}
                        spec:
                          containers: [{name: report}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-from-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: http}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/api", "8080/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
        assertFalse(allowed(yaml, "shop/report", "shop/api", "8080/TCP"));
    }

    @Test
    void kubectl_list_output_is_read_item_by_item_ignoring_its_noise() {
        String yaml = """
                apiVersion: v1
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    annotations:
                      kubectl.kubernetes.io/restartedAt: "2024-05-01T10:00:00Z"
                    creationTimestamp: "2024-05-01T10:00:00Z"
                    generateName: web-7d4b9c-
                    labels:
                      app: web
                      pod-template-hash: 7d4b9c
                    managedFields:
                    - apiVersion: v1
                      fieldsType: FieldsV1
                      fieldsV1:
                        f:metadata:
                          f:generateName: {}
                          f:labels:
                            .: {}
                            f:app: {}
                        f:spec:
                          f:containers:
                            k:{"name":"web"}:
                              .: {}
                              f:ports:
                                .: {}
                                k:{"containerPort":8080,"protocol":"TCP"}:
                                  .: {}
                                  f:containerPort: {}
                      manager: kube-controller-manager
                      operation: Update
                      time: "2024-05-01T10:00:00Z"
                    name: web-7d4b9c-x2x7q
                    namespace: shop
                    ownerReferences:
                    - apiVersion: apps/v1
                      blockOwnerDeletion: true
                      controller: true
                      kind: ReplicaSet
                      name: web-7d4b9c
                      uid: 4f1c2d9e-0000-4000-8000-000000000001
                    resourceVersion: "123456"
                    uid: 4f1c2d9e-0000-4000-8000-000000000002
                  spec:
                    containers:
                    - image: nginx:1.27
                      imagePullPolicy: IfNotPresent
                      name: web
                      ports:
                      - containerPort: 8080
                        name: http
                        protocol: TCP
                      resources: {}
                      terminationMessagePath: /dev/termination-log
                    dnsPolicy: ClusterFirst
                    nodeName: node-1
                    restartPolicy: Always
                  status:
                    conditions:
                    - lastProbeTime: null
                      lastTransitionTime: "2024-05-01T10:00:01Z"
                      status: "True"
                      type: Ready
                    containerStatuses:
                    - name: web
                      ready: true
                      restartCount: 0
                      started: true
                      state:
                        running:
                          startedAt: "2024-05-01T10:00:01Z"
                    hostIP: 192.168.0.11
                    hostIPs:
                    - ip: 192.168.0.11
                    phase: Running
                    podIP: 10.244.1.7
                    podIPs:
                    - ip: 10.244.1.7
                    qosClass: BestEffort
                    startTime: "2024-05-01T10:00:00Z"
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata:
                    creationTimestamp: "2024-05-01T09:00:00Z"
                    generation: 1
                    name: web-http
                    namespace: shop
                    resourceVersion: "1200"
                    uid: 4f1c2d9e-0000-4000-8000-000000000003
                  spec:
                    ingress:
                    - ports:
                      - port: http
                        protocol: TCP
                    podSelector:
                      matchLabels:
                        app: web
                    policyTypes:
                    - Ingress
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    labels:
                      kubernetes.io/metadata.name: shop
                    name: shop
                  spec:
                    finalizers:
                    - kubernetes
                  status:
                    phase: Active
                kind: List
                metadata:
                  resourceVersion: ""
                """;
        Scenario scenario = parse(yaml);
        Endpoint pod = endpoint(scenario, "shop/web-7d4b9c-x2x7q");
        assertEquals(List.of(IpAddress.parse("10.244.1.7").orElseThrow()), pod.ips());
        assertFalse(pod.addressAssigned());
        assertEquals(1, scenario.policies().size());
        assertEquals(List.of("shop"), scenario.namespaces().stream().map(Namespace::name).toList());
        assertFalse(scenario.namespaces().get(0).implicit());
        Matrix matrix = Evaluator.evaluate(scenario.withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("8080/TCP"), Scenarios.probe("80/TCP")));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/web-7d4b9c-x2x7q", 0));
        assertFalse(cell(matrix, OUTSIDE_ID, "shop/web-7d4b9c-x2x7q", 1));
    }

    @Test
    void objects_without_a_namespace_go_to_default() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, labels: {app: web}}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client}
                status: {podIP: 10.0.0.2}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: other}
                status: {podIP: 10.0.9.2}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-from-same-namespace}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{podSelector: {}}]
                """;
        Scenario scenario = parse(yaml);
        assertEquals("default", endpoint(scenario, "default/web").namespace());
        assertEquals("default", scenario.policies().get(0).namespace());
        assertTrue(allowed(yaml, "default/client", "default/web", "80/TCP"));
        assertFalse(allowed(yaml, "other/client", "default/web", "80/TCP"));
    }

    @Test
    void pods_without_an_ip_get_a_deterministic_address_in_10_244_0_0_16() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: also-pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: running, namespace: shop}
                status: {podIP: 10.244.3.3}
                """;
        Scenario first = parse(yaml);
        Scenario again = parse(yaml);
        Endpoint pending = endpoint(first, "shop/pending");
        Endpoint alsoPending = endpoint(first, "shop/also-pending");
        assertTrue(pending.addressAssigned());
        assertTrue(alsoPending.addressAssigned());
        assertFalse(endpoint(first, "shop/running").addressAssigned());
        for (Endpoint endpoint : List.of(pending, alsoPending)) {
            assertEquals(1, endpoint.ips().size());
            assertTrue(new Cidr(IpAddress.parse("10.244.0.0").orElseThrow(), 16)
                    .contains(endpoint.ips().get(0)), endpoint.ips().toString());
        }
        assertNotEquals(pending.ips(), alsoPending.ips());
        assertEquals(pending.ips(), endpoint(again, "shop/pending").ips());
        assertEquals(alsoPending.ips(), endpoint(again, "shop/also-pending").ips());
    }

    @Test
    void assigned_addresses_take_part_in_ip_blocks_and_are_warned_about() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-pod-network, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.244.0.0/16}}]
                """;
        assertTrue(allowed(yaml, "shop/pending", "shop/db", "80/TCP"));
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(w -> w.message().contains("10.244.0.0/16")));
    }

    /** One cell, read from the fast engine and checked against the explained verdict. */
    private static boolean cell(Matrix matrix, String from, String to, int probe) {
        int f = matrix.indexOf(from).orElseThrow(() -> new AssertionError("no endpoint " + from));
        int t = matrix.indexOf(to).orElseThrow(() -> new AssertionError("no endpoint " + to));
        boolean fast = matrix.allowed(f, t, probe);
        boolean explained = matrix.verdict(f, t, probe).allowed();
        assertEquals(explained, fast, "engine and explained verdict disagree on " + from + " -> " + to);
        return fast;
    }

    private static Endpoint endpoint(Scenario scenario, String id) {
        return scenario.endpoints().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint " + id + " in "
                        + scenario.endpoints().stream().map(Endpoint::id).collect(Collectors.joining(", "))));
    }
}
