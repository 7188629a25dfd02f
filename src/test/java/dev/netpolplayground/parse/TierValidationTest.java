package dev.netpolplayground.parse;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the API server refuses in cluster-scoped policies (CRD schema and CEL rules of v1alpha2
 * ClusterNetworkPolicy and v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy), reported with
 * line, column, path and a sentence, all at once.
 */
class TierValidationTest {
    private static String cnp(String spec) {
        return "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: p\nspec:\n"
                + spec.indent(2);
    }

    private static Problem only(String yaml) {
        List<Problem> errors = Scenarios.failed(yaml).errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static void at(Problem problem, int line, int column, String path, String words) {
        assertEquals(line + ":" + column + " " + path, problem.line() + ":" + problem.column() + " " + problem.path(),
                problem.toString());
        assertTrue(problem.message().contains(words), problem.message());
    }

    @Test
    void a_valid_cluster_network_policy_is_compiled_to_the_model() {
        ClusterPolicy policy = Scenarios.parse(cnp("""
                tier: Admin
                priority: 10
                subject: {namespaces: {}}
                ingress: [{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 80, end: 90}}}}]}]
                """)).clusterPolicies().get(0);
        assertEquals(Tier.ADMIN, policy.tier());
        assertEquals(10, policy.priority().getAsInt());
        assertEquals(Action.ACCEPT, policy.ingress().get(0).action());
        assertEquals("80-90/TCP", policy.ingress().get(0).rule().ports().get(0).toString());
    }

    @Test
    void allow_is_the_v1alpha1_word_and_v1alpha2_asks_for_accept() {
        at(only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\ningress: [{action: Allow, from: [{namespaces: {}}]}]")),
                9, 22, "spec.ingress[0].action", "did you mean 'Accept'?");
    }

    @Test
    void tier_values_are_case_sensitive() {
        at(only(cnp("tier: admin\npriority: 1\nsubject: {namespaces: {}}")), 6, 9, "spec.tier", "did you mean 'Admin'?");
    }

    @Test
    void priority_is_required_and_between_0_and_1000() {
        at(only(cnp("tier: Admin\npriority: 1001\nsubject: {namespaces: {}}")), 7, 13, "spec.priority",
                "between 0 and 1000");
        assertTrue(only(cnp("tier: Admin\nsubject: {namespaces: {}}")).message().contains("priority is required"));
    }

    @Test
    void a_subject_sets_exactly_one_of_namespaces_and_pods() {
        Problem problem = only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}, pods: {podSelector: {}}}"));
        assertTrue(problem.message().contains("exactly one of namespaces, pods"), problem.message());
        assertTrue(only(cnp("tier: Admin\npriority: 1\nsubject: {pods: {namespaceSelector: {}}}")).message()
                .contains("pods needs podSelector"));
    }

    @Test
    void tcp_without_a_destination_port_is_refused_with_the_spelling_for_every_port() {
        Problem problem = only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\n"
                + "egress: [{action: Deny, to: [{namespaces: {}}], protocols: [{tcp: {}}]}]"));
        assertTrue(problem.message().contains("range: {start: 1, end: 65535}"), problem.message());
        assertEquals("spec.egress[0].protocols[0].tcp", problem.path());
    }

    @Test
    void a_range_start_must_be_less_than_its_end() {
        Problem problem = only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\n"
                + "egress: [{action: Deny, to: [{namespaces: {}}], protocols: [{udp: {destinationPort: {range: {start: 53, end: 53}}}}]}]"));
        assertTrue(problem.message().contains("must be less than"), problem.message());
    }

    @Test
    void ingress_peers_cannot_use_networks() {
        Problem problem = only(cnp("tier: Baseline\npriority: 1\nsubject: {namespaces: {}}\n"
                + "ingress: [{action: Deny, from: [{networks: [10.0.0.0/8]}]}]"));
        at(problem, 9, 36, "spec.ingress[0].from[0].networks", "egress peer");
    }

    @Test
    void networks_need_cidrs_not_bare_addresses() {
        Problem problem = only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\n"
                + "egress: [{action: Deny, to: [{networks: [10.0.0.1]}]}]"));
        assertTrue(problem.message().contains("/32"), problem.message());
    }

    @Test
    void more_than_25_rules_are_refused_in_v1alpha2() {
        String rules = "ingress:\n" + "- {action: Deny, from: [{namespaces: {}}]}\n".repeat(26);
        Problem problem = only(cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\n" + rules));
        assertTrue(problem.message().contains("at most 25 ingress rules, not 26"), problem.message());
    }

    @Test
    void every_problem_is_reported_at_once() {
        List<Problem> errors = Scenarios.failed(cnp("tier: Top\npriority: -1\nsubject: {}\n"
                + "ingress: [{action: Maybe, from: []}]")).errors();
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void the_pre_v0_1_3_peer_shape_is_refused_with_what_changed() {
        String yaml = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: old}
                spec:
                  priority: 5
                  subject: {namespaces: {}}
                  ingress: [{action: Allow, from: [{namespaces: {sameLabels: [tenant]}}]}]
                """;
        Problem problem = only(yaml);
        assertTrue(problem.message().contains("pre-v0.1.3 peer shape"), problem.message());
        assertEquals("spec.ingress[0].from[0].namespaces.sameLabels", problem.path());
    }

    @Test
    void the_baseline_admin_network_policy_is_named_default_and_has_no_pass_or_priority() {
        String yaml = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: baseline}
                spec:
                  priority: 3
                  subject: {namespaces: {}}
                  ingress: [{action: Pass, from: [{namespaces: {}}]}]
                """;
        List<Problem> errors = Scenarios.failed(yaml).errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("must be named 'default'")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.path().equals("spec.priority")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("has no Pass")), errors.toString());
    }

    @Test
    void a_v1alpha1_port_number_defaults_to_tcp() {
        String yaml = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: web}
                spec:
                  priority: 5
                  subject: {namespaces: {}}
                  ingress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}]
                """;
        assertEquals("80/TCP", Scenarios.parse(yaml).clusterPolicies().get(0).ingress().get(0).rule().ports().get(0)
                .toString());
    }

    @Test
    void another_groups_cluster_network_policy_is_skipped_with_a_warning_naming_its_owner() {
        String yaml = """
                apiVersion: networking.k8s.aws/v1alpha1
                kind: ClusterNetworkPolicy
                metadata: {name: aws}
                spec: {whatever: true}
                """;
        assertTrue(Scenarios.parse(yaml).clusterPolicies().isEmpty());
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(p -> p.message().contains("AWS's network policy agent")),
                Scenarios.warnings(yaml).toString());
    }

    @Test
    void metadata_namespace_is_ignored_with_a_warning() {
        String yaml = cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}").replace("  name: p\n",
                "  name: p\n  namespace: shop\n");
        assertEquals(1, Scenarios.parse(yaml).clusterPolicies().size());
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(p -> p.message().contains("cluster-scoped")));
    }

    @Test
    void nodes_and_domain_names_are_read_but_marked_not_evaluated() {
        String yaml = cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}\n"
                + "egress: [{action: Accept, to: [{nodes: {}}, {domainNames: [api.example.com]}]}]");
        assertEquals(2, Scenarios.parse(yaml).clusterPolicies().get(0).egress().get(0).rule().peers().size());
        assertEquals(2, Scenarios.warnings(yaml).stream().filter(p -> p.message().contains("not evaluated")).count());
    }

    @Test
    void v1alpha1_and_v1alpha2_in_one_tier_get_a_warning_that_their_order_is_undefined() {
        String yaml = cnp("tier: Admin\npriority: 1\nsubject: {namespaces: {}}") + """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: old}
                spec: {priority: 1, subject: {namespaces: {}}}
                """;
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(p -> p.message().contains("no order between v1alpha1"
                + " and v1alpha2")), Scenarios.warnings(yaml).toString());
    }
}
