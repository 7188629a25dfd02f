package dev.netpolplayground.eval;

import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Scenario;

import java.util.List;

/** The one entry point of the evaluator: scenario and probes in, matrix out. Pure. */
public final class Evaluator {
    private Evaluator() {
    }

    public static Matrix evaluate(Scenario scenario, List<Probe> probes) {
        return new Matrix(scenario, probes, new Engine(scenario, probes).compute());
    }
}
