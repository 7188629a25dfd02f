package dev.netpolplayground.model;

/**
 * ASCII digits only. {@link Character#isDigit} and {@link Integer#parseInt} also read other
 * scripts' digits ("８０" as 80), which no Kubernetes field or option accepts.
 */
public final class Digits {
    private Digits() {
    }

    /** True for a non-empty string of the digits 0-9 only. */
    public static boolean decimal(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of an ASCII hexadecimal digit, or -1. */
    public static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
