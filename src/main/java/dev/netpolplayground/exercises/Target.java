package dev.netpolplayground.exercises;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointPattern;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Probe;

import java.util.List;

/** An exercise's goal laid over a matrix's endpoints and probes: per cell, graded or not, and expected. */
public final class Target {
    private static final byte UNGRADED = 0;
    private static final byte ALLOWED = 1;
    private static final byte DENIED = 2;

    private final byte[][][] cells;

    private Target(byte[][][] cells) {
        this.cells = cells;
    }

    static Target of(Exercise exercise, Matrix matrix) {
        List<Endpoint> endpoints = matrix.endpoints();
        List<Probe> probes = matrix.probes();
        int n = endpoints.size();
        byte fallback = exercise.goal().fallback() == Exercise.Default.ALLOWED ? ALLOWED
                : exercise.goal().fallback() == Exercise.Default.DENIED ? DENIED : UNGRADED;
        byte[][][] cells = new byte[probes.size()][n][n];
        List<Exercise.Expectation> expectations = exercise.goal().expectations();
        List<EndpointPattern> from = expectations.stream().map(e -> EndpointPattern.of(e.from())).toList();
        List<EndpointPattern> to = expectations.stream().map(e -> EndpointPattern.of(e.to())).toList();
        for (int p = 0; p < probes.size(); p++) {
            for (int s = 0; s < n; s++) {
                for (int d = 0; d < n; d++) {
                    if (s == d || !matrix.applicable(s, d)) {
                        continue;
                    }
                    byte value = fallback;
                    for (int e = 0; e < expectations.size(); e++) {
                        Exercise.Expectation expectation = expectations.get(e);
                        if ((expectation.probes().isEmpty() || expectation.probes().contains(probes.get(p)))
                                && from.get(e).matches(endpoints.get(s)) && to.get(e).matches(endpoints.get(d))) {
                            value = expectation.allowed() ? ALLOWED : DENIED;
                        }
                    }
                    cells[p][s][d] = value;
                }
            }
        }
        return new Target(cells);
    }

    public boolean graded(int from, int to, int probe) {
        return cells[probe][from][to] != UNGRADED;
    }

    /** Meaningful only where {@link #graded} is true. */
    public boolean expected(int from, int to, int probe) {
        return cells[probe][from][to] == ALLOWED;
    }
}
