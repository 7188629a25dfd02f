package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Probes;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.parse.Options;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.parse.ScenarioParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one pipeline every face (web page, JSON API, command line) runs: text and options in, a
 * matrix with warnings out, or every problem found.
 */
public final class Analysis {
    private final ScenarioParser parser;
    private final Budget budget;

    /** How much one evaluation may take: cells (endpoints² × probes) and time. */
    public record Budget(long maxCells, Duration maxTime) {
        public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Duration.ofDays(1));
    }

    public Analysis(ScenarioParser parser) {
        this(parser, Budget.UNLIMITED);
    }

    public Analysis(ScenarioParser parser, Budget budget) {
        this.parser = parser;
        this.budget = budget;
    }

    /** What the user gave: the scenario text, and the probes and external addresses as typed (may be blank). */
    public record Request(String text, String probes, String externals) {
        public Request {
            text = text == null ? "" : text;
            probes = probes == null ? "" : probes;
            externals = externals == null ? "" : externals;
        }
    }

    public sealed interface Result permits Success, Invalid {
        Request request();
    }

    /**
     * @param probesDefaulted true when the probes came from {@link Probes#defaults} rather than the user
     */
    public record Success(Request request, Matrix matrix, List<Problem> warnings, boolean probesDefaulted,
                          long parseNanos, long evaluateNanos) implements Result {
        public Success {
            warnings = List.copyOf(warnings);
        }
    }

    /** @param syntax the text is not YAML/JSON at all (HTTP 400), rather than invalid objects (422) */
    public record Invalid(Request request, List<Problem> errors, List<Problem> warnings, boolean syntax)
            implements Result {
        public Invalid {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    public Result run(Request request) {
        long start = System.nanoTime();
        List<Problem> optionProblems = new ArrayList<>();
        List<Probe> probes = Options.probes(request.probes(), optionProblems);
        List<IpAddress> externals = Options.externals(request.externals(), optionProblems);
        Parsed parsed = parser.parse(request.text());
        if (parsed instanceof Parsed.Failed) {
            Parsed.Failed failed = (Parsed.Failed) parsed;
            List<Problem> errors = new ArrayList<>(failed.errors());
            errors.addAll(optionProblems);
            return new Invalid(request, errors, failed.warnings(), failed.syntax());
        }
        if (!optionProblems.isEmpty()) {
            return new Invalid(request, optionProblems, parsed.warnings(), true);
        }
        Scenario scenario = ((Parsed.Ok) parsed).scenario().withExternals(externals);
        boolean defaulted = probes.isEmpty();
        if (defaulted) {
            probes = Probes.defaults(scenario);
        }
        long cells = (long) scenario.endpoints().size() * scenario.endpoints().size() * probes.size();
        if (cells > budget.maxCells()) {
            return new Invalid(request, List.of(Problem.error(scenario.endpoints().size() + " endpoints × "
                    + probes.size() + " probes make " + cells + " cells, more than the " + budget.maxCells()
                    + " one evaluation may have here; name fewer probes or split the scenario", 0, 0, "")),
                    parsed.warnings(), false);
        }
        List<Problem> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(Lints.of(scenario));
        long parsedAt = System.nanoTime();
        Matrix matrix;
        try {
            matrix = Evaluator.evaluate(scenario, probes, start + budget.maxTime().toNanos());
        } catch (Evaluator.TooSlow tooSlow) {
            return new Invalid(request, List.of(Problem.error("the evaluation took longer than "
                    + budget.maxTime().toSeconds() + " s and was stopped; split the scenario or name fewer probes",
                    0, 0, "")), parsed.warnings(), false);
        }
        long evaluatedAt = System.nanoTime();
        return new Success(request, matrix, warnings, defaulted, parsedAt - start, evaluatedAt - parsedAt);
    }
}
