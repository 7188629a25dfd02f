package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. Ports and protocols: numbers, ranges, named ports. */
class PortSemanticsTest {
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
}
