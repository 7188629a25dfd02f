package dev.netpolplayground.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a user shared, exactly as typed: the scenario text and the optional probes and externals
 * fields (empty when absent). Two values are equal exactly when they get the same id.
 */
public record StoredScenario(Kind kind, String text, String probes, String externals) {

    /** What the text is: a scenario someone shared, or an exercise a teacher made. */
    public enum Kind {
        SCENARIO("scenario"),
        EXERCISE("exercise");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The value stored in the {@code kind} column and hashed into the id. */
        public String code() {
            return code;
        }

        static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind: " + code);
        }
    }

    public StoredScenario {
        Objects.requireNonNull(kind, "kind");
        requireUnicode(text, "text");
        requireUnicode(probes, "probes");
        requireUnicode(externals, "externals");
    }

    public static StoredScenario scenario(String text, String probes, String externals) {
        return new StoredScenario(Kind.SCENARIO, text, probes, externals);
    }

    public static StoredScenario exercise(String text, String probes, String externals) {
        return new StoredScenario(Kind.EXERCISE, text, probes, externals);
    }

    /** Bytes that text, probes and externals take in UTF-8, the measure the size limit applies to. */
    public long sizeBytes() {
        return utf8(text).length + (long) utf8(probes).length + utf8(externals).length;
    }

    /** An unpaired surrogate has no UTF-8 form, so it could neither be stored nor hashed exactly. */
    private static void requireUnicode(String value, String field) {
        Objects.requireNonNull(value, field);
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new NotUnicodeException(field);
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static String fromUtf8(byte[] bytes) {
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
    }
}
