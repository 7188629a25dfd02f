package dev.netpolplayground.model;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.explain.Selection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one endpoint pattern language, as exercise goals and the API's from/to filters read it. */
class EndpointPatternTest {
    private static final Scenario SCENARIO = Scenarios.parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web, tier: front}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: ops, labels: {app: web}}
            """).withExternals(List.of(IpAddress.parse("203.0.113.5").orElseThrow()));

    private static List<String> matched(String pattern) {
        EndpointPattern compiled = EndpointPattern.of(pattern);
        return SCENARIO.endpoints().stream().filter(compiled::matches).map(Endpoint::id).toList();
    }

    @Test
    void names_namespaces_labels_and_outside_addresses() {
        assertEquals(List.of("ops/web", "shop/db", "shop/web", "ip:203.0.113.5"), matched("*"));
        assertEquals(List.of("shop/web"), matched("shop/web"));
        assertEquals(List.of("shop/db", "shop/web"), matched("shop/*"));
        assertEquals(List.of("ops/web", "shop/web"), matched("app=web"));
        assertEquals(List.of("shop/web"), matched("shop/app=web"));
        assertEquals(List.of("shop/web"), matched("app=web,tier"), "commas mean AND; a bare key means the label exists");
        assertEquals(List.of("ip:203.0.113.5"), matched("external"));
        assertEquals(List.of("ip:203.0.113.5"), matched("203.0.113.5"));
        assertEquals(List.of("ip:203.0.113.5"), matched("ip:203.0.113.5"));
        assertEquals(List.of(), matched("web"), "a bare name is no pod: pods are named with their namespace");
        assertEquals(List.of(), matched("shop/tier"), "without '=' it is a pod's name, and no pod is named tier");
        assertEquals(List.of("ops/web"), matched("ops/app=web"));
        assertEquals(List.of(), matched("ops/app=db"));
    }

    @Test
    void a_filter_keeps_what_any_of_its_patterns_matches() {
        Selection selection = Selection.parse("ops/*, external");
        assertEquals(List.of("ops/web", "ip:203.0.113.5"),
                SCENARIO.endpoints().stream().filter(selection::keeps).map(Endpoint::id).toList());
        assertEquals(SCENARIO.endpoints().size(), SCENARIO.endpoints().stream().filter(Selection.ALL::keeps).count());
        assertEquals(List.of("shop/db"), SCENARIO.endpoints().stream().filter(Selection.parse("app=db")::keeps)
                .map(Endpoint::id).toList(), "API filters read labels too");
    }
}
