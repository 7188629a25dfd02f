package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Upstream's cluster-scoped conformance tests (kubernetes-sigs/network-policy-api: v1alpha2
 * ClusterNetworkPolicy from main, v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy from
 * release-0.1), each step a full truth table over x/y/z × a/b/c (plus w where upstream has four
 * namespaces), under src/test/resources/conformance/tiers/. Every cell of every probe is compared
 * through both the bit rows and the explained verdict; an expectation may be true, false or
 * "undefined".
 */
class TierConformanceTest {
    private static final String CLUSTER = Scenarios.resource("conformance/cluster.yaml");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        List<Path> all = new ArrayList<>();
        for (String version : List.of("v1alpha2", "v1alpha1")) {
            Path folder = Path.of(TierConformanceTest.class.getResource("/conformance/tiers/" + version).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> sorted = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
                assertTrue(sorted.size() >= 20, version + " has " + sorted.size() + " cases");
                all.addAll(sorted);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void upstream_truth_table_holds(Path file) throws IOException {
        Map<String, Object> spec = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        String extra = (String) spec.getOrDefault("extra", "");
        String policies = (String) spec.getOrDefault("policies", "");
        Scenario scenario = ConformanceTest.relabel(Scenarios.parse(CLUSTER + "\n---\n" + extra + "\n---\n" + policies),
                (Map<String, Map<String, String>>) spec.getOrDefault("namespaceLabels", Map.of()),
                (Map<String, Map<String, String>>) spec.getOrDefault("podLabels", Map.of()));
        assertTrue(!scenario.clusterPolicies().isEmpty() || policies.isBlank(), "no cluster policy was read");
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> probeSpec : (List<Map<String, Object>>) spec.get("probes")) {
            Probe probe = Scenarios.probe((String) probeSpec.get("probe"));
            Matrix matrix = Evaluator.evaluate(scenario, List.of(probe));
            List<Endpoint> pods = matrix.endpoints();
            for (int s = 0; s < pods.size(); s++) {
                for (int d = 0; d < pods.size(); d++) {
                    if (s == d) {
                        continue;
                    }
                    Reach expected = expected(probeSpec, pods.get(s).id(), pods.get(d).id());
                    Reach fast = matrix.reach(s, d, 0);
                    Reach explained = matrix.verdict(s, d, 0).reach();
                    if (fast != expected || explained != expected) {
                        wrong.add(probe + " " + pods.get(s).id() + " -> " + pods.get(d).id() + ": expected "
                                + expected + ", engine " + fast + ", explained " + explained);
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(spec.get("name") + " (" + spec.get("upstream") + "):\n" + String.join("\n", wrong));
        }
    }

    @SuppressWarnings("unchecked")
    private static Reach expected(Map<String, Object> probeSpec, String from, String to) {
        Reach reach = reach(probeSpec.get("default"));
        for (Map<String, Object> rule : (List<Map<String, Object>>) probeSpec.getOrDefault("expect", List.of())) {
            if (ConformanceTest.covers((String) rule.get("from"), from) && ConformanceTest.covers((String) rule.get("to"), to)) {
                reach = reach(rule.get("allowed"));
            }
        }
        return reach;
    }

    private static Reach reach(Object written) {
        if ("undefined".equals(written)) {
            return Reach.UNDEFINED;
        }
        return Boolean.TRUE.equals(written) ? Reach.ALLOWED : Reach.DENIED;
    }
}
