package dev.netpolplayground.parse;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static dev.netpolplayground.Scenarios.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the API server would reject is reported as errors, each pinned to line, column and field
 * path, all of them in one pass; what it would accept but likely surprises is a warning.
 * Positions are found by searching the scenario text, so each test says where it expects the
 * problem: {@code assertAt(problem, yaml, "port: 0", "0")} means the "0" inside "port: 0".
 */
class ValidationTest {

    // names and labels

    @Test
    void pod_name_must_be_a_dns_subdomain() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: Web_1
                  namespace: shop
                """;
        Problem problem = onlyError(yaml, "metadata.name");
        assertAt(problem, yaml, "name: Web_1", "Web_1");
        assertTrue(problem.message().contains("RFC 1123"), problem.message());
    }

    @Test
    void namespace_names_are_dns_labels_so_dots_are_not_allowed() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop.prod
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web.v1
                  namespace: shop.prod
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "metadata.name"), yaml, "name: shop.prod", "shop.prod");
        assertAt(onlyError(failed, "metadata.namespace"), yaml, "namespace: shop.prod", "shop.prod");
    }

    @Test
    void label_keys_must_be_qualified_names_with_an_optional_dns_prefix() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    _app: web
                    Example.com/tier: front
                    example.com/tier: front
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "metadata.labels._app"), yaml, "_app: web", "_app");
        assertAt(onlyError(failed, "metadata.labels.Example.com/tier"), yaml, "Example.com/tier", "Example.com/tier");
    }

    @Test
    void label_values_must_start_and_end_with_a_letter_or_digit() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    version: v1.0-
                """;
        Problem problem = onlyError(yaml, "metadata.labels.version");
        assertAt(problem, yaml, "version: v1.0-", "v1.0-");
    }

    @Test
    void label_value_that_reads_as_a_number_must_be_quoted() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: v1-only, namespace: shop}
                spec:
                  podSelector:
                    matchLabels:
                      version: 1
                """;
        Problem problem = onlyError(yaml, "spec.podSelector.matchLabels.version");
        assertAt(problem, yaml, "version: 1", "1");
        assertTrue(problem.message().contains("quote it"), problem.message());
    }

    // label selectors

    @Test
    void in_and_not_in_need_at_least_one_value() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: tiers, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions:
                    - key: tier
                      operator: In
                    - key: zone
                      operator: NotIn
                      values: []
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "spec.podSelector.matchExpressions[0].values"), yaml, "key: tier", "key");
        assertAt(onlyError(failed, "spec.podSelector.matchExpressions[1].values"), yaml, "values: []", "values");
    }

    @Test
    void exists_must_not_have_values() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: tiers, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions:
                    - {key: tier, operator: Exists, values: [front]}
                """;
        Problem problem = onlyError(yaml, "spec.podSelector.matchExpressions[0].values");
        assertAt(problem, yaml, "values: [front]", "values");
        assertTrue(problem.message().contains("must not have values"), problem.message());
    }

    @Test
    void unknown_operator_suggests_the_closest_one() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: tiers, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions:
                    - {key: tier, operator: in, values: [front]}
                """;
        Problem problem = onlyError(yaml, "spec.podSelector.matchExpressions[0].operator");
        assertAt(problem, yaml, "operator: in", "in");
        assertTrue(problem.message().contains("did you mean 'In'?"), problem.message());
    }

    @Test
    void an_unknown_protocol_is_an_error_with_a_hint_in_policies_and_in_container_ports() {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - ports: [{port: 53, protocol: udp}]
                """;
        Problem inPolicy = onlyError(policy, "spec.egress[0].ports[0].protocol");
        assertAt(inPolicy, policy, "protocol: udp", "udp");
        assertEquals("protocol 'udp' is not supported; did you mean 'UDP'?", inPolicy.message());
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: dns, namespace: shop}
                spec:
                  containers:
                  - name: c
                    ports: [{containerPort: 53, protocol: QUIC}]
                """;
        Problem inPod = onlyError(pod, "spec.containers[0].ports[0].protocol");
        assertAt(inPod, pod, "protocol: QUIC", "QUIC");
        assertEquals("protocol 'QUIC' is not supported; use TCP, UDP or SCTP", inPod.message());
    }

    // ipBlock

    @Test
    void ip_block_cidr_must_be_a_valid_cidr() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: nets, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 10.0.0.0/33}
                    - ipBlock: {cidr: 10.0.0.300/8}
                    - ipBlock: {cidr: 10.0.0.1}
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(3, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "spec.ingress[0].from[0].ipBlock.cidr"), yaml, "10.0.0.0/33", "10.0.0.0/33");
        assertAt(onlyError(failed, "spec.ingress[0].from[1].ipBlock.cidr"), yaml, "10.0.0.300/8", "10.0.0.300/8");
        assertAt(onlyError(failed, "spec.ingress[0].from[2].ipBlock.cidr"), yaml, "10.0.0.1}", "10.0.0.1");
    }

    @Test
    void except_must_be_a_strict_subset_of_the_cidr() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: nets, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock:
                        cidr: 10.0.0.0/16
                        except: [10.0.1.0/24, 10.1.0.0/24, 10.0.0.0/16]
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        Problem outside = onlyError(failed, "spec.egress[0].to[0].ipBlock.except[1]");
        assertAt(outside, yaml, "10.1.0.0/24", "10.1.0.0/24");
        assertTrue(outside.message().contains("strict subset"), outside.message());
        assertAt(onlyError(failed, "spec.egress[0].to[0].ipBlock.except[2]"), yaml, "10.0.0.0/16]", "10.0.0.0/16");
    }

    @Test
    void except_must_be_of_the_same_family_as_the_cidr() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: nets, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock:
                        cidr: 10.0.0.0/8
                        except: ["fd00::/64"]
                """;
        Problem problem = onlyError(yaml, "spec.egress[0].to[0].ipBlock.except[0]");
        assertAt(problem, yaml, "\"fd00::/64\"", "\"");
        assertTrue(problem.message().contains("IPv6") && problem.message().contains("IPv4"), problem.message());
    }

    @Test
    void ip_block_cannot_share_a_peer_with_selectors() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: mixed, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: web}}
                      ipBlock: {cidr: 10.0.0.0/8}
                """;
        Problem problem = onlyError(yaml, "spec.ingress[0].from[0].ipBlock");
        assertAt(problem, yaml, "ipBlock: {cidr", "ipBlock");
    }

    @Test
    void an_empty_peer_must_specify_a_peer() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: empty-peer, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: web}}
                    - {}
                """;
        Problem problem = onlyError(yaml, "spec.ingress[0].from[1]");
        assertAt(problem, yaml, "- {}", "{}");
        assertTrue(problem.message().contains("must specify a peer"), problem.message());
    }

    // ports

    @Test
    void port_numbers_must_be_between_1_and_65535() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: 0
                    - port: 70000
                    - port: 65535
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].port"), yaml, "port: 0", "0");
        assertAt(onlyError(failed, "spec.ingress[0].ports[1].port"), yaml, "port: 70000", "70000");
    }

    @Test
    void a_quoted_numeric_port_is_rejected_with_a_hint() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: "80"
                """;
        Problem problem = onlyError(yaml, "spec.ingress[0].ports[0].port");
        assertAt(problem, yaml, "port: \"80\"", "\"80\"");
        assertTrue(problem.message().contains("port: 80"), problem.message());
    }

    @Test
    void a_port_name_must_be_an_iana_service_name() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: Http
                    - port: a-very-long-port-name
                    - port: http--alt
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(3, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].port"), yaml, "Http", "Http");
        assertAt(onlyError(failed, "spec.ingress[0].ports[1].port"), yaml, "a-very-long", "a-very-long");
        assertAt(onlyError(failed, "spec.ingress[0].ports[2].port"), yaml, "http--alt", "http--alt");
    }

    @Test
    void end_port_cannot_be_used_with_a_named_port() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - {port: http, endPort: 90}
                """;
        Problem problem = onlyError(yaml, "spec.ingress[0].ports[0].endPort");
        assertAt(problem, yaml, "endPort: 90", "endPort");
    }

    @Test
    void end_port_must_not_be_below_port() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - ports:
                    - port: 9000
                      endPort: 8000
                """;
        Problem problem = onlyError(yaml, "spec.egress[0].ports[0].endPort");
        assertAt(problem, yaml, "endPort: 8000", "endPort");
    }

    @Test
    void end_port_needs_a_port() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - ports:
                    - protocol: TCP
                      endPort: 8000
                """;
        Problem problem = onlyError(yaml, "spec.egress[0].ports[0].endPort");
        assertAt(problem, yaml, "endPort: 8000", "endPort");
    }

    @Test
    void protocol_is_case_sensitive_and_suggests_the_right_spelling() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - {port: 80, protocol: tcp}
                """;
        Problem problem = onlyError(yaml, "spec.ingress[0].ports[0].protocol");
        assertAt(problem, yaml, "protocol: tcp", "tcp");
        assertTrue(problem.message().contains("did you mean 'TCP'?"), problem.message());
    }

    @Test
    void every_problem_of_one_ports_entry_is_reported() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ports, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - {port: 70000, protocol: tcp}
                """;
        Parsed.Failed failed = failed(yaml);
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].protocol"), yaml, "protocol: tcp", "tcp");
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].port"), yaml, "70000", "70000");
    }

    // the policy's shape

    @Test
    void policy_types_accept_only_ingress_and_egress() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: types, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, egres]
                """;
        Problem problem = onlyError(yaml, "spec.policyTypes[1]");
        assertAt(problem, yaml, "egres]", "egres");
        assertTrue(problem.message().contains("did you mean 'Egress'?"), problem.message());
    }

    @Test
    void a_misspelt_spec_field_is_unknown_and_suggests_the_known_one() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: typo, namespace: shop}
                spec:
                  podselector: {}
                  policyTypes: [Ingress]
                """;
        Parsed.Failed failed = failed(yaml);
        assertEquals(2, failed.errors().size(), failed.errors().toString());
        onlyError(failed, "spec.podSelector");
        Problem problem = onlyError(failed, "spec.podselector");
        assertAt(problem, yaml, "podselector", "podselector");
        assertTrue(problem.message().contains("did you mean 'podSelector'?"), problem.message());
    }

    @Test
    void pod_selector_is_required() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: no-selector, namespace: shop}
                spec:
                  policyTypes: [Ingress]
                """;
        Problem problem = onlyError(yaml, "spec.podSelector");
        assertAt(problem, yaml, "  policyTypes", "policyTypes");
        assertTrue(problem.message().contains("podSelector: {}"), problem.message());
    }

    @Test
    void network_policy_must_be_networking_k8s_io_v1() {
        String yaml = """
                apiVersion: extensions/v1beta1
                kind: NetworkPolicy
                metadata: {name: old, namespace: shop}
                spec:
                  podSelector: {}
                """;
        Problem problem = onlyError(yaml, "apiVersion");
        assertAt(problem, yaml, "extensions/v1beta1", "extensions/v1beta1");
    }

    // the document as a whole

    @Test
    void the_same_object_twice_is_an_error_at_the_second() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: other}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                """;
        Problem problem = onlyError(yaml, "metadata.name");
        assertAt(problem, yaml, "  name: web", "web");
        assertTrue(problem.message().contains("defined twice (first at line 3)"), problem.message());
    }

    @Test
    void a_key_twice_in_one_mapping_is_an_error_at_the_second() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app: web
                    tier: front
                    app: api
                """;
        Problem problem = onlyError(yaml, "metadata.labels.app");
        assertAt(problem, yaml, "app: api", "app");
        assertTrue(problem.message().contains("first at line 7"), problem.message());
    }

    @Test
    void text_that_is_not_yaml_fails_as_a_syntax_error_with_a_position() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: app: web
                """;
        Parsed.Failed failed = failed(yaml);
        assertTrue(failed.syntax());
        assertEquals(1, failed.errors().size(), failed.errors().toString());
        Problem problem = failed.errors().get(0);
        assertEquals(5, problem.line(), problem.toString());
        assertTrue(problem.column() > 0, problem.toString());
    }

    @Test
    void an_alias_that_refers_to_itself_is_rejected() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    a: &x [*x]
                """;
        Parsed parsed = assertTimelyParse(yaml);
        assertTrue(parsed instanceof Parsed.Failed, "a cyclic alias must not parse");
        Parsed.Failed failed = (Parsed.Failed) parsed;
        assertFalse(failed.errors().isEmpty());
        assertTrue(failed.errors().stream().anyMatch(p -> p.line() == 7 && p.message().contains("alias")),
                failed.errors().toString());
    }

    @Test
    void all_problems_are_reported_at_once() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: Web, namespace: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions: [{key: app, operator: Exist}]
                  ingress:
                  - ports: [{port: 80, protocol: udp}]
                """;
        Parsed.Failed failed = failed(yaml);
        assertFalse(failed.syntax());
        assertEquals(3, failed.errors().size(), failed.errors().toString());
        assertAt(onlyError(failed, "metadata.name"), yaml, "name: Web", "Web");
        Problem operator = onlyError(failed, "spec.podSelector.matchExpressions[0].operator");
        assertAt(operator, yaml, "Exist}", "Exist");
        assertTrue(operator.message().contains("did you mean 'Exists'?"), operator.message());
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].protocol"), yaml, "udp", "udp");
    }

    @Test
    void a_policy_without_a_name_still_has_its_spec_checked() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports: [{port: 0}]
                """;
        Parsed.Failed failed = failed(yaml);
        onlyError(failed, "metadata.name");
        assertAt(onlyError(failed, "spec.ingress[0].ports[0].port"), yaml, "port: 0", "0");
    }

    @Test
    void problems_inside_a_list_carry_the_item_path() {
        String yaml = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: web, namespace: shop}
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: web, namespace: shop}
                  spec:
                    podSelector: {}
                    ingress:
                    - ports: [{port: 0}]
                """;
        Problem problem = onlyError(yaml, "items[1].spec.ingress[0].ports[0].port");
        assertAt(problem, yaml, "port: 0", "0");
    }

    @Test
    void unknown_kinds_are_skipped_with_a_warning_not_an_error() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {mode: fast}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                """;
        Parsed parsed = new ScenarioParser().parse(yaml);
        assertTrue(parsed instanceof Parsed.Ok, () -> "expected Ok, got " + parsed);
        assertEquals(1, ((Parsed.Ok) parsed).scenario().endpoints().size());
        assertTrue(hasWarning(parsed.warnings(), "Service skipped (web)"), parsed.warnings().toString());
        assertTrue(hasWarning(parsed.warnings(), "ConfigMap skipped (settings)"), parsed.warnings().toString());
    }

    @Test
    void json_input_is_accepted() {
        String json = """
                {
                  "apiVersion": "v1",
                  "kind": "List",
                  "items": [
                    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}},
                    {
                      "apiVersion": "v1", "kind": "Pod",
                      "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
                      "spec": {"containers": [{"name": "web", "ports": [{"name": "http", "containerPort": 8080}]}]},
                      "status": {"podIP": "10.0.1.1"}
                    },
                    {
                      "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                      "metadata": {"name": "web", "namespace": "shop"},
                      "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{"ports": [{"port": "http"}]}]}
                    }
                  ]
                }
                """;
        Scenario scenario = Scenarios.parse(json);
        assertEquals(1, scenario.endpoints().size());
        assertEquals(1, scenario.policies().size());
        assertTrue(Scenarios.warnings(json).isEmpty(), Scenarios.warnings(json).toString());
    }

    @Test
    void json_problems_have_positions_too() {
        String json = """
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "web", "namespace": "shop"},
                 "spec": {"podSelector": {}, "ingress": [{"ports": [{"port": "80"}]}]}}
                """;
        Problem problem = onlyError(json, "spec.ingress[0].ports[0].port");
        assertAt(problem, json, "\"80\"", "\"80\"");
    }

    // warnings

    @Test
    void an_undeclared_namespace_is_assumed_with_a_warning() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: tools
                """;
        List<Problem> warnings = Scenarios.warnings(yaml);
        Scenarios.parse(yaml);
        Problem warning = only(warnings, "metadata.namespace");
        assertEquals(Problem.Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("namespace 'tools' is not declared"), warning.message());
        assertAt(warning, yaml, "namespace: tools", "namespace");
    }

    @Test
    void warnings_inside_a_list_carry_the_item_path_like_errors_do() {
        String yaml = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Namespace
                  metadata: {name: shop}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: web, namespace: tools}
                """;
        Scenarios.parse(yaml);
        Problem warning = only(Scenarios.warnings(yaml), "items[1].metadata.namespace");
        assertAt(warning, yaml, "namespace: tools", "namespace");
    }

    @Test
    void port_53_without_protocol_warns_that_it_means_tcp_only() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - ports:
                    - port: 53
                    - {port: 53, protocol: UDP}
                """;
        Scenarios.parse(yaml);
        Problem warning = only(Scenarios.warnings(yaml), "spec.egress[0].ports[0].port");
        assertAt(warning, yaml, "- port: 53", "53");
        assertTrue(warning.message().contains("TCP only"), warning.message());
    }

    @Test
    void yaml_1_1_boolean_words_warn_because_kubectl_reads_them_as_booleans() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels:
                    alerts: on
                    legacy: yes
                    zone: y
                """;
        Scenario scenario = Scenarios.parse(yaml);
        assertEquals("on", scenario.namespaces().get(0).labels().get("alerts"));
        List<Problem> warnings = Scenarios.warnings(yaml);
        assertEquals(3, warnings.size(), warnings.toString());
        assertAt(only(warnings, "metadata.labels.alerts"), yaml, "alerts: on", "on");
        assertAt(only(warnings, "metadata.labels.legacy"), yaml, "legacy: yes", "yes");
        assertAt(only(warnings, "metadata.labels.zone"), yaml, "zone: y", "y");
        assertTrue(warnings.get(0).message().contains("quote it"), warnings.get(0).message());
    }

    @Test
    void policy_types_leaving_out_a_direction_whose_rules_exist_warns_they_are_ignored() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: half, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  ingress:
                  - from: [{podSelector: {}}]
                  egress:
                  - to: [{podSelector: {}}]
                """;
        Scenarios.parse(yaml);
        Problem warning = only(Scenarios.warnings(yaml), "spec.ingress");
        assertAt(warning, yaml, "  ingress:", "ingress");
        assertTrue(warning.message().contains("ignored"), warning.message());
    }

    @Test
    void empty_egress_without_policy_types_warns_that_it_does_not_isolate_egress() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress-not-really, namespace: shop}
                spec:
                  podSelector: {}
                  egress: []
                """;
        Scenarios.parse(yaml);
        Problem warning = only(Scenarios.warnings(yaml), "spec.egress");
        assertAt(warning, yaml, "egress: []", "egress");
    }

    @Test
    void valid_input_has_no_warnings() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web, enabled: "on"}}
                status: {podIP: 10.0.1.1}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Ingress, Egress]
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.5.0/24]}}]}]
                  egress: [{ports: [{port: 53, protocol: UDP}, {port: 8000, endPort: 8080}]}]
                """;
        Scenarios.parse(yaml);
        assertEquals(List.of(), Scenarios.warnings(yaml));
    }

    private static Parsed assertTimelyParse(String yaml) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new ScenarioParser().parse(yaml));
    }

    private static boolean hasWarning(List<Problem> warnings, String text) {
        return warnings.stream().anyMatch(w -> w.message().contains(text));
    }

    /** The one error of a text that must fail with exactly one error, at {@code path}. */
    private static Problem onlyError(String yaml, String path) {
        Parsed.Failed failed = failed(yaml);
        assertFalse(failed.syntax(), "not a syntax error: " + failed.errors());
        assertEquals(1, failed.errors().size(), () -> "expected one error, got " + failed.errors());
        return onlyError(failed, path);
    }

    private static Problem onlyError(Parsed.Failed failed, String path) {
        Problem problem = only(failed.errors(), path);
        assertEquals(Problem.Severity.ERROR, problem.severity());
        return problem;
    }

    private static Problem only(List<Problem> problems, String path) {
        List<Problem> at = problems.stream().filter(p -> p.path().equals(path)).collect(Collectors.toList());
        if (at.size() != 1) {
            fail("expected one problem at " + path + ", got " + at.size() + " in " + problems);
        }
        return at.get(0);
    }

    /** Asserts the problem points at {@code token} inside the first (and only) occurrence of {@code context}. */
    private static void assertAt(Problem problem, String text, String context, String token) {
        int start = text.indexOf(context);
        if (start < 0 || text.indexOf(context, start + 1) >= 0) {
            fail("test bug: '" + context + "' must occur exactly once in the scenario");
        }
        int offset = context.indexOf(token);
        if (offset < 0) {
            fail("test bug: '" + token + "' is not inside '" + context + "'");
        }
        int index = start + offset;
        int line = 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
        int column = index - text.lastIndexOf('\n', index - 1);
        assertEquals(line + ":" + column, problem.line() + ":" + problem.column(),
                "where '" + token + "' stands, for " + problem);
    }
}
