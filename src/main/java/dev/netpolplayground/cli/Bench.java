package dev.netpolplayground.cli;

import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Probes;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.parse.Options;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.parse.ScenarioParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench}: parse and evaluate a scenario file or a synthetic cluster several times and
 * print the times. The last line is {@code cells=N ms=T} for the fastest evaluation.
 */
final class Bench {
    private Bench() {
    }

    static int run(Arguments args, PrintStream out) {
        String text;
        String source;
        if (args.positional().isEmpty()) {
            int pods = args.intOption("--pods", 5000);
            int policies = args.intOption("--policies", 600);
            int namespaces = args.intOption("--namespaces", 50);
            int clusterPolicies = args.intOption("--cluster-policies", 0);
            text = SyntheticCluster.yaml(pods, policies, namespaces, clusterPolicies, args.intOption("--seed", 1));
            source = "synthetic cluster: " + pods + " pods, " + policies + " policies, " + namespaces + " namespaces"
                    + (clusterPolicies > 0 ? ", " + clusterPolicies + " ClusterNetworkPolicies" : "");
        } else {
            try {
                text = Files.readString(Path.of(args.positional().get(0)));
            } catch (IOException e) {
                out.println("cannot read " + args.positional().get(0) + ": " + e.getMessage());
                return 2;
            }
            source = args.positional().get(0);
        }
        int runs = args.intOption("--runs", 5);
        out.println(source + " (" + text.length() / 1024 + " KiB of YAML)");
        ScenarioParser parser = new ScenarioParser();
        long parseBest = Long.MAX_VALUE;
        Scenario scenario = null;
        for (int i = 0; i < Math.max(1, runs / 2); i++) {
            long start = System.nanoTime();
            Parsed parsed = parser.parse(text);
            parseBest = Math.min(parseBest, System.nanoTime() - start);
            if (parsed instanceof Parsed.Failed) {
                ((Parsed.Failed) parsed).errors().stream().limit(10).forEach(p -> out.println("error: " + p));
                return 2;
            }
            scenario = ((Parsed.Ok) parsed).scenario();
        }
        List<Problem> problems = new ArrayList<>();
        List<Probe> probes = Options.probes(args.option("--probes", "8080/TCP,9090/TCP,53/UDP,443/TCP"), problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("error: " + p));
            return 2;
        }
        if (!args.positional().isEmpty() && !args.options().containsKey("--probes")) {
            probes = Probes.defaults(scenario);
        }
        out.println(scenario.endpoints().size() + " endpoints, " + scenario.policies().size() + " policies, "
                + scenario.clusterPolicies().size() + " cluster policies, "
                + probes.size() + " probes " + probes);
        out.println(String.format(Locale.ROOT, "parse: %.1f ms (best of %d)", parseBest / 1e6, Math.max(1, runs / 2)));
        long best = Long.MAX_VALUE;
        long cells = (long) scenario.endpoints().size() * scenario.endpoints().size() * probes.size();
        long allowed = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Matrix matrix = Evaluator.evaluate(scenario, probes);
            long elapsed = System.nanoTime() - start;
            allowed = matrix.allowedCount();
            best = Math.min(best, elapsed);
            out.println(String.format(Locale.ROOT, "run %d: evaluate %.1f ms", i + 1, elapsed / 1e6));
        }
        out.println(String.format(Locale.ROOT, "allowed cells: %d of %d (%.1f%%)", allowed, cells,
                100.0 * allowed / Math.max(1, cells)));
        out.println(String.format(Locale.ROOT, "evaluate: %.1f ms best, %.0f million cells/s", best / 1e6,
                cells / (best / 1e9) / 1e6));
        out.println(String.format(Locale.ROOT, "cells=%d ms=%.1f", cells, best / 1e6));
        return 0;
    }
}
