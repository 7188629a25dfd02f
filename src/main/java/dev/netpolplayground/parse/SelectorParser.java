package dev.netpolplayground.parse;

import dev.netpolplayground.model.LabelSelector;
import dev.netpolplayground.model.Requirement;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Label maps and label selectors, validated as the API server does. */
final class SelectorParser {
    private static final Set<String> SELECTOR_FIELDS = Set.of("matchLabels", "matchExpressions");
    private static final Set<String> EXPRESSION_FIELDS = Set.of("key", "operator", "values");

    private final Reader reader;

    SelectorParser(Reader reader) {
        this.reader = reader;
    }

    /** A labels map (metadata.labels or matchLabels): valid keys, string values. */
    Map<String, String> labels(Reader.Fields map) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : map.entries().entrySet()) {
            String key = entry.getKey();
            Node keyNode = entry.getValue().getKeyNode();
            Node valueNode = entry.getValue().getValueNode();
            String path = map.path(key);
            Names.labelKey(key).ifPresent(problem -> reader.error(keyNode, path, "label key '" + key + "': " + problem));
            if (Reader.isNull(valueNode)) {
                reader.warn(valueNode, path, "label '" + key + "' has no value, so it is the empty string \"\"");
                labels.put(key, "");
                continue;
            }
            Optional<String> value = reader.string(valueNode, path);
            value.ifPresent(v -> {
                Names.labelValue(v).ifPresent(problem ->
                        reader.error(valueNode, path, "label value '" + Reader.abbreviate(v) + "' " + problem));
                labels.put(key, v);
            });
        }
        return labels;
    }

    /** A LabelSelector; null or {} selects everything. */
    LabelSelector selector(Node node, String path) {
        Optional<Reader.Fields> fields = reader.fields(node, path);
        if (fields.isEmpty()) {
            return LabelSelector.EVERYTHING;
        }
        Reader.Fields selector = fields.get();
        selector.rejectUnknown(SELECTOR_FIELDS, "a label selector");
        Map<String, String> matchLabels = selector.fields("matchLabels").map(this::labels).orElse(Map.of());
        List<Requirement> expressions = new ArrayList<>();
        List<Node> items = selector.list("matchExpressions").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            requirement(items.get(i), Reader.index(selector.path("matchExpressions"), i)).ifPresent(expressions::add);
        }
        return new LabelSelector(matchLabels, expressions);
    }

    private Optional<Requirement> requirement(Node node, String path) {
        Optional<Reader.Fields> fields = reader.fields(node, path);
        if (fields.isEmpty()) {
            reader.error(node, path, "a match expression needs key and operator");
            return Optional.empty();
        }
        Reader.Fields expression = fields.get();
        expression.rejectUnknown(EXPRESSION_FIELDS, "a match expression");
        Optional<String> key = expression.string("key");
        if (key.isEmpty() && !expression.has("key")) {
            reader.error(expression.node(), expression.path("key"), "key is required");
        }
        key.ifPresent(k -> Names.labelKey(k).ifPresent(problem ->
                reader.error(expression.anchor("key"), expression.path("key"), "label key '" + k + "': " + problem)));
        Optional<Requirement.Operator> operator = expression.string("operator").flatMap(text -> {
            for (Requirement.Operator candidate : Requirement.Operator.values()) {
                if (candidate.name().equals(text)) {
                    return Optional.of(candidate);
                }
            }
            String hint = Names.closest(text, List.of("In", "NotIn", "Exists", "DoesNotExist"))
                    .map(o -> "; did you mean '" + o + "'?").orElse("; use In, NotIn, Exists or DoesNotExist");
            reader.error(expression.get("operator").orElseThrow(), expression.path("operator"),
                    "operator '" + text + "' is not valid" + hint);
            return Optional.empty();
        });
        if (!expression.has("operator")) {
            reader.error(expression.node(), expression.path("operator"), "operator is required");
        }
        List<String> values = new ArrayList<>();
        List<Node> valueNodes = expression.list("values").orElse(List.of());
        for (int i = 0; i < valueNodes.size(); i++) {
            String valuePath = Reader.index(expression.path("values"), i);
            Node valueNode = valueNodes.get(i);
            reader.string(valueNode, valuePath).ifPresent(v -> {
                Names.labelValue(v).ifPresent(problem ->
                        reader.error(valueNode, valuePath, "value '" + Reader.abbreviate(v) + "' " + problem));
                values.add(v);
            });
        }
        if (operator.isPresent()) {
            boolean needsValues = operator.get() == Requirement.Operator.In
                    || operator.get() == Requirement.Operator.NotIn;
            if (needsValues && valueNodes.isEmpty()) {
                reader.error(expression.anchor("values"), expression.path("values"),
                        "operator " + operator.get() + " needs at least one value");
            } else if (!needsValues && !valueNodes.isEmpty()) {
                reader.error(expression.anchor("values"), expression.path("values"),
                        "operator " + operator.get() + " must not have values");
            }
        }
        if (key.isEmpty() || operator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Requirement(key.get(), operator.get(), values));
    }
}
