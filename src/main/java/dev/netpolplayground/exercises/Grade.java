package dev.netpolplayground.exercises;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.Parsed;

import java.util.List;
import java.util.Optional;

/**
 * How far a student's answer is from the goal. {@code solved} is derived: no problems, and no
 * graded cell differs.
 *
 * @param refusal why the answer was refused, when it has problems
 * @param matrix the student's matrix (absent when the answer has problems)
 * @param target the goal laid over the student's matrix, whose probes may differ from the cluster's
 * @param graded how many cells the goal speaks about
 */
public record Grade(List<Difference> differing, List<Problem> problems, Optional<Parsed.Refusal> refusal,
                    List<Problem> warnings,
                    Optional<Matrix> matrix, Optional<Target> target, long graded) {
    public Grade {
        differing = List.copyOf(differing);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean solved() {
        return problems.isEmpty() && differing.isEmpty();
    }

    /**
     * One cell whose verdict is not the expected one. An undefined cell (policies of equal priority
     * disagree) always differs: the answer leaves the verdict to the network plugin.
     */
    public record Difference(int from, int to, int probe, String fromId, String toId, Probe probeValue,
                             boolean expected, Reach actual) {
    }
}
