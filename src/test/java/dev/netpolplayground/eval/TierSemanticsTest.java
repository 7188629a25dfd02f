package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.explain.Explainer;
import dev.netpolplayground.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier chain, one test per rule of ../shared/notes/cluster-network-policy.md (§3, §5 worked
 * examples E1–E10), on the conformance cluster x/y/z × a/b/c (pod IPs 10.0.ns.pod). Every cell is
 * read from the bit rows and from the explained verdict, which must agree.
 */
class TierSemanticsTest {
    private static final String CLUSTER = Scenarios.resource("conformance/cluster.yaml") + "\n---\n";

    private static Reach reach(String policies, String from, String to, String probe) {
        Matrix matrix = Scenarios.evaluate(CLUSTER + policies, probe);
        int f = matrix.indexOf(from).orElseThrow();
        int t = matrix.indexOf(to).orElseThrow();
        Reach fast = matrix.reach(f, t, 0);
        Reach explained = matrix.verdict(f, t, 0).reach();
        assertEquals(explained, fast, "engine and explained verdict disagree on " + from + " -> " + to);
        return fast;
    }

    private static String explanation(String policies, String from, String to, String probe) {
        return Explainer.explain(Scenarios.verdict(CLUSTER + policies, from, to, probe)).text();
    }

    private static final String X = "{namespaces: {matchLabels: {ns: x}}}";
    private static final String ALL = "{namespaces: {}}";

    private static final String ALLOW_ALL_INGRESS_IN_X = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-all, namespace: x}
            spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{}]}
            ---
            """;

    @Test
    void admin_deny_beats_a_networkpolicy_allow_all() {
        String policies = Scenarios.cnp("deny-from-y-a", "Admin", 10, X, """
                ingress:
                - {name: deny-y-a, action: Deny, from: [{pods: {namespaceSelector: {matchLabels: {ns: "y"}}, podSelector: {matchLabels: {pod: a}}}}]}
                """) + ALLOW_ALL_INGRESS_IN_X;
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/b", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/c", "81/UDP"));
        assertEquals(Reach.ALLOWED, reach(policies, "y/b", "x/b", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/a", "80/TCP"));
        String text = explanation(policies, "y/a", "x/b", "80/TCP");
        assertTrue(text.contains("Admin tier: ClusterNetworkPolicy 'deny-from-y-a' (Admin, priority 10) ingress rule"
                + " #1 'deny-y-a' denies it"), text);
        assertTrue(text.contains("so the NetworkPolicies that select x/b are never consulted"), text);
    }

    @Test
    void pass_delegates_to_networkpolicy_and_skips_every_later_admin_rule() {
        String policies = Scenarios.cnp("pass-y", "Admin", 10, X, "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]")
                + Scenarios.cnp("deny-all", "Admin", 20, X, "ingress: [{action: Deny, from: [{namespaces: {}}]}]")
                + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-y-a, namespace: x}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress: [{from: [{namespaceSelector: {matchLabels: {ns: "y"}}, podSelector: {matchLabels: {pod: a}}}]}]
                ---
                """;
        assertEquals(Reach.ALLOWED, reach(policies, "y/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "y/b", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/b", "x/a", "80/TCP"));
    }

    @Test
    void pass_with_no_networkpolicy_lands_on_the_baseline() {
        String policies = Scenarios.cnp("pass-y", "Admin", 10, X, "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]")
                + Scenarios.cnp("accept-all", "Admin", 20, X, "ingress: [{action: Accept, from: [{namespaces: {}}]}]")
                + Scenarios.cnp("deny-y", "Baseline", 10, X, "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]");
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "x/b", "x/a", "80/TCP"));
    }

    @Test
    void a_networkpolicy_decides_for_the_pods_it_isolates_so_the_baseline_is_never_reached() {
        String policies = Scenarios.cnp("default", "Baseline", 10, ALL, "ingress: [{action: Deny, from: [{namespaces: {}}]}]") + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-y, namespace: x}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress: [{from: [{namespaceSelector: {matchLabels: {ns: "y"}}}]}]
                ---
                """;
        assertEquals(Reach.ALLOWED, reach(policies, "y/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/b", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/a", "y/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/a", "z/b", "80/TCP"));
        String text = explanation(policies, "z/a", "x/a", "80/TCP");
        assertTrue(text.contains("the Baseline tier is never consulted"), text);
    }

    @Test
    void networks_match_pod_addresses_so_deny_everything_cuts_pod_traffic_too() {
        String policies = Scenarios.cnp("x-egress", "Admin", 85, "{pods: {namespaceSelector: {matchLabels: {ns: x}}, podSelector: {}}}", """
                egress:
                - {action: Accept, to: [{pods: {namespaceSelector: {matchLabels: {ns: "y"}}, podSelector: {}}}]}
                - {action: Deny, to: [{networks: [0.0.0.0/0, "::/0"]}]}
                """);
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/b", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/a", "x/b", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/a", "z/a", "80/TCP"));
        String opened = policies.replace("egress:\n", "egress:\n  - {action: Accept, to: [{networks: [10.0.3.1/32]}]}\n");
        assertEquals(Reach.ALLOWED, reach(opened, "x/a", "z/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(opened, "x/a", "z/b", "80/TCP"));
    }

    @Test
    void pass_all_pods_then_deny_the_internet_keeps_pod_traffic() {
        String policies = Scenarios.cnp("internet", "Admin", 10, ALL, """
                egress:
                - {action: Pass, to: [{namespaces: {}}]}
                - {action: Deny, to: [{networks: [0.0.0.0/0]}]}
                """);
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "z/c", "80/TCP"));
        Matrix matrix = dev.netpolplayground.eval.Evaluator.evaluate(Scenarios.parse(CLUSTER + policies)
                .withExternals(java.util.List.of(dev.netpolplayground.model.IpAddress.parse("203.0.113.5").orElseThrow())),
                java.util.List.of(Scenarios.probe("443/TCP")));
        int outside = matrix.indexOf("ip:203.0.113.5").orElseThrow();
        assertEquals(Reach.DENIED, matrix.reach(matrix.indexOf("x/a").orElseThrow(), outside, 0));
        assertEquals(Reach.DENIED, matrix.verdict(matrix.indexOf("x/a").orElseThrow(), outside, 0).reach());
    }

    @Test
    void egress_accept_is_final_for_egress_only_and_the_destination_ingress_still_applies() {
        String policies = Scenarios.cnp("x-to-y", "Admin", 10, X, "egress: [{action: Accept, to: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]")
                + Scenarios.cnp("y-from-x-a", "Admin", 20, "{namespaces: {matchLabels: {ns: \"y\"}}}",
                "ingress: [{action: Accept, from: [{pods: {namespaceSelector: {matchLabels: {ns: x}}, podSelector: {matchLabels: {pod: a}}}}]}]")
                + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: x}
                spec: {podSelector: {}, policyTypes: [Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: "y"}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                ---
                """;
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/b", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/b", "y/b", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "x/a", "z/a", "80/TCP"));
    }

    @Test
    void isolation_is_per_direction_so_an_egress_only_networkpolicy_leaves_ingress_to_the_baseline() {
        String policies = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: egress-all, namespace: x}
                spec: {podSelector: {}, policyTypes: [Egress], egress: [{}]}
                ---
                """ + Scenarios.cnp("pass-y", "Admin", 10, X, "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]")
                + Scenarios.cnp("baseline-x", "Baseline", 10, X, """
                ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: "y"}}}]}]
                egress: [{action: Deny, to: [{namespaces: {matchLabels: {ns: z}}}]}]
                """);
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "z/a", "80/TCP"));
    }

    @Test
    void a_named_port_resolves_on_each_destination_pod_by_name_and_protocol() {
        String policies = Scenarios.cnp("deny-web", "Admin", 10, X,
                "egress: [{action: Deny, to: [{namespaces: {}}], protocols: [{destinationNamedPort: serve-81-udp}]}]");
        assertEquals(Reach.DENIED, reach(policies, "x/a", "y/a", "81/UDP"));
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/a", "81/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/a", "80/UDP"));
    }

    @Test
    void rules_are_tried_in_written_order_and_the_first_match_decides() {
        String ordered = "ingress:\n- {action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}\n"
                + "- {action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}";
        String swapped = "ingress:\n- {action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}\n"
                + "- {action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}";
        String np = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: x}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                ---
                """;
        assertEquals(Reach.ALLOWED, reach(Scenarios.cnp("order", "Admin", 3, X, ordered) + np, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(Scenarios.cnp("order", "Admin", 3, X, swapped), "z/a", "x/a", "80/TCP"));
    }

    @Test
    void the_lower_priority_number_is_consulted_first_whatever_the_document_order() {
        String policies = Scenarios.cnp("late", "Admin", 50, X, "ingress: [{action: Accept, from: [{namespaces: {}}]}]")
                + Scenarios.cnp("early", "Admin", 5, X, "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}]");
        assertEquals(Reach.DENIED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "y/a", "x/a", "80/TCP"));
    }

    @Test
    void equal_priorities_that_disagree_make_the_cell_undefined_and_agreeing_ones_do_not() {
        String policies = Scenarios.cnp("accept-z", "Admin", 10, X, "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}]")
                + Scenarios.cnp("deny-z", "Admin", 10, X, "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}]");
        assertEquals(Reach.UNDEFINED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(policies, "y/a", "x/a", "80/TCP"));
        String text = explanation(policies, "z/a", "x/a", "80/TCP");
        assertTrue(text.startsWith("Undefined:"), text);
        assertTrue(text.contains("both have priority 10"), text);
        String agreeing = Scenarios.cnp("pass-z", "Admin", 10, X, "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: z}}}]}]")
                + Scenarios.cnp("accept-z", "Admin", 10, X, "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}]");
        assertEquals(Reach.ALLOWED, reach(agreeing, "z/a", "x/a", "80/TCP"));
    }

    @Test
    void a_sure_denial_on_one_side_denies_even_when_the_other_side_is_undefined() {
        String policies = Scenarios.cnp("accept-z", "Admin", 10, X, "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}]")
                + Scenarios.cnp("deny-z", "Admin", 10, X, "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: z}}}]}]")
                + Scenarios.cnp("z-out", "Admin", 1, "{namespaces: {matchLabels: {ns: z}}}", "egress: [{action: Deny, to: [{namespaces: {matchLabels: {ns: x}}}]}]");
        assertEquals(Reach.DENIED, reach(policies, "z/a", "x/a", "80/TCP"));
    }

    @Test
    void the_baseline_admin_network_policy_has_no_priority_so_it_is_unordered_with_baseline_cnps() {
        String policies = Scenarios.cnp("baseline-accept-z", "Baseline", 10, X,
                "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {ns: z}}}]}]") + """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{namespaces: {}}]}]
                ---
                """;
        assertEquals(Reach.UNDEFINED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "z/a", "y/a", "80/TCP"));
    }

    @Test
    void host_network_pods_are_neither_subjects_nor_matched_by_pod_peers_but_networks_match_them() {
        String hostPod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: node-agent, namespace: x, labels: {pod: agent}}
                spec: {hostNetwork: true, containers: [{name: c, image: i}]}
                status: {podIP: 192.168.0.10}
                ---
                """;
        String denyAll = Scenarios.cnp("deny-all", "Admin", 10, ALL, "egress: [{action: Deny, to: [{namespaces: {}}]}]");
        assertEquals(Reach.ALLOWED, reach(hostPod + denyAll, "x/node-agent", "y/a", "80/TCP"));
        assertEquals(Reach.ALLOWED, reach(hostPod + denyAll, "y/a", "x/node-agent", "80/TCP"));
        String denyNetworks = Scenarios.cnp("deny-net", "Admin", 10, ALL, "egress: [{action: Deny, to: [{networks: [192.168.0.0/24]}]}]");
        assertEquals(Reach.DENIED, reach(hostPod + denyNetworks, "y/a", "x/node-agent", "80/TCP"));
    }

    @Test
    void a_pass_in_the_baseline_skips_the_rest_of_the_baseline_and_lands_on_allow() {
        String policies = Scenarios.cnp("pass", "Baseline", 1, X, "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: z}}}]}]")
                + Scenarios.cnp("deny", "Baseline", 2, X, "ingress: [{action: Deny, from: [{namespaces: {}}]}]");
        assertEquals(Reach.ALLOWED, reach(policies, "z/a", "x/a", "80/TCP"));
        assertEquals(Reach.DENIED, reach(policies, "y/a", "x/a", "80/TCP"));
    }

    @Test
    void nodes_peers_are_shown_but_match_nothing_and_the_explanation_says_so() {
        String policies = """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: to-nodes}
                spec:
                  tier: Admin
                  priority: 5
                  subject: {namespaces: {}}
                  egress: [{action: Deny, to: [{nodes: {matchLabels: {role: control-plane}}}]}]
                ---
                """;
        assertEquals(Reach.ALLOWED, reach(policies, "x/a", "y/a", "80/TCP"));
        String text = explanation(policies, "x/a", "y/a", "80/TCP");
        assertTrue(text.contains("not evaluated"), text);
    }

    @Test
    void an_empty_peer_fails_closed_accept_matches_nothing_and_deny_or_pass_deny_everything() {
        String accept = Scenarios.cnp("accept-empty", "Admin", 5, X, "ingress: [{action: Accept, from: [{}]}]")
                + Scenarios.cnp("deny-y", "Admin", 6, X, "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: \"y\"}}}]}]");
        assertEquals(Reach.DENIED, reach(accept, "y/a", "x/a", "80/TCP"), "the Accept matched nothing; the Deny decides");
        assertTrue(explanation(accept, "y/a", "x/a", "80/TCP").contains("fails closed: it matches no traffic"));
        String pass = Scenarios.cnp("pass-empty", "Admin", 5, X, "ingress: [{action: Pass, from: [{}, {namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}]")
                + ALLOW_ALL_INGRESS_IN_X;
        assertEquals(Reach.DENIED, reach(pass, "z/b", "x/a", "81/UDP"), "Deny all: every peer, every port");
        assertEquals(Reach.ALLOWED, reach(pass, "x/a", "z/b", "80/TCP"), "only the subject's ingress is denied");
        List<String> warnings = Scenarios.warnings(CLUSTER + pass).stream().map(Problem::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("this Pass rule is treated as denying all traffic")),
                warnings.toString());
    }

    @Test
    void a_named_port_is_looked_up_on_the_destination_pod_not_the_source() {
        String pods = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: n}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: eighty, namespace: n, labels: {app: eighty}}
                spec: {containers: [{name: c, ports: [{name: web, containerPort: 80}]}]}
                status: {podIP: 10.9.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: eighty-one, namespace: n, labels: {app: eighty-one}}
                spec: {containers: [{name: c, ports: [{name: web, containerPort: 81}]}]}
                status: {podIP: 10.9.0.2}
                ---
                """;
        String egress = Scenarios.cnp("no-web-out", "Admin", 1, "{namespaces: {}}",
                "egress: [{action: Deny, to: [{namespaces: {}}], protocols: [{destinationNamedPort: web}]}]");
        Matrix out = Scenarios.evaluate(pods + egress, "80/TCP", "81/TCP");
        int eighty = out.indexOf("n/eighty").orElseThrow();
        int eightyOne = out.indexOf("n/eighty-one").orElseThrow();
        assertEquals(Reach.ALLOWED, out.reach(eighty, eightyOne, 0), "'web' is 81 on the destination, not 80 as on the source");
        assertEquals(Reach.DENIED, out.reach(eighty, eightyOne, 1));
        assertEquals(Reach.DENIED, out.reach(eightyOne, eighty, 0));
        assertEquals(Reach.ALLOWED, out.reach(eightyOne, eighty, 1));
        String ingress = Scenarios.cnp("no-web-in", "Admin", 1, "{namespaces: {}}",
                "ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{destinationNamedPort: web}]}]");
        Matrix in = Scenarios.evaluate(pods + ingress, "80/TCP", "81/TCP");
        assertEquals(Reach.ALLOWED, in.reach(eighty, eightyOne, 0), "for ingress the destination is the subject");
        assertEquals(Reach.DENIED, in.reach(eighty, eightyOne, 1));
        for (Matrix matrix : java.util.List.of(out, in)) {
            for (int p = 0; p < 2; p++) {
                assertEquals(matrix.verdict(eighty, eightyOne, p).reach(), matrix.reach(eighty, eightyOne, p));
                assertEquals(matrix.verdict(eightyOne, eighty, p).reach(), matrix.reach(eightyOne, eighty, p));
            }
        }
    }
}
