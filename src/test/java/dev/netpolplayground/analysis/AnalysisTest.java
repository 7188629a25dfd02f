package dev.netpolplayground.analysis;

import dev.netpolplayground.parse.ScenarioParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the pipeline remembers of earlier requests, and what it never does. */
class AnalysisTest {
    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: %s, namespace: x, labels: {app: a}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x}
            """;

    private static Analysis.Request request(String name) {
        return new Analysis.Request(PODS.formatted(name), "80/TCP", "");
    }

    private static Analysis.Success run(Analysis analysis, Analysis.Request request) {
        return assertInstanceOf(Analysis.Success.class, analysis.run(request));
    }

    private static Analysis remembering(long bytes) {
        return new Analysis(new ScenarioParser(), Analysis.Budget.UNLIMITED, new Analysis.Memory(bytes, 0));
    }

    @Test
    void an_equal_request_gets_the_earlier_result_without_parsing_or_evaluating_again() {
        Analysis analysis = remembering(1 << 20);
        Analysis.Success first = run(analysis, request("a"));
        assertFalse(first.remembered());

        Analysis.Success again = run(analysis, new Analysis.Request(new String(PODS.formatted("a")), "80/TCP", ""));
        assertTrue(again.remembered());
        assertSame(first.matrix(), again.matrix());
        assertEquals(first.warnings(), again.warnings());
    }

    @Test
    void other_text_probes_or_outside_addresses_make_another_request() {
        Analysis analysis = remembering(1 << 20);
        run(analysis, request("a"));
        assertFalse(run(analysis, request("c")).remembered(), "other text");
        assertFalse(run(analysis, new Analysis.Request(PODS.formatted("a"), "443/TCP", "")).remembered(), "other probes");
        assertFalse(run(analysis, new Analysis.Request(PODS.formatted("a"), "80/TCP", "203.0.113.7")).remembered(),
                "other outside addresses");
    }

    @Test
    void without_memory_nothing_is_remembered() {
        Analysis analysis = new Analysis(new ScenarioParser());
        run(analysis, request("a"));
        assertFalse(run(analysis, request("a")).remembered());
    }

    @Test
    void failures_are_computed_again_every_time() {
        Analysis analysis = remembering(1 << 20);
        Analysis.Request broken = new Analysis.Request("kind: [", "", "");
        assertInstanceOf(Analysis.Invalid.class, analysis.run(broken));
        assertInstanceOf(Analysis.Invalid.class, analysis.run(broken));
        Analysis slow = new Analysis(new ScenarioParser(), new Analysis.Budget(Long.MAX_VALUE,
                java.time.Duration.ZERO), new Analysis.Memory(1 << 20, 0));
        assertInstanceOf(Analysis.Invalid.class, slow.run(request("a")), "ran out of time");
        assertInstanceOf(Analysis.Invalid.class, slow.run(request("a")), "still out of time, not a remembered success");
    }

    @Test
    void when_memory_is_full_the_least_recently_used_result_goes_first() {
        long weight = Analysis.weight(run(remembering(0), request("a")));
        Analysis analysis = remembering(4 * weight);
        for (String name : new String[] {"a", "c", "d", "e"}) {
            run(analysis, request(name));
        }
        assertTrue(run(analysis, request("a")).remembered(), "four fit");
        run(analysis, request("f"));
        assertTrue(run(analysis, request("a")).remembered(), "used lately, so kept");
        assertFalse(run(analysis, request("c")).remembered(), "least recently used, so dropped for f");
    }

    @Test
    void a_result_lighter_than_the_minimum_is_computed_again() {
        long weight = Analysis.weight(run(remembering(0), request("a")));
        Analysis analysis = new Analysis(new ScenarioParser(), Analysis.Budget.UNLIMITED,
                new Analysis.Memory(1 << 20, weight + 1));
        run(analysis, request("a"));
        assertFalse(run(analysis, request("a")).remembered());
        Analysis justEnough = new Analysis(new ScenarioParser(), Analysis.Budget.UNLIMITED,
                new Analysis.Memory(1 << 20, weight));
        run(justEnough, request("a"));
        assertTrue(run(justEnough, request("a")).remembered());
    }

    @Test
    void a_result_heavier_than_a_quarter_of_the_memory_is_not_kept() {
        long weight = Analysis.weight(run(remembering(0), request("a")));
        Analysis analysis = remembering(4 * weight - 1);
        run(analysis, request("a"));
        assertFalse(run(analysis, request("a")).remembered());
    }
}
