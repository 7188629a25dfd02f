package dev.netpolplayground;

import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Verdict;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.parse.ScenarioParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: parse a scenario that must be valid, evaluate it, read test resources. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Two pods in shop, web and api, and a policy that locks web: the smallest exercise a teacher makes. */
    public static final String SHOP_LOCK_WEB = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: lock-web, namespace: shop}
            spec: {podSelector: {matchLabels: {app: web}}}
            """;

    public static Scenario parse(String yaml) {
        Parsed parsed = new ScenarioParser().parse(yaml);
        if (parsed instanceof Parsed.Failed) {
            throw new AssertionError("expected valid input, got " + ((Parsed.Failed) parsed).errors());
        }
        return ((Parsed.Ok) parsed).scenario();
    }

    public static Parsed.Failed failed(String yaml) {
        Parsed parsed = new ScenarioParser().parse(yaml);
        if (parsed instanceof Parsed.Ok) {
            throw new AssertionError("expected problems, but the input parsed");
        }
        return (Parsed.Failed) parsed;
    }

    public static List<dev.netpolplayground.model.Problem> warnings(String yaml) {
        return new ScenarioParser().parse(yaml).warnings();
    }

    public static Probe probe(String text) {
        String[] parts = text.split("/");
        return new Probe(Integer.parseInt(parts[0]), Protocol.valueOf(parts[1]));
    }

    public static Matrix evaluate(String yaml, String... probes) {
        return Evaluator.evaluate(parse(yaml), java.util.Arrays.stream(probes).map(Scenarios::probe).toList());
    }

    /** The verdict for one cell of a scenario, by endpoint ids and probe text. */
    public static Verdict verdict(String yaml, String from, String to, String probe) {
        Matrix matrix = evaluate(yaml, probe);
        return matrix.verdict(matrix.indexOf(from).orElseThrow(), matrix.indexOf(to).orElseThrow(), 0);
    }

    public static boolean allowed(String yaml, String from, String to, String probe) {
        Matrix matrix = evaluate(yaml, probe);
        int source = matrix.indexOf(from).orElseThrow();
        int destination = matrix.indexOf(to).orElseThrow();
        boolean fast = matrix.allowed(source, destination, 0);
        boolean explained = matrix.verdict(source, destination, 0).allowed();
        if (fast != explained) {
            throw new AssertionError("engine says " + fast + " but the explained verdict says " + explained);
        }
        return fast;
    }

    /** A v1alpha2 ClusterNetworkPolicy document, ending in "---"; {@code rules} is its ingress/egress YAML. */
    public static String cnp(String name, String tier, int priority, String subject, String rules) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: %s}
                spec:
                  tier: %s
                  priority: %d
                  subject: %s
                %s
                ---
                """.formatted(name, tier, priority, subject, rules.indent(2).stripTrailing());
    }

    public static String resource(String path) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
