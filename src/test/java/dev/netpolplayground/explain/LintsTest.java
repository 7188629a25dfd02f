package dev.netpolplayground.explain;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintsTest {
    private static final String PODS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, ports: [{name: http, containerPort: 80}]}]}
            ---
            """;

    private static List<String> lints(String policies) {
        return Lints.of(Scenarios.parse(PODS + policies)).stream().map(Problem::message).toList();
    }

    @Test
    void an_outside_address_that_is_a_pods_ip_is_flagged_as_still_outside() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                status: {podIP: 10.0.0.10}
                """;
        List<String> lints = Lints.of(Scenarios.parse(pod).withExternals(List.of(
                IpAddress.parse("10.0.0.10").orElseThrow(), IpAddress.parse("203.0.113.5").orElseThrow())))
                .stream().map(Problem::message).toList();
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).startsWith("Outside address 10.0.0.10 is also the IP of shop/web."), lints.get(0));
        assertTrue(lints.get(0).contains("pod and namespace selectors never do"), lints.get(0));
    }

    @Test
    void a_policy_that_selects_no_pod_is_flagged() {
        List<String> lints = lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: typo, namespace: shop}
                spec: {podSelector: {matchLabels: {app: wbe}}}
                """);
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).contains("NetworkPolicy 'shop/typo' selects no pod"), lints.get(0));
    }

    @Test
    void a_peer_that_matches_no_pod_is_flagged_with_its_rule() {
        List<String> lints = lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]
                """);
        assertEquals(List.of("NetworkPolicy 'shop/from-api' ingress rule #1: peer pods app=api in namespace shop matches"
                + " no pod in this scenario."), lints);
    }

    @Test
    void a_named_port_nobody_declares_is_flagged() {
        List<String> lints = lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: https, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress: [{ports: [{port: https}]}]
                """);
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).contains("no pod declares a TCP container port named 'https'"), lints.get(0));
    }

    @Test
    void egress_isolation_without_dns_is_the_bad_address_trap() {
        List<String> lints = lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Egress]}
                """);
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).contains("shop/web is isolated for egress"), lints.get(0));
        assertTrue(lints.get(0).contains("port 53 over UDP and TCP"), lints.get(0));
    }

    @Test
    void dns_over_udp_only_still_warns_about_tcp() {
        List<String> lints = lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: dns-udp, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{ports: [{port: 53, protocol: UDP}]}]
                """);
        assertEquals(1, lints.size(), lints.toString());
        assertTrue(lints.get(0).contains("DNS over TCP (port 53/TCP) is not allowed"), lints.get(0));
    }

    @Test
    void a_sound_scenario_has_no_lints() {
        assertEquals(List.of(), lints("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: ok, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress: [{ports: [{port: http}]}]
                  egress: [{ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]
                """));
    }
}
