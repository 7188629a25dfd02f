package dev.netpolplayground.classes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** What a student may be called in a class: a short line of printable text, and nothing else about them. */
public final class DisplayNames {
    public static final int MAX_LENGTH = 40;

    private DisplayNames() {
    }

    /** The name as kept: NFC, inner runs of spaces made one, trimmed. */
    public static String normalize(String typed) {
        return Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /** Why {@code name} (normalized) cannot be a display name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Choose a name the teacher will know you by.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("A name has at most " + MAX_LENGTH + " characters.");
        }
        if (!printable(name)) {
            return Optional.of("A name is letters, digits, spaces and punctuation: no control or invisible characters.");
        }
        return Optional.empty();
    }

    /** Whether {@code text} is one line of visible characters and spaces: no control, format or unassigned ones. */
    public static boolean printable(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    /** Two names that differ only in case are one name in a class. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
