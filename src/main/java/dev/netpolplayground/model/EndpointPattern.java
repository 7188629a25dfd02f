package dev.netpolplayground.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one language for naming endpoints, in exercise goals and in the API's from/to filters:
 * "*" (every endpoint), "ns/pod", "ns/*", "app=web" (labels, any namespace; a bare key means the
 * label exists; commas mean AND), "ns/app=web", "external" (every outside address), or an outside
 * address ("203.0.113.5" or its id "ip:203.0.113.5"). Compiled once; {@link #matches} is cheap.
 *
 * @param text the pattern as written
 */
public record EndpointPattern(String text, Kind kind, Optional<String> namespace, String name,
                              Map<String, Optional<String>> labels) {
    /** What the pattern looks at. */
    public enum Kind { EVERYTHING, EXTERNAL, BY_NAME, BY_LABELS }

    public EndpointPattern {
        labels = Map.copyOf(labels);
    }

    public static EndpointPattern of(String written) {
        String p = written.trim();
        if (p.equals("*")) {
            return new EndpointPattern(p, Kind.EVERYTHING, Optional.empty(), "", Map.of());
        }
        if (p.equals("external")) {
            return new EndpointPattern(p, Kind.EXTERNAL, Optional.empty(), "", Map.of());
        }
        int slash = p.indexOf('/');
        Optional<String> namespace = slash >= 0 && !p.substring(0, slash).contains("=")
                ? Optional.of(p.substring(0, slash)) : Optional.empty();
        String rest = namespace.isPresent() ? p.substring(slash + 1) : p;
        if (rest.contains("=")) {
            Map<String, Optional<String>> labels = new LinkedHashMap<>();
            for (String part : rest.split(",")) {
                int equals = part.indexOf('=');
                labels.put((equals < 0 ? part : part.substring(0, equals)).trim(),
                        equals < 0 ? Optional.empty() : Optional.of(part.substring(equals + 1).trim()));
            }
            return new EndpointPattern(p, Kind.BY_LABELS, namespace, "", labels);
        }
        return new EndpointPattern(p, Kind.BY_NAME, namespace, rest, Map.of());
    }

    public boolean matches(Endpoint endpoint) {
        switch (kind) {
            case EVERYTHING:
                return true;
            case EXTERNAL:
                return endpoint.external();
            default:
                break;
        }
        if (endpoint.external()) {
            return text.equals(endpoint.name()) || text.equals(endpoint.id());
        }
        if (namespace.isPresent() && !namespace.get().equals(endpoint.namespace())) {
            return false;
        }
        if (kind == Kind.BY_LABELS) {
            return labels.entrySet().stream().allMatch(wanted -> wanted.getValue()
                    .map(value -> value.equals(endpoint.labels().get(wanted.getKey())))
                    .orElseGet(() -> endpoint.labels().containsKey(wanted.getKey())));
        }
        return namespace.isPresent() && (name.equals("*") || name.equals(endpoint.name()));
    }

    @Override
    public String toString() {
        return text;
    }
}
