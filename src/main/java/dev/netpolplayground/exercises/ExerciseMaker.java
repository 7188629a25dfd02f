package dev.netpolplayground.exercises;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Source;
import dev.netpolplayground.model.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a playground scenario into an exercise: the policies are taken out of the text (the rest
 * is the cluster students get), the chosen ones become the starter, and the goal is the given set
 * of allowed cells over the scenario's matrix.
 */
public final class ExerciseMaker {
    private ExerciseMaker() {
    }

    /** The scenario text cut into the cluster and one text per policy (in the scenario's policy order). */
    public record Split(String cluster, List<String> policies, List<String> problems) {
        public Split {
            policies = List.copyOf(policies);
            problems = List.copyOf(problems);
        }
    }

    /** A policy of the scenario, as the teacher reads it ("NetworkPolicy 'shop/db'"), and where it is written. */
    public record Piece(String label, Source source) {
    }

    /**
     * The scenario's policies as pieces to cut out: its NetworkPolicies, then its cluster policies,
     * the order of {@link #split}'s texts.
     */
    public static List<Piece> pieces(Scenario scenario) {
        List<Piece> pieces = new ArrayList<>();
        scenario.policies().forEach(p -> pieces.add(new Piece("NetworkPolicy '" + p.id() + "'", p.source())));
        scenario.clusterPolicies().forEach(p -> pieces.add(new Piece(p.api().kind() + " '" + p.name() + "'",
                p.source())));
        return pieces;
    }

    /** Cuts at document separators: each policy must be a document of its own. */
    public static Split split(String text, List<Piece> policies) {
        String[] lines = text.split("\n", -1);
        List<int[]> documents = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= lines.length; i++) {
            if (lines[i - 1].matches("---(\\s.*)?")) {
                documents.add(new int[] {start, i - 1});
                start = i + 1;
            }
        }
        documents.add(new int[] {start, lines.length});
        boolean[] isPolicy = new boolean[documents.size()];
        List<String> texts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Piece policy : policies) {
            int line = policy.source().firstLine();
            int index = -1;
            for (int d = 0; d < documents.size(); d++) {
                if (line >= documents.get(d)[0] && line <= documents.get(d)[1]) {
                    index = d;
                }
            }
            if (index < 0 || !firstContentLine(lines, documents.get(index), line)) {
                problems.add(policy.label() + " is inside a List: give each policy its own YAML"
                        + " document (separated by ---) to make an exercise");
                continue;
            }
            isPolicy[index] = true;
            texts.add(join(lines, documents.get(index)).strip() + "\n");
        }
        StringBuilder cluster = new StringBuilder();
        for (int d = 0; d < documents.size(); d++) {
            String document = join(lines, documents.get(d)).strip();
            if (!isPolicy[d] && !document.isEmpty()) {
                cluster.append(cluster.length() == 0 ? "" : "---\n").append(document).append('\n');
            }
        }
        return new Split(cluster.toString(), texts, problems);
    }

    private static boolean firstContentLine(String[] lines, int[] document, int line) {
        for (int i = document[0]; i <= document[1]; i++) {
            String text = lines[i - 1].strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return i == line;
            }
        }
        return false;
    }

    private static String join(String[] lines, int[] document) {
        StringBuilder out = new StringBuilder();
        for (int i = document[0]; i <= document[1]; i++) {
            out.append(lines[i - 1]).append('\n');
        }
        return out.toString();
    }

    /**
     * The goal as the smaller list: a default of whichever verdict is more common, and one
     * expectation per cell that differs from it. Loopback and outside-to-outside cells are not graded.
     * When the teacher leaves cells out, nothing is graded by default and every graded cell is listed.
     *
     * @param ungradedCells "from:to:probe" of the cells the teacher leaves out of the grading
     */
    public static Exercise.Goal goal(Matrix matrix, Set<String> allowedCells, Set<String> ungradedCells) {
        List<int[]> cells = new ArrayList<>();
        int allowed = 0;
        for (int p = 0; p < matrix.probes().size(); p++) {
            for (int s = 0; s < matrix.endpoints().size(); s++) {
                for (int d = 0; d < matrix.endpoints().size(); d++) {
                    if (s != d && matrix.applicable(s, d) && !ungradedCells.contains(s + ":" + d + ":" + p)) {
                        cells.add(new int[] {s, d, p});
                        allowed += allowedCells.contains(s + ":" + d + ":" + p) ? 1 : 0;
                    }
                }
            }
        }
        boolean mostlyAllowed = allowed * 2 >= cells.size();
        boolean listAll = cells.size() < gradable(matrix);
        List<Exercise.Expectation> expectations = new ArrayList<>();
        for (int[] cell : cells) {
            boolean isAllowed = allowedCells.contains(cell[0] + ":" + cell[1] + ":" + cell[2]);
            if (listAll || isAllowed != mostlyAllowed) {
                Probe probe = matrix.probes().get(cell[2]);
                expectations.add(new Exercise.Expectation(matrix.endpoints().get(cell[0]).id(),
                        matrix.endpoints().get(cell[1]).id(), List.of(probe), isAllowed));
            }
        }
        return new Exercise.Goal(listAll ? Exercise.Default.UNSPECIFIED
                : mostlyAllowed ? Exercise.Default.ALLOWED : Exercise.Default.DENIED, expectations);
    }

    private static long gradable(Matrix matrix) {
        long cells = 0;
        for (int s = 0; s < matrix.endpoints().size(); s++) {
            for (int d = 0; d < matrix.endpoints().size(); d++) {
                cells += s != d && matrix.applicable(s, d) ? 1 : 0;
            }
        }
        return cells * matrix.probes().size();
    }
}
