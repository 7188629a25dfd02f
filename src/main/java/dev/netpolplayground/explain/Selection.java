package dev.netpolplayground.explain;

import dev.netpolplayground.model.Endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Which endpoints a filter keeps: a comma-separated list of ids ("x/a", "ip:203.0.113.5"),
 * whole namespaces ("x/*"), or "external" for every outside address. Blank keeps everything.
 */
public record Selection(List<String> patterns) {
    public static final Selection ALL = new Selection(List.of());
    /** Most patterns one filter may list: each endpoint is compared with every pattern. */
    public static final int MAX_PATTERNS = 100;

    public Selection {
        patterns = List.copyOf(patterns);
    }

    public static Selection parse(String text) {
        List<String> patterns = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    patterns.add(item.trim());
                }
            }
        }
        return new Selection(patterns);
    }

    public boolean keeps(Endpoint endpoint) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (pattern.equals(endpoint.id()) || pattern.equals(endpoint.name()) && endpoint.external()
                    || pattern.equals("external") && endpoint.external()
                    || pattern.endsWith("/*") && !endpoint.external()
                    && endpoint.namespace().equals(pattern.substring(0, pattern.length() - 2))) {
                return true;
            }
        }
        return false;
    }
}
