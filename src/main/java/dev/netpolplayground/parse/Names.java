package dev.netpolplayground.parse;

import java.util.Optional;
import java.util.regex.Pattern;

/** The API server's name and label rules, each returning the sentence it would answer with. */
final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private Names() {
    }

    static Optional<String> dnsLabel(String value) {
        if (value.length() > 63) {
            return Optional.of("must be no more than 63 characters");
        }
        if (!DNS_LABEL.matcher(value).matches()) {
            return Optional.of("must consist of lower case letters, digits and '-', and start and end with a"
                    + " letter or digit (RFC 1123 label)");
        }
        return Optional.empty();
    }

    static Optional<String> dnsSubdomain(String value) {
        if (value.length() > 253) {
            return Optional.of("must be no more than 253 characters");
        }
        if (!DNS_SUBDOMAIN.matcher(value).matches()) {
            return Optional.of("must consist of lower case letters, digits, '-' and '.', and start and end with"
                    + " a letter or digit (RFC 1123 subdomain)");
        }
        return Optional.empty();
    }

    static Optional<String> labelKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty()) {
                return Optional.of("prefix before '/' must not be empty");
            }
            Optional<String> prefixProblem = dnsSubdomain(prefix);
            if (prefixProblem.isPresent()) {
                return Optional.of("prefix '" + prefix + "' " + prefixProblem.get());
            }
        }
        if (name.isEmpty()) {
            return Optional.of("name part must not be empty");
        }
        if (name.length() > 63) {
            return Optional.of("name part must be no more than 63 characters");
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            return Optional.of("name part must consist of letters, digits, '-', '_' or '.', and start and end"
                    + " with a letter or digit");
        }
        return Optional.empty();
    }

    static Optional<String> labelValue(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 63) {
            return Optional.of("must be no more than 63 characters");
        }
        if (!QUALIFIED_NAME.matcher(value).matches()) {
            return Optional.of("must be empty or consist of letters, digits, '-', '_' or '.', and start and end"
                    + " with a letter or digit");
        }
        return Optional.empty();
    }

    /** IANA_SVC_NAME, the rule for container port names and named ports in policies. */
    static Optional<String> portName(String value) {
        if (value.length() > 15) {
            return Optional.of("must be no more than 15 characters");
        }
        if (!PORT_NAME.matcher(value).matches()) {
            return Optional.of("must contain only lower case letters, digits and '-', and start and end with a"
                    + " letter or digit");
        }
        if (value.contains("--")) {
            return Optional.of("must not contain consecutive hyphens");
        }
        if (value.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.of("must contain at least one letter");
        }
        return Optional.empty();
    }

    /** The closest of {@code known} to a misspelt {@code word}, for "did you mean" hints. */
    static Optional<String> closest(String word, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(word)) {
                return Optional.of(candidate);
            }
            int distance = distance(word.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
