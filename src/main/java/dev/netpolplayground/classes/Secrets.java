package dev.netpolplayground.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The unguessable parts of a class: its code (what students type from the board) and the tokens
 * of its teacher and students (what their links and cookies carry). Only SHA-256 digests of the
 * tokens are stored, and a token is checked by comparing digests in constant time.
 */
public final class Secrets {
    /** Without 0/o, 1/l/i: a code read aloud or from a board is typed right. */
    private static final String CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** Nine characters of 31: about 44.6 bits, in three groups of three ("k7m-q2x-9hp"). */
    private static final int CODE_LENGTH = 9;
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + 2);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 3 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A student's id: twelve characters, unique in practice, shown to the teacher (not a secret). */
    public String newStudentId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return id.toString();
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The canonical form of a code as typed: lower case, the dashes where they belong; empty when
     * it cannot be a code (so that nothing else is looked up).
     */
    public static Optional<String> canonicalCode(String typed) {
        if (typed == null || typed.length() > 20) {
            return Optional.empty();
        }
        StringBuilder bare = new StringBuilder();
        for (char c : typed.toCharArray()) {
            char lower = Character.toLowerCase(c);
            if (c == '-' || c == ' ') {
                continue;
            }
            if (lower >= 128 || CODE_ALPHABET.indexOf(lower) < 0) {
                return Optional.empty();
            }
            bare.append(lower);
        }
        if (bare.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(bare.substring(0, 3) + "-" + bare.substring(3, 6) + "-" + bare.substring(6));
    }

    public static boolean isWellFormedToken(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }

    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code token} is the one whose digest is {@code stored}, in time independent of where they differ. */
    public static boolean matches(String token, byte[] stored) {
        return isWellFormedToken(token) && MessageDigest.isEqual(digest(token), stored);
    }
}
