package dev.netpolplayground.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A namespace and its labels (always including kubernetes.io/metadata.name). */
public record Namespace(String name, Map<String, String> labels, boolean implicit) {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public Namespace {
        TreeMap<String, String> copy = new TreeMap<>(labels);
        copy.put(NAME_LABEL, name);
        labels = Collections.unmodifiableMap(copy);
    }
}
