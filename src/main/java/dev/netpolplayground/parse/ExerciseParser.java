package dev.netpolplayground.parse;

import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an exercise file (one YAML document), or reports its problems with line and path. */
public final class ExerciseParser {
    private static final List<String> FIELDS = List.of("id", "title", "level", "brief", "cluster", "starter", "probes",
            "external", "goal", "hints", "debrief");
    private static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
    private static final int MAX_CODE_POINTS = 1024 * 1024;
    private static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,62}[a-z0-9])?");

    /** An exercise, or why the text is not one. */
    public sealed interface Result permits Ok, Failed {
    }

    public record Ok(Exercise exercise) implements Result {
    }

    public record Failed(List<Problem> problems) implements Result {
        public Failed {
            problems = List.copyOf(problems);
        }
    }

    public Result parse(String text) {
        Reader reader = new Reader();
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setSchema(new FastCoreSchema()).setMaxAliasesForCollections(20)
                    .setCodePointLimit(MAX_CODE_POINTS).setBufferSize(Math.max(1024, Math.min(text.length(), 1 << 20)))
                    .build();
            root = new Compose(settings).composeString(text);
        } catch (YamlEngineException e) {
            return new Failed(List.of(Problem.error("not valid YAML: " + e.getMessage(), 0, 0, "")));
        }
        if (root.isEmpty()) {
            return new Failed(List.of(Problem.error("the exercise is empty", 0, 0, "")));
        }
        Expansion expansion = Expansion.of(List.of(root.get()), MAX_DEPTH);
        if (expansion.tooDeep().isPresent() || expansion.nodes() > MAX_NODES || expansion.characters() > MAX_CODE_POINTS) {
            return new Failed(List.of(Problem.error("the exercise is nested more than " + MAX_DEPTH + " levels deep or"
                    + " expands, through its aliases, to more than " + MAX_NODES + " nodes or " + MAX_CODE_POINTS
                    + " characters", 0, 0, "")));
        }
        Optional<Reader.Fields> maybe = reader.fields(root.get(), "");
        if (maybe.isEmpty()) {
            return new Failed(reader.errors().isEmpty()
                    ? List.of(Problem.error("an exercise is a mapping of id, title, …", 0, 0, "")) : reader.errors());
        }
        Reader.Fields fields = maybe.get();
        fields.rejectUnknown(FIELDS, "an exercise");
        String id = required(reader, fields, "id");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            reader.error(fields.anchor("id"), "id", "id must be lower case letters, digits and '-'");
        }
        String level = fields.string("level").orElse("beginner");
        if (!LEVELS.contains(level)) {
            reader.error(fields.anchor("level"), "level", "level must be beginner, intermediate or advanced");
        }
        List<Problem> optionProblems = new ArrayList<>();
        String probes = fields.string("probes").orElse("");
        Options.probes(probes, optionProblems);
        String externals = fields.string("external").orElse("");
        Options.externals(externals, optionProblems);
        Exercise.Goal goal = goal(reader, fields, optionProblems);
        List<String> hints = new ArrayList<>();
        List<Node> hintNodes = fields.list("hints").orElse(List.of());
        for (int i = 0; i < hintNodes.size(); i++) {
            reader.string(hintNodes.get(i), Reader.index("hints", i)).ifPresent(hints::add);
        }
        Exercise exercise = new Exercise(id, required(reader, fields, "title"), level,
                fields.string("brief").orElse(""), required(reader, fields, "cluster"),
                fields.string("starter").orElse(""), probes, externals, goal, hints, fields.string("debrief").orElse(""));
        List<Problem> problems = new ArrayList<>(reader.errors());
        problems.addAll(optionProblems);
        return problems.isEmpty() ? new Ok(exercise) : new Failed(problems);
    }

    private static String required(Reader reader, Reader.Fields fields, String key) {
        Optional<String> value = fields.string(key);
        if (value.isEmpty() && !fields.has(key)) {
            reader.error(fields.node(), key, key + " is required");
        }
        return value.orElse("");
    }

    private static Exercise.Goal goal(Reader reader, Reader.Fields fields, List<Problem> optionProblems) {
        Optional<Reader.Fields> maybeGoal = fields.fields("goal");
        if (maybeGoal.isEmpty()) {
            reader.error(fields.anchor("goal"), "goal", "goal is required: a default and a list of expect entries");
            return new Exercise.Goal(Exercise.Default.UNSPECIFIED, List.of());
        }
        Reader.Fields goal = maybeGoal.get();
        goal.rejectUnknown(List.of("default", "expect", "matrix"), "a goal");
        Exercise.Default fallback = Exercise.Default.UNSPECIFIED;
        Optional<String> written = goal.string("default");
        if (written.isPresent()) {
            try {
                fallback = Exercise.Default.valueOf(written.get().toUpperCase());
            } catch (IllegalArgumentException e) {
                reader.error(goal.anchor("default"), goal.path("default"), "default must be allowed, denied or unspecified");
            }
        }
        List<Exercise.Expectation> expectations = new ArrayList<>();
        List<Node> items = goal.list("expect").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.index(goal.path("expect"), i);
            Optional<Reader.Fields> item = reader.fields(items.get(i), path);
            if (item.isEmpty()) {
                continue;
            }
            Reader.Fields expect = item.get();
            expect.rejectUnknown(List.of("from", "to", "probes", "allowed"), "an expect entry");
            String from = expect.string("from").orElse("*");
            String to = expect.string("to").orElse("*");
            List<Probe> probes = Options.probes(expect.string("probes").orElse(""), optionProblems);
            Optional<Boolean> allowed = expect.get("allowed").flatMap(n -> reader.bool(n, expect.path("allowed")));
            if (!expect.has("allowed")) {
                reader.error(expect.node(), expect.path("allowed"), "allowed: true or false is required");
            }
            allowed.ifPresent(a -> expectations.add(new Exercise.Expectation(from, to, probes, a)));
        }
        goal.fields("matrix").ifPresent(matrix -> matrixExpectations(reader, matrix, expectations, optionProblems));
        return new Exercise.Goal(fallback, expectations);
    }

    /**
     * A full target matrix per probe: {@code "80/TCP": {columns: [x/a, x/b], rows: {x/a: "- X", x/b: ". -"}}},
     * where '.' is allowed, 'X' denied and '-' not graded; each cell becomes an expectation.
     */
    private static void matrixExpectations(Reader reader, Reader.Fields matrix, List<Exercise.Expectation> expectations,
                                           List<Problem> optionProblems) {
        for (String probeText : matrix.entries().keySet()) {
            List<Probe> probes = Options.probes(probeText, optionProblems);
            Optional<Reader.Fields> table = matrix.fields(probeText);
            if (probes.size() != 1 || table.isEmpty()) {
                reader.error(matrix.anchor(probeText), matrix.path(probeText),
                        "each matrix entry is one probe (e.g. 80/TCP) with columns and rows");
                continue;
            }
            table.get().rejectUnknown(List.of("columns", "rows"), "a goal matrix");
            List<String> columns = new ArrayList<>();
            for (Node column : table.get().list("columns").orElse(List.of())) {
                reader.string(column, table.get().path("columns")).ifPresent(columns::add);
            }
            Optional<Reader.Fields> rows = table.get().fields("rows");
            for (String from : rows.map(r -> r.entries().keySet()).orElse(Set.of())) {
                String path = rows.get().path(from);
                String cells = rows.get().string(from).orElse("").replace(" ", "");
                if (cells.length() != columns.size() || !cells.matches("[.X-]*")) {
                    reader.error(rows.get().anchor(from), path, "a row needs one of '.', 'X' or '-' per column ("
                            + columns.size() + ")");
                    continue;
                }
                for (int c = 0; c < columns.size(); c++) {
                    if (cells.charAt(c) != '-') {
                        expectations.add(new Exercise.Expectation(from, columns.get(c), probes, cells.charAt(c) == '.'));
                    }
                }
            }
        }
    }
}
