package dev.netpolplayground.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value" options and positional arguments; {@code --explain} takes two values, {@code --trust-proxy} none. */
record Arguments(Map<String, List<String>> options, List<String> positional) {
    private static final Set<String> TWO_VALUES = Set.of("--explain");
    private static final Set<String> NO_VALUE = Set.of("--trust-proxy");

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static Arguments parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int count = TWO_VALUES.contains(arg) ? 2 : NO_VALUE.contains(arg) ? 0 : 1;
                if (i + count >= args.length) {
                    throw new UsageException("option " + arg + " needs " + (count == 2 ? "two values" : "a value"));
                }
                options.put(arg, List.of(args).subList(i + 1, i + 1 + count));
                i += count;
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(options, positional);
    }

    String option(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(0);
    }

    int intOption(String name, int fallback) {
        String value = option(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, not '" + value + "'");
        }
    }
}
