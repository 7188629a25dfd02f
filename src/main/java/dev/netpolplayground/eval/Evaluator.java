package dev.netpolplayground.eval;

import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Scenario;

import java.util.List;

/** The one entry point of the evaluator: scenario and probes in, matrix out. Pure. */
public final class Evaluator {
    private Evaluator() {
    }

    public static Matrix evaluate(Scenario scenario, List<Probe> probes) {
        return evaluate(scenario, probes, Deadline.NONE);
    }

    /** @param deadline past it the evaluation stops with {@link Deadline.Passed} */
    public static Matrix evaluate(Scenario scenario, List<Probe> probes, Deadline deadline) {
        Isolation isolation = Isolation.of(scenario, deadline);
        return new Matrix(scenario, probes, new Engine(scenario, probes, isolation, deadline).compute(), isolation);
    }
}
