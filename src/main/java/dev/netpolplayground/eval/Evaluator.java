package dev.netpolplayground.eval;

import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Scenario;

import java.util.List;

/** The one entry point of the evaluator: scenario and probes in, matrix out. Pure. */
public final class Evaluator {
    private Evaluator() {
    }

    public static Matrix evaluate(Scenario scenario, List<Probe> probes) {
        return evaluate(scenario, probes, Long.MAX_VALUE);
    }

    /**
     * @param deadline a {@link System#nanoTime()} value; past it the evaluation stops with {@link TooSlow}
     */
    public static Matrix evaluate(Scenario scenario, List<Probe> probes, long deadline) {
        return new Matrix(scenario, probes, new Engine(scenario, probes, deadline).compute());
    }

    /** The evaluation ran past its deadline and was abandoned. */
    public static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("evaluation deadline passed", null, false, false);
        }
    }
}
