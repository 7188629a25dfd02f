package dev.netpolplayground.eval;

import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Scenario;

import java.util.stream.Collectors;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cluster most semantics tests add their policies to: namespaces shop (team=web) and ops
 * (team=infra); pods shop/web, shop/api, shop/db and ops/monitor, ops/web. And the helpers they share.
 */
final class SemanticsFixture {
    private SemanticsFixture() {
    }
    static final String CLUSTER = """
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

    static final IpAddress OUTSIDE = IpAddress.parse("203.0.113.5").orElseThrow();
    static final String OUTSIDE_ID = "ip:203.0.113.5";

    /** One cell, read from the fast engine and checked against the explained verdict. */
    static boolean cell(Matrix matrix, String from, String to, int probe) {
        int f = matrix.indexOf(from).orElseThrow(() -> new AssertionError("no endpoint " + from));
        int t = matrix.indexOf(to).orElseThrow(() -> new AssertionError("no endpoint " + to));
        boolean fast = matrix.allowed(f, t, probe);
        boolean explained = matrix.verdict(f, t, probe).allowed();
        assertEquals(explained, fast, "engine and explained verdict disagree on " + from + " -> " + to);
        return fast;
    }

    static Endpoint endpoint(Scenario scenario, String id) {
        return scenario.endpoints().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint " + id + " in "
                        + scenario.endpoints().stream().map(Endpoint::id).collect(Collectors.joining(", "))));
    }
}
