package dev.netpolplayground.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Kubernetes label selector: every matchLabels pair AND every expression must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {
    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());
    /** Parts shown in the selector's text; the rest are counted. */
    private static final int SHOWN = 10;

    public LabelSelector {
        matchLabels = Collections.unmodifiableMap(new TreeMap<>(matchLabels));
        expressions = List.copyOf(expressions);
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && expressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : expressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The first part of the selector that {@code labels} fail, in selector syntax. */
    public Optional<String> firstFailure(Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return Optional.of(wanted.getKey() + "=" + wanted.getValue());
            }
        }
        for (Requirement requirement : expressions) {
            if (!requirement.matches(labels)) {
                return Optional.of(requirement.toString());
            }
        }
        return Optional.empty();
    }

    /** kubectl-style text: "app=web,tier in (a, b)"; the empty selector reads "(all)". */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "(all)";
        }
        List<String> parts = new ArrayList<>();
        matchLabels.forEach((key, value) -> parts.add(key + "=" + value));
        expressions.forEach(requirement -> parts.add(requirement.toString()));
        if (parts.size() <= SHOWN) {
            return String.join(",", parts);
        }
        return String.join(",", parts.subList(0, SHOWN)) + ",... and " + (parts.size() - SHOWN) + " more";
    }
}
