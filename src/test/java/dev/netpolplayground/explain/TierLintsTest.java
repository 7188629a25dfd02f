package dev.netpolplayground.explain;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier lints on the conformance cluster x/y/z × a/b/c (pod IPs 10.0.ns.pod), probes 80/TCP and 81/UDP. */
class TierLintsTest {
    private static final String CLUSTER = Scenarios.resource("conformance/cluster.yaml") + "\n---\n";

    private static List<String> lints(String policies) {
        return TierLints.of(Scenarios.evaluate(CLUSTER + policies, "80/TCP", "81/UDP"), Deadline.NONE).stream()
                .map(Problem::message).toList();
    }

    /** With an address outside the cluster as one more endpoint. */
    private static List<String> lintsWithOutside(String policies) {
        Scenario scenario = Scenarios.parse(CLUSTER + policies)
                .withExternals(List.of(IpAddress.parse("203.0.113.5").orElseThrow()));
        return TierLints.of(Evaluator.evaluate(scenario, List.of(Scenarios.probe("80/TCP")), Deadline.NONE),
                Deadline.NONE).stream().map(Problem::message).toList();
    }

    private static final String X = "{namespaces: {matchLabels: {ns: x}}}";
    private static final String Y = "{namespaces: {matchLabels: {ns: \"y\"}}}";
    private static final String ALL = "{namespaces: {}}";
    private static final String DENY_FROM_Y = "ingress: [{name: no-y, action: Deny, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]";
    private static final String ACCEPT_FROM_Y = "ingress: [{name: yes-y, action: Accept, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]";

    @Test
    void equal_priorities_over_a_shared_pod_are_flagged_with_the_pods_and_the_priority() {
        List<String> lints = lints(Scenarios.cnp("one", "Admin", 10, X, DENY_FROM_Y) + Scenarios.cnp("two", "Admin", 10, ALL, ACCEPT_FROM_Y));
        assertEquals(1, lints.size(), lints.toString());
        assertEquals("ClusterNetworkPolicy 'one' (Admin, priority 10) and ClusterNetworkPolicy 'two' (Admin, priority 10)"
                + " both select x/a, x/b, x/c, and both have priority 10: the API leaves their order to the network"
                + " plugin. Where their rules disagree the cell is shown as undefined (?). Give them different"
                + " priorities to say which comes first.", lints.get(0));
    }

    @Test
    void equal_priorities_over_different_pods_are_not_flagged() {
        assertEquals(List.of(), lints(Scenarios.cnp("one", "Admin", 10, X, DENY_FROM_Y) + Scenarios.cnp("two", "Admin", 10, Y,
                "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}]")));
    }

    @Test
    void a_baseline_admin_network_policy_and_a_baseline_cnp_over_one_pod_are_unordered() {
        String banp = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {matchLabels: {ns: x}}}
                  ingress: [{action: Deny, from: [{namespaces: {}}]}]
                ---
                """;
        List<String> lints = lints(banp + Scenarios.cnp("open-y", "Baseline", 5, X, ACCEPT_FROM_Y)).stream()
                .filter(l -> l.contains("order")).toList();
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).contains("BaselineAdminNetworkPolicy 'default' has no priority: the API leaves"
                + " their order to the network plugin"), lints.get(0));
    }

    @Test
    void a_rule_after_a_catch_all_rule_of_the_same_policy_never_decides() {
        List<String> lints = lints(Scenarios.cnp("guard", "Admin", 10, X, """
                ingress:
                - {name: everyone, action: Deny, from: [{namespaces: {}}]}
                - {name: too-late, action: Accept, from: [{namespaces: {matchLabels: {ns: "y"}}}]}
                """));
        assertEquals(List.of("ClusterNetworkPolicy 'guard' (Admin, priority 10) ingress rule #2 'too-late' never"
                + " decides anything in this scenario: the traffic it matches (y/a → x/a on 80/TCP) is decided first"
                + " by its own ingress rule #1 'everyone'."), lints);
    }

    @Test
    void a_rule_behind_a_higher_priority_policy_never_decides_and_the_pass_is_named() {
        List<String> lints = lints(Scenarios.cnp("owners", "Admin", 10, X, "ingress: [{name: to-owners, action: Pass, from: [{namespaces: {}}]}]")
                + Scenarios.cnp("deny-y", "Admin", 20, X, DENY_FROM_Y));
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).startsWith("ClusterNetworkPolicy 'deny-y' (Admin, priority 20) ingress rule #1"
                + " 'no-y' never decides anything in this scenario"), lints.get(0));
        assertTrue(lints.get(0).endsWith("is decided first by ClusterNetworkPolicy 'owners' (Admin, priority 10)"
                + " ingress rule #1 'to-owners', which passes it on."), lints.get(0));
    }

    @Test
    void a_rule_that_decides_some_of_its_traffic_is_not_flagged() {
        assertEquals(List.of(), lints(Scenarios.cnp("first", "Admin", 10, X,
                "ingress: [{action: Pass, from: [{pods: {namespaceSelector: {matchLabels: {ns: \"y\"}}, podSelector: {matchLabels: {pod: a}}}}]}]")
                + Scenarios.cnp("then", "Admin", 20, X, DENY_FROM_Y)));
    }

    @Test
    void a_baseline_whose_pods_networkpolicies_isolate_never_applies() {
        String isolateX = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: isolate, namespace: x}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                ---
                """;
        List<String> lints = lints(Scenarios.cnp("baseline-deny", "Baseline", 10, X, DENY_FROM_Y) + isolateX);
        assertEquals(List.of("ClusterNetworkPolicy 'baseline-deny' (Baseline, priority 10): its ingress rules never"
                + " apply. NetworkPolicies isolate every pod it selects (x/a, x/b, x/c) for ingress, and NetworkPolicy"
                + " decides for the pods it isolates, so the Baseline tier is never consulted for their ingress."),
                lints);
    }

    @Test
    void a_baseline_rule_for_pods_networkpolicies_isolate_only_in_part_is_not_flagged() {
        String isolateXa = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: isolate-a, namespace: x}
                spec: {podSelector: {matchLabels: {pod: a}}, policyTypes: [Ingress]}
                ---
                """;
        assertEquals(List.of(), lints(Scenarios.cnp("baseline-deny", "Baseline", 10, X, DENY_FROM_Y) + isolateXa));
    }

    @Test
    void a_deny_of_every_address_also_cuts_pod_to_pod_traffic() {
        List<String> lints = lints(Scenarios.cnp("no-internet", "Admin", 10, X,
                "egress: [{name: block, action: Deny, to: [{networks: [0.0.0.0/0]}]}]"));
        assertEquals(List.of("ClusterNetworkPolicy 'no-internet' (Admin, priority 10) egress rule #1 'block' denies by"
                + " address, and networks match pod addresses too: it also denies traffic between pods (x/a → x/b on"
                + " 80/TCP). If it is meant for traffic leaving the cluster, put a rule before it that passes (or"
                + " accepts) the pods' range."), lints);
    }

    @Test
    void a_deny_of_every_address_behind_a_pass_for_the_pods_range_is_not_flagged() {
        assertEquals(List.of(), lintsWithOutside(Scenarios.cnp("internet-only", "Admin", 10, X, """
                egress:
                - {name: pods, action: Pass, to: [{networks: [10.0.0.0/16]}]}
                - {name: block, action: Deny, to: [{networks: [0.0.0.0/0]}]}
                """)));
    }

    @Test
    void a_scenario_without_cluster_policies_has_no_tier_lints() {
        assertEquals(List.of(), lints(""));
    }
}
