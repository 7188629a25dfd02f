package dev.netpolplayground.explain;

import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Which endpoints a filter keeps: a comma-separated list of endpoint patterns, any of which may
 * match ("x/a", "x/*", "external", "ip:203.0.113.5", "app=web"; see {@link EndpointPattern}).
 * Blank keeps everything.
 */
public record Selection(List<EndpointPattern> patterns) {
    public static final Selection ALL = new Selection(List.of());
    /** Most patterns one filter may list: each endpoint is compared with every pattern. */
    public static final int MAX_PATTERNS = 100;

    public Selection {
        patterns = List.copyOf(patterns);
    }

    public static Selection parse(String text) {
        List<EndpointPattern> patterns = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    patterns.add(EndpointPattern.of(item));
                }
            }
        }
        return new Selection(patterns);
    }

    public boolean keeps(Endpoint endpoint) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> pattern.matches(endpoint));
    }
}
