package dev.netpolplayground.explain;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Verdict;
import dev.netpolplayground.model.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sentences a student reads: they name the policy and the rule (counted from 1), say which
 * selector failed on which label, and say which direction denied.
 */
class ExplanationTest {
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
            spec:
              containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]
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
            """;

    private static final String DB_FROM_API_OR_MONITORING = CLUSTER + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-in, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {team: infra}}}]
              - from: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: 5432}]
            """;

    @Test
    void the_allowing_rule_is_named_by_policy_and_rule_number_counted_from_one() {
        Explanation second = explain(DB_FROM_API_OR_MONITORING, "shop/api", "shop/db", "5432/TCP");
        Reason byRule = reason(second.ingress(), "allowed-by-rule");
        assertEquals("shop/db-in", byRule.policy());
        assertEquals(2, byRule.rule());
        assertEquals("NetworkPolicy 'shop/db-in' allows it by ingress rule #2 (from pods app=api in namespace shop,"
                + " on 5432/TCP).", byRule.message());

        Explanation first = explain(DB_FROM_API_OR_MONITORING, "ops/monitor", "shop/db", "9187/TCP");
        Reason byFirst = reason(first.ingress(), "allowed-by-rule");
        assertEquals(1, byFirst.rule());
        assertTrue(byFirst.message().contains("allows it by ingress rule #1"), byFirst.message());
    }

    @Test
    void an_isolated_side_names_the_policies_that_isolate_it() {
        Explanation explanation = explain(DB_FROM_API_OR_MONITORING, "shop/api", "shop/db", "5432/TCP");
        Reason isolated = reason(explanation.ingress(), "isolated");
        assertEquals("shop/db is isolated for ingress by NetworkPolicy 'shop/db-in': only what a rule of it allows"
                + " gets in.", isolated.message());
    }

    @Test
    void a_failing_pod_selector_names_the_pod_and_the_label_it_lacks() {
        Explanation explanation = explain(DB_FROM_API_OR_MONITORING, "shop/web", "shop/db", "5432/TCP");
        Reason second = ruleMismatch(explanation.ingress(), 2);
        assertEquals("shop/db-in", second.policy());
        assertTrue(second.message().startsWith("NetworkPolicy 'shop/db-in' ingress rule #2 does not admit shop/web"
                + " on 5432/TCP:"), second.message());
        assertTrue(second.message().contains("shop/web's labels do not satisfy app=api"), second.message());
    }

    @Test
    void a_failing_namespace_selector_names_the_namespace_and_the_label_it_lacks() {
        Explanation explanation = explain(DB_FROM_API_OR_MONITORING, "shop/web", "shop/db", "5432/TCP");
        Reason first = ruleMismatch(explanation.ingress(), 1);
        assertTrue(first.message().contains("ingress rule #1"), first.message());
        assertTrue(first.message().contains("namespace shop's labels do not satisfy team=infra"), first.message());
    }

    @Test
    void a_failing_match_expression_is_shown_in_selector_syntax() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector:
                        matchExpressions: [{key: app, operator: In, values: [api, worker]}]
                """;
        Reason reason = ruleMismatch(explain(yaml, "shop/web", "shop/db", "80/TCP").ingress(), 1);
        assertTrue(reason.message().contains("shop/web's labels do not satisfy app in (api, worker)"), reason.message());
    }

    @Test
    void a_pod_selector_without_namespace_selector_explains_it_only_looks_in_the_policy_namespace() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: monitor}}}]
                """;
        Reason reason = ruleMismatch(explain(yaml, "ops/monitor", "shop/db", "80/TCP").ingress(), 1);
        assertTrue(reason.message().contains("only matches pods in the policy's namespace shop, and this pod is in ops"),
                reason.message());
    }

    @Test
    void a_wrong_port_says_which_port_the_rule_allows() {
        Reason reason = ruleMismatch(explain(DB_FROM_API_OR_MONITORING, "shop/api", "shop/db", "80/TCP").ingress(), 2);
        assertTrue(reason.message().contains("the connection is on 80/TCP but the rule allows 5432/TCP"),
                reason.message());
        assertFalse(reason.message().contains("labels"), "the peer matched, so only the port is blamed: "
                + reason.message());
    }

    @Test
    void a_named_port_mismatch_says_what_the_destination_declares() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: http-in, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports: [{port: http}]
                """;
        Reason elsewhere = ruleMismatch(explain(yaml, "shop/web", "shop/api", "80/TCP").ingress(), 1);
        assertTrue(elsewhere.message().contains("shop/api's port http is 8080, not 80/TCP"), elsewhere.message());
        Reason missing = ruleMismatch(explain(yaml, "shop/web", "shop/db", "8080/TCP").ingress(), 1);
        assertTrue(missing.message().contains("shop/db declares no TCP container port named http"), missing.message());
    }

    @Test
    void a_deny_all_policy_says_it_has_no_ingress_rules() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """;
        Explanation explanation = explain(yaml, "shop/web", "shop/db", "80/TCP");
        Reason reason = reason(explanation.ingress(), "no-rules");
        assertEquals("shop/deny-all", reason.policy());
        assertEquals("NetworkPolicy 'shop/deny-all' selects shop/db but has no ingress rules, so it allows no ingress"
                + " at all.", reason.message());
    }

    @Test
    void an_unisolated_direction_says_no_policy_selects_the_pod_for_it() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """;
        Explanation explanation = explain(yaml, "shop/db", "ops/monitor", "80/TCP");
        Reason egress = reason(explanation.egress(), "not-isolated");
        assertEquals("No policy selects shop/db for egress (NetworkPolicy 'shop/deny-all' selects it, but not for"
                + " egress), so egress is allowed.", egress.message());
        Reason ingress = reason(explanation.ingress(), "not-isolated");
        assertEquals("No policy selects ops/monitor for ingress, so ingress is allowed.", ingress.message());
    }

    @Test
    void an_ip_block_that_matches_a_pod_adds_the_plugin_note() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.1.0/24}}]
                """;
        Explanation explanation = explain(yaml, "shop/api", "shop/db", "80/TCP");
        assertTrue(explanation.allowed());
        assertTrue(reason(explanation.ingress(), "allowed-by-rule").message().contains("from ipBlock 10.0.1.0/24"));
        String note = note(explanation, "ipBlock matched the pod shop/api through its IP");
        assertTrue(note.contains("Cilium"), note);
    }

    @Test
    void an_ip_block_matching_a_pod_without_ip_notes_the_address_it_was_given() {
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
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.244.0.0/16}}]
                """;
        Explanation explanation = explain(yaml, "shop/pending", "shop/db", "80/TCP");
        String note = note(explanation, "shop/pending has no IP in its status; it was given 10.244.");
        assertTrue(note.endsWith("for this evaluation."), note);
    }

    @Test
    void an_address_in_an_except_range_is_explained_as_excluded() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.2.0/24]}}]
                """;
        Reason reason = ruleMismatch(explain(yaml, "ops/monitor", "shop/db", "80/TCP").ingress(), 1);
        assertTrue(reason.message().contains("10.0.2.1 is excluded by except 10.0.2.0/24"), reason.message());
    }

    @Test
    void a_pod_talking_to_itself_gets_the_loopback_summary_and_note() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
        Explanation explanation = explain(yaml, "shop/db", "shop/db", "80/TCP");
        assertTrue(explanation.allowed());
        assertTrue(explanation.loopback());
        assertEquals("Allowed: shop/db → shop/db on 80/TCP is a pod talking to itself (loopback), which is always"
                + " allowed.", explanation.summary());
        note(explanation, "A pod can always reach itself");
    }

    @Test
    void a_host_network_pod_is_explained_as_outside_policy() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent, namespace: shop, labels: {app: agent}}
                spec: {hostNetwork: true}
                status: {podIP: 192.168.0.10}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
        Explanation explanation = explain(yaml, "shop/agent", "ops/monitor", "80/TCP");
        Reason reason = reason(explanation.egress(), "host-network");
        assertEquals("shop/agent uses the host network, so NetworkPolicy does not apply to its egress.",
                reason.message());
        note(explanation, "Host-network pods share the node's network");
    }

    @Test
    void a_host_network_source_is_explained_as_unmatched_by_pod_selectors() {
        String yaml = CLUSTER + """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent, namespace: shop, labels: {app: agent}}
                spec: {hostNetwork: true}
                status: {podIP: 192.168.0.10}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {}}]
                """;
        Reason reason = ruleMismatch(explain(yaml, "shop/agent", "shop/db", "80/TCP").ingress(), 1);
        assertTrue(reason.message().contains("shop/agent uses the host network"), reason.message());
    }

    @Test
    void an_outside_address_is_explained_as_outside_the_cluster() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{namespaceSelector: {}}]
                """;
        Matrix matrix = Evaluator.evaluate(Scenarios.parse(yaml)
                .withExternals(List.of(IpAddress.parse("203.0.113.5").orElseThrow())), List.of(Scenarios.probe("80/TCP")));
        Verdict verdict = matrix.verdict(matrix.indexOf("ip:203.0.113.5").orElseThrow(),
                matrix.indexOf("shop/db").orElseThrow(), 0);
        Explanation explanation = Explainer.explain(verdict);
        assertEquals("203.0.113.5 is outside the cluster, so no NetworkPolicy restricts its egress.",
                reason(explanation.egress(), "outside-cluster").message());
        Reason mismatch = ruleMismatch(explanation.ingress(), 1);
        assertTrue(mismatch.message().contains("203.0.113.5 is outside the cluster, and pod or namespace selectors only"
                + " match pods"), mismatch.message());
        assertEquals("Denied: 203.0.113.5 → shop/db on 80/TCP — ingress to shop/db denies it.", explanation.summary());
    }

    @Test
    void the_summary_says_egress_denied_when_only_egress_denies() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: no-egress, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                """;
        Explanation explanation = explain(yaml, "shop/web", "shop/api", "8080/TCP");
        assertFalse(explanation.allowed());
        assertFalse(explanation.egress().allowed());
        assertTrue(explanation.ingress().allowed());
        assertEquals("Denied: shop/web → shop/api on 8080/TCP — egress from shop/web denies it.", explanation.summary());
    }

    @Test
    void the_summary_says_ingress_denied_when_only_ingress_denies() {
        Explanation explanation = explain(DB_FROM_API_OR_MONITORING, "shop/web", "shop/db", "5432/TCP");
        assertEquals("Denied: shop/web → shop/db on 5432/TCP — ingress to shop/db denies it.", explanation.summary());
    }

    @Test
    void the_summary_says_both_when_both_directions_deny() {
        String yaml = CLUSTER + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
        Explanation explanation = explain(yaml, "shop/web", "shop/db", "80/TCP");
        assertEquals("Denied: shop/web → shop/db on 80/TCP — both egress from shop/web and ingress to shop/db deny it.",
                explanation.summary());
        assertEquals("shop/deny-all", reason(explanation.egress(), "no-rules").policy());
        assertTrue(reason(explanation.egress(), "no-rules").message().contains("has no egress rules"));
    }

    @Test
    void the_summary_says_allowed_when_both_directions_allow() {
        Explanation explanation = explain(DB_FROM_API_OR_MONITORING, "shop/api", "shop/db", "5432/TCP");
        assertTrue(explanation.allowed());
        assertEquals("Allowed: shop/api → shop/db on 5432/TCP — egress from the source and ingress to the destination"
                + " both allow it.", explanation.summary());
    }

    private static Explanation explain(String yaml, String from, String to, String probe) {
        return Explainer.explain(Scenarios.verdict(yaml, from, to, probe));
    }

    private static Reason reason(Explanation.Side side, String code) {
        List<Reason> found = side.reasons().stream().filter(r -> r.code().equals(code)).collect(Collectors.toList());
        if (found.size() != 1) {
            fail("expected one '" + code + "' reason on the " + side.direction() + " side, got " + side.reasons());
        }
        return found.get(0);
    }

    private static Reason ruleMismatch(Explanation.Side side, int rule) {
        return side.reasons().stream().filter(r -> r.code().equals("rule-mismatch") && r.rule() == rule).findFirst()
                .orElseGet(() -> fail("no rule-mismatch reason for rule #" + rule + " in " + side.reasons()));
    }

    private static String note(Explanation explanation, String start) {
        return explanation.notes().stream().filter(n -> n.contains(start)).findFirst()
                .orElseGet(() -> fail("no note containing '" + start + "' in " + explanation.notes()));
    }
}
