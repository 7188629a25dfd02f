package dev.netpolplayground.parse;

import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Protocol;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, position-aware reading of composed YAML nodes. Every wrong shape becomes a Problem with
 * the node's line, column and field path; callers get an empty Optional and carry on, so all
 * problems of a text are found in one pass.
 */
final class Reader {
    private static final List<String> PROTOCOLS = Arrays.stream(Protocol.values()).map(Enum::name).toList();
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;

    /** The first {@link Problem#LISTED} errors, and how many more there were. */
    List<Problem> errors() {
        return Problem.listed(errors, errorCount);
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    /** The first {@link Problem#LISTED} warnings, and how many more there were. */
    List<Problem> warnings() {
        return Problem.listed(warnings, warningCount);
    }

    void error(Node node, String path, String message) {
        add(Problem.error(message, line(node), column(node), path));
    }

    void warn(Node node, String path, String message) {
        add(Problem.warning(message, line(node), column(node), path));
    }

    /** Only the first problems of each severity are kept; a flood of them is counted, not stored. */
    void add(Problem problem) {
        if (problem.severity() == Problem.Severity.ERROR) {
            if (errorCount++ < Problem.LISTED) {
                errors.add(problem);
            }
        } else if (warningCount++ < Problem.LISTED) {
            warnings.add(problem);
        }
    }

    static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    static int column(Node node) {
        return node.getStartMark().map(Mark::getColumn).orElse(-1) + 1;
    }

    static int lastLine(Node node) {
        Optional<Mark> end = node.getEndMark();
        if (end.isEmpty()) {
            return line(node);
        }
        int last = end.get().getLine() + (end.get().getColumn() == 0 ? 0 : 1);
        return Math.max(line(node), last);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A mapping's fields by key; empty for null (an absent value), a problem for anything else. */
    Optional<Fields> fields(Node node, String path) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode)) {
            error(node, path, "must be a mapping (key: value pairs), not " + describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode)) {
                error(key, path, "keys must be plain strings");
                continue;
            }
            String name = ((ScalarNode) key).getValue();
            if (entries.containsKey(name)) {
                error(key, join(path, name), "duplicate key '" + abbreviate(name) + "' (first at line "
                        + line(entries.get(name).getKeyNode()) + ")");
                continue;
            }
            entries.put(name, tuple);
        }
        return Optional.of(new Fields(this, node, path, entries));
    }

    /** A sequence's items; empty for null, a problem for anything else. */
    Optional<List<Node>> list(Node node, String path) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode)) {
            error(node, path, "must be a list, not " + describe(node));
            return Optional.empty();
        }
        return Optional.of(((SequenceNode) node).getValue());
    }

    Optional<String> string(Node node, String path) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode)) {
            error(node, path, "must be a string, not " + describe(node));
            return Optional.empty();
        }
        ScalarNode scalar = (ScalarNode) node;
        if (!scalar.getTag().equals(Tag.STR)) {
            error(node, path, "must be a string, but " + abbreviate(scalar.getValue()) + " is read as "
                    + describe(node) + "; quote it: \"" + abbreviate(scalar.getValue()) + "\"");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    Optional<Integer> integer(Node node, String path) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.INT)) {
            error(node, path, "must be a whole number, not " + describe(node));
            return Optional.empty();
        }
        String text = ((ScalarNode) node).getValue().replace("_", "");
        try {
            long value;
            if (text.startsWith("0x") || text.startsWith("0o")) {
                value = Long.parseLong(text.substring(2), text.charAt(1) == 'x' ? 16 : 8);
            } else {
                value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            }
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                error(node, path, "number " + abbreviate(text) + " is too large");
                return Optional.empty();
            }
            return Optional.of((int) value);
        } catch (NumberFormatException tooLong) {
            error(node, path, "number " + abbreviate(text) + " is too large");
            return Optional.empty();
        }
    }

    Optional<Boolean> bool(Node node, String path) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.BOOL)) {
            error(node, path, "must be true or false, not " + describe(node));
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(((ScalarNode) node).getValue().toLowerCase()));
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        String value = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.NULL)) {
            return "empty (null)";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + abbreviate(value);
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + value;
        }
        return "the string \"" + abbreviate(value) + "\"";
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** A field path; a key is abbreviated like a quoted value (paths are shown to the user). */
    static String join(String path, String key) {
        return path.isEmpty() ? abbreviate(key) : path + "." + abbreviate(key);
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** A mapping being read: lookups by key, and a check that no unknown key is present. */
    static final class Fields {
        private final Reader reader;
        private final Node node;
        private final String path;
        private final Map<String, NodeTuple> entries;

        Fields(Reader reader, Node node, String path, Map<String, NodeTuple> entries) {
            this.reader = reader;
            this.node = node;
            this.path = path;
            this.entries = entries;
        }

        Node node() {
            return node;
        }

        String path(String key) {
            return join(path, key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        Optional<Node> get(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
        }

        /** The value, or the key's node when present (for pointing at a field), or this mapping. */
        Node anchor(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? node : tuple.getKeyNode();
        }

        Map<String, NodeTuple> entries() {
            return entries;
        }

        Optional<String> string(String key) {
            return get(key).flatMap(value -> reader.string(value, path(key)));
        }

        /**
         * {@code protocol}: absent or null means TCP; the value is case-sensitive. Empty, with an
         * error reported, for anything but TCP, UDP or SCTP.
         */
        Optional<Protocol> protocol() {
            Optional<Node> node = get("protocol").filter(n -> !isNull(n));
            if (node.isEmpty()) {
                return Optional.of(Protocol.TCP);
            }
            Optional<String> text = reader.string(node.get(), path("protocol"));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (PROTOCOLS.contains(text.get())) {
                return Optional.of(Protocol.valueOf(text.get()));
            }
            String hint = Names.closest(text.get(), PROTOCOLS).map(p -> "; did you mean '" + p + "'?")
                    .orElse("; use TCP, UDP or SCTP");
            reader.error(node.get(), path("protocol"), "protocol '" + abbreviate(text.get()) + "' is not supported"
                    + hint);
            return Optional.empty();
        }

        Optional<Integer> integer(String key) {
            return get(key).flatMap(value -> reader.integer(value, path(key)));
        }

        Optional<Fields> fields(String key) {
            return get(key).flatMap(value -> reader.fields(value, path(key)));
        }

        Optional<List<Node>> list(String key) {
            return get(key).flatMap(value -> reader.list(value, path(key)));
        }

        /** Reports every key not in {@code known}, with the closest known key as a suggestion. */
        void rejectUnknown(Collection<String> known, String where) {
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                if (!known.contains(entry.getKey())) {
                    String hint = Names.closest(entry.getKey(), known).map(k -> "; did you mean '" + k + "'?")
                            .orElse("; " + where + " takes " + String.join(", ", known));
                    reader.error(entry.getValue().getKeyNode(), path(entry.getKey()),
                            "unknown field '" + abbreviate(entry.getKey()) + "'" + hint);
                }
            }
        }
    }
}
