package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. ipBlock peers: CIDRs, excepts, and which endpoints they match. */
class IpBlockSemanticsTest {
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
}
