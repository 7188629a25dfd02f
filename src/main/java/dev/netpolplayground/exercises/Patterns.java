package dev.netpolplayground.exercises;

import dev.netpolplayground.model.Endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint patterns of exercise goals: "*", "ns/pod", "ns/*", "app=web" (labels, any namespace;
 * a bare key means the label exists; commas mean AND), "ns/app=web", "external", or an outside address.
 */
final class Patterns {
    private Patterns() {
    }

    static boolean matches(String pattern, Endpoint endpoint) {
        String p = pattern.trim();
        if (p.equals("*")) {
            return true;
        }
        if (p.equals("external")) {
            return endpoint.external();
        }
        if (endpoint.external()) {
            return p.equals(endpoint.name()) || p.equals(endpoint.id());
        }
        int slash = p.indexOf('/');
        String namespace = slash >= 0 && !p.substring(0, slash).contains("=") ? p.substring(0, slash) : null;
        String rest = namespace == null ? p : p.substring(slash + 1);
        if (namespace != null && !namespace.equals(endpoint.namespace())) {
            return false;
        }
        if (rest.contains("=")) {
            return labels(rest).entrySet().stream().allMatch(wanted -> wanted.getValue() == null
                    ? endpoint.labels().containsKey(wanted.getKey())
                    : wanted.getValue().equals(endpoint.labels().get(wanted.getKey())));
        }
        if (namespace == null) {
            return false;
        }
        return rest.equals("*") || rest.equals(endpoint.name());
    }

    private static Map<String, String> labels(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : selector.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                labels.put(part.trim(), null);
            } else {
                labels.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        return labels;
    }
}
