package dev.netpolplayground.exercises;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.Parsed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far a student's answer is from the goal. {@code solved} is derived: no problems, and no
 * graded cell differs.
 *
 * @param refusal why the answer was refused, when it has problems
 * @param matrix the student's matrix (absent when the answer has problems)
 * @param target the goal laid over the student's matrix, whose probes may differ from the cluster's
 * @param graded how many cells the goal speaks about
 * @param gradedPairs how many (source, destination) pairs the goal speaks about, on one probe or more
 */
public record Grade(List<Difference> differing, List<Problem> problems, Optional<Parsed.Refusal> refusal,
                    List<Problem> warnings,
                    Optional<Matrix> matrix, Optional<Target> target, long graded, long gradedPairs) {
    public Grade {
        differing = List.copyOf(differing);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean solved() {
        return problems.isEmpty() && differing.isEmpty();
    }

    /** How many (source, destination) pairs differ from the goal, on one probe or more. */
    public int differingPairs() {
        return (int) differing.stream().map(d -> d.fromId() + "\n" + d.toId()).distinct().count();
    }

    /**
     * In pairs, as a student counts what the matrix shows: "Solved: all 12 pairs match the goal", or
     * "3 of 12 pairs differ from the goal (on 80/TCP: 2; on 5432/TCP: 1)" when more than one probe is graded.
     */
    public String summary() {
        if (solved()) {
            return "Solved: all " + gradedPairs + (gradedPairs == 1 ? " pair matches" : " pairs match") + " the goal";
        }
        long pairs = differingPairs();
        Map<Probe, Long> perProbe = differing.stream().collect(Collectors.groupingBy(Difference::probeValue,
                LinkedHashMap::new, Collectors.counting()));
        String detail = perProbe.size() > 1 || matrix.map(m -> m.probes().size() > 1).orElse(false)
                ? perProbe.entrySet().stream().map(e -> "on " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ", " (", ")")) : "";
        return pairs + " of " + gradedPairs + (gradedPairs == 1 ? " pair differs" : " pairs differ")
                + " from the goal" + detail;
    }

    /**
     * One cell whose verdict is not the expected one. An undefined cell (policies of equal priority
     * disagree) always differs: the answer leaves the verdict to the network plugin.
     */
    public record Difference(int from, int to, int probe, String fromId, String toId, Probe probeValue,
                             boolean expected, Reach actual) {
    }
}
