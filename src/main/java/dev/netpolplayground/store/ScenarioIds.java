package dev.netpolplayground.store;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Content-derived ids of shared scenarios: 16 base62 characters ({@code [0-9A-Za-z]}, about 95
 * bits), safe in URLs and selected whole by a double click.
 *
 * <p>The derivation is part of the stored data and must never change: SHA-256 over kind code,
 * text, probes and externals, each written as its UTF-8 length (4 bytes, big-endian) followed by
 * its UTF-8 bytes; the 256-bit digest, read as an unsigned number, is reduced modulo 62^16 and
 * written in base62, most significant digit first, left-padded with '0'.
 */
public final class ScenarioIds {
    public static final int LENGTH = 16;

    private static final String ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
    private static final BigInteger MODULUS = BASE.pow(LENGTH);
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    private ScenarioIds() {
    }

    public static String of(StoredScenario scenario) {
        MessageDigest sha256 = sha256();
        for (String field : new String[] {
                scenario.kind().code(), scenario.text(), scenario.probes(), scenario.externals()}) {
            byte[] bytes = StoredScenario.utf8(field);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        BigInteger number = new BigInteger(1, sha256.digest()).mod(MODULUS);
        char[] digits = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            BigInteger[] quotientAndRemainder = number.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(quotientAndRemainder[1].intValue());
            number = quotientAndRemainder[0];
        }
        return new String(digits);
    }

    /** Whether {@code id} has the shape of an id; says nothing about whether it is stored. */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
