package dev.netpolplayground.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code matchExpressions} entry: a key, an operator and (for In/NotIn) values, a set in the
 * written order: a selector of 600,000 values answers each pod in one lookup.
 */
public record Requirement(String key, Operator operator, Set<String> values) {
    public enum Operator { In, NotIn, Exists, DoesNotExist }

    /** Values shown in the selector's text; the rest are counted. */
    private static final int SHOWN = 10;

    public Requirement {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public Requirement(String key, Operator operator, List<String> values) {
        this(key, operator, new LinkedHashSet<>(values));
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
                return key + " in (" + shownValues() + ")";
            case NotIn:
                return key + " notin (" + shownValues() + ")";
            case Exists:
                return key;
            case DoesNotExist:
                return "!" + key;
            default:
                throw new AssertionError(operator);
        }
    }

    /** "a, b, c", or the first ten and how many more. */
    private String shownValues() {
        String shown = values.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return values.size() <= SHOWN ? shown
                : shown + ", ... and " + String.format(Locale.ROOT, "%,d", values.size() - SHOWN) + " more";
    }
}
