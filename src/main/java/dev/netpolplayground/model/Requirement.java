package dev.netpolplayground.model;

import java.util.List;
import java.util.Map;

/** One {@code matchExpressions} entry: a key, an operator and (for In/NotIn) values. */
public record Requirement(String key, Operator operator, List<String> values) {
    public enum Operator { In, NotIn, Exists, DoesNotExist }

    public Requirement {
        values = List.copyOf(values);
    }

    /** NotIn and DoesNotExist match objects that lack the key, as in Kubernetes. */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        switch (operator) {
            case In:
                return value != null && values.contains(value);
            case NotIn:
                return value == null || !values.contains(value);
            case Exists:
                return value != null;
            case DoesNotExist:
                return value == null;
            default:
                throw new AssertionError(operator);
        }
    }

    @Override
    public String toString() {
        switch (operator) {
            case In:
                return key + " in (" + String.join(", ", values) + ")";
            case NotIn:
                return key + " notin (" + String.join(", ", values) + ")";
            case Exists:
                return key;
            case DoesNotExist:
                return "!" + key;
            default:
                throw new AssertionError(operator);
        }
    }
}
