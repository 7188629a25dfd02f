package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Namespace;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The upstream Kubernetes e2e NetworkPolicy truth tables (namespaces x/y/z, pods a/b/c, ports
 * 80/81 over TCP/UDP/SCTP), one case file each under src/test/resources/conformance/cases.
 * Every cell of every probe is compared, through both the matrix engine and the explained verdict.
 */
class ConformanceTest {
    private static final String CLUSTER = Scenarios.resource("conformance/cluster.yaml");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path folder = Path.of(ConformanceTest.class.getResource("/conformance/cases").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(sorted.size() >= 35, "the conformance corpus has " + sorted.size() + " cases");
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void upstream_truth_table_holds(Path file) throws IOException {
        Map<String, Object> spec = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        String policies = (String) spec.getOrDefault("policies", "");
        Scenario scenario = relabel(Scenarios.parse(CLUSTER + "\n---\n" + policies),
                (Map<String, Map<String, String>>) spec.getOrDefault("namespaceLabels", Map.of()),
                (Map<String, Map<String, String>>) spec.getOrDefault("podLabels", Map.of()));
        List<Map<String, Object>> probes = (List<Map<String, Object>>) spec.get("probes");
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> probeSpec : probes) {
            Probe probe = Scenarios.probe((String) probeSpec.get("probe"));
            Matrix matrix = Evaluator.evaluate(scenario, List.of(probe));
            List<Endpoint> pods = matrix.endpoints();
            for (int s = 0; s < pods.size(); s++) {
                for (int d = 0; d < pods.size(); d++) {
                    if (s == d) {
                        continue;
                    }
                    boolean expected = expected(probeSpec, pods.get(s).id(), pods.get(d).id());
                    boolean fast = matrix.allowed(s, d, 0);
                    boolean explained = matrix.verdict(s, d, 0).allowed();
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
    private static boolean expected(Map<String, Object> probeSpec, String from, String to) {
        boolean allowed = (Boolean) probeSpec.get("default");
        for (Map<String, Object> rule : (List<Map<String, Object>>) probeSpec.getOrDefault("expect", List.of())) {
            if (covers((String) rule.get("from"), from) && covers((String) rule.get("to"), to)) {
                allowed = (Boolean) rule.get("allowed");
            }
        }
        return allowed;
    }

    static boolean covers(String pattern, String id) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return id.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(id);
    }

    static Scenario relabel(Scenario scenario, Map<String, Map<String, String>> namespaceLabels,
                                    Map<String, Map<String, String>> podLabels) {
        List<Namespace> namespaces = scenario.namespaces().stream().map(ns -> {
            Map<String, String> labels = new HashMap<>(ns.labels());
            labels.putAll(namespaceLabels.getOrDefault(ns.name(), Map.of()));
            return new Namespace(ns.name(), labels, ns.implicit());
        }).toList();
        List<Endpoint> endpoints = scenario.endpoints().stream().map(e -> {
            Map<String, String> labels = new HashMap<>(e.labels());
            labels.putAll(podLabels.getOrDefault(e.id(), Map.of()));
            return new Endpoint(e.id(), e.kind(), e.namespace(), e.name(), labels, e.ips(), e.addressAssigned(),
                    e.ports(), e.hostNetwork(), e.source());
        }).toList();
        return new Scenario(namespaces, endpoints, scenario.policies(), scenario.clusterPolicies());
    }
}
