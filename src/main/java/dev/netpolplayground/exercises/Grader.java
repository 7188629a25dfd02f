package dev.netpolplayground.exercises;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointPattern;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.parse.ScenarioParser;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Grades an answer: the exercise's cluster plus the student's policies, evaluated like any
 * scenario, compared cell by cell with the goal. Pure; the same for the page, the API and the CLI.
 */
public final class Grader {
    private final ScenarioParser parser;
    private final Analysis analysis;

    public Grader(ScenarioParser parser) {
        this(parser, new Analysis(parser));
    }

    /** @param analysis the pipeline to evaluate with: the server's has its limits and remembers clusters */
    public Grader(ScenarioParser parser, Analysis analysis) {
        this.parser = parser;
        this.analysis = analysis;
    }

    /**
     * 1. The answer alone must parse and hold only policies (its line numbers are the student's).
     * 2. The answer is placed before the cluster, so problem lines still point into the answer.
     * 3. Every cell the goal speaks about is compared; loopback cells are never graded, and an
     *    undefined cell matches no goal.
     */
    public Grade grade(Exercise exercise, String answer) {
        Parsed alone = parser.parse(answer);
        if (alone instanceof Parsed.Failed) {
            return new Grade(List.of(), ((Parsed.Failed) alone).errors(),
                    Optional.of(((Parsed.Failed) alone).refusal()), List.of(),
                    Optional.empty(), Optional.empty(), 0, 0);
        }
        Parsed.Ok ok = (Parsed.Ok) alone;
        List<Problem> notPolicies = new ArrayList<>();
        ok.scenario().endpoints().forEach(e -> notPolicies.add(Problem.error(e.kind() + " '" + e.id()
                + "' belongs to the cluster, which is fixed: your answer may only contain policies",
                e.source().firstLine(), 1, "")));
        ok.scenario().namespaces().stream().filter(ns -> !ns.implicit()).forEach(ns -> notPolicies.add(Problem.error(
                "Namespace '" + ns.name() + "' belongs to the cluster: your answer may only contain policies",
                0, 0, "")));
        if (!notPolicies.isEmpty()) {
            return new Grade(List.of(), notPolicies, Optional.of(Parsed.Refusal.INVALID), List.of(), Optional.empty(),
                    Optional.empty(), 0, 0);
        }
        int answerLines = answer.split("\n", -1).length;
        Analysis.Result result = analysis.run(new Analysis.Request(answer + "\n---\n" + exercise.cluster(),
                exercise.probes(), exercise.externals()));
        if (result instanceof Analysis.Invalid) {
            return new Grade(List.of(), ((Analysis.Invalid) result).errors(),
                    Optional.of(((Analysis.Invalid) result).refusal()),
                    List.of(), Optional.empty(), Optional.empty(), 0, 0);
        }
        Analysis.Success success = (Analysis.Success) result;
        List<Problem> warnings = success.warnings().stream().filter(w -> w.line() <= answerLines)
                .filter(w -> !w.code().equals(Problem.UNDECLARED_NAMESPACE)).toList();
        Matrix matrix = success.matrix();
        Target target = Target.of(exercise, matrix);
        List<Grade.Difference> differing = new ArrayList<>();
        long graded = 0;
        List<Endpoint> endpoints = matrix.endpoints();
        BitSet gradedPairs = new BitSet();
        for (int p = 0; p < matrix.probes().size(); p++) {
            for (int s = 0; s < endpoints.size(); s++) {
                for (int d = 0; d < endpoints.size(); d++) {
                    if (!target.graded(s, d, p)) {
                        continue;
                    }
                    graded++;
                    gradedPairs.set(s * endpoints.size() + d);
                    boolean expected = target.expected(s, d, p);
                    Reach actual = matrix.reach(s, d, p);
                    if (actual != (expected ? Reach.ALLOWED : Reach.DENIED)) {
                        differing.add(new Grade.Difference(s, d, p, endpoints.get(s).id(), endpoints.get(d).id(),
                                matrix.probes().get(p), expected, actual));
                    }
                }
            }
        }
        return new Grade(differing, List.of(), Optional.empty(), warnings, Optional.of(matrix), Optional.of(target), graded,
                gradedPairs.cardinality());
    }

    /** The exercise's cluster with no policies, and the goal laid over it (for showing it to students). */
    public record Goal(Matrix cluster, Target target) {
    }

    public Goal goal(Exercise exercise) {
        Analysis.Result result = analysis.run(new Analysis.Request(exercise.cluster(), exercise.probes(),
                exercise.externals()));
        if (!(result instanceof Analysis.Success)) {
            throw new IllegalStateException("exercise " + exercise.id() + " has an invalid cluster: "
                    + ((Analysis.Invalid) result).errors());
        }
        Matrix cluster = ((Analysis.Success) result).matrix();
        return new Goal(cluster, Target.of(exercise, cluster));
    }

    /** Problems in the exercise itself: an invalid cluster or starter, goal patterns that match nothing. */
    public List<Problem> check(Exercise exercise) {
        List<Problem> problems = new ArrayList<>();
        Analysis.Result result = analysis.run(new Analysis.Request(exercise.starter() + "\n---\n" + exercise.cluster(),
                exercise.probes(), exercise.externals()));
        if (result instanceof Analysis.Invalid) {
            problems.addAll(((Analysis.Invalid) result).errors());
            return problems;
        }
        List<Endpoint> endpoints = ((Analysis.Success) result).matrix().endpoints();
        for (Exercise.Expectation expectation : exercise.goal().expectations()) {
            for (String pattern : List.of(expectation.from(), expectation.to())) {
                EndpointPattern compiled = EndpointPattern.of(pattern);
                if (endpoints.stream().noneMatch(compiled::matches)) {
                    problems.add(Problem.error("goal pattern '" + pattern + "' matches no endpoint", 0, 0, "goal"));
                }
            }
        }
        return problems;
    }
}
