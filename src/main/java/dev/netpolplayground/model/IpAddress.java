package dev.netpolplayground.model;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address as two 64-bit halves (IPv4 lives in the low 32 bits), so that
 * CIDR containment is a couple of shifts and compares.
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress> {
    public IpAddress {
        if (!v6 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    public static IpAddress v4(long value) {
        return new IpAddress(false, 0, value & 0xFFFF_FFFFL);
    }

    public int bits() {
        return v6 ? 128 : 32;
    }

    /** Parses dotted IPv4 or RFC 4291 IPv6 text (with "::" and an embedded IPv4 tail). */
    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text).map(IpAddress::v4);
    }

    private static Optional<Long> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !Digits.decimal(part)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    private static Optional<IpAddress> parseV6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int total = headGroups.length + tailGroups.length;
        if ((doubleColon < 0 && total != 8) || (doubleColon >= 0 && total > 7)) {
            return Optional.empty();
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | all[i];
            lo = (lo << 16) | all[i + 4];
        }
        return Optional.of(new IpAddress(true, hi, lo));
    }

    /** 16-bit groups of one side of "::"; the last group of the right side may be dotted IPv4. */
    private static int[] groups(String side, boolean mayEndInV4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean v4Tail = mayEndInV4 && parts[parts.length - 1].contains(".");
        int[] out = new int[parts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (v4Tail && i == parts.length - 1) {
                Optional<Long> v4 = parseV4(part);
                if (v4.isEmpty()) {
                    return null;
                }
                out[i] = (int) (v4.get() >>> 16);
                out[i + 1] = (int) (v4.get() & 0xFFFF);
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            for (int c = 0; c < part.length(); c++) {
                if (Digits.hex(part.charAt(c)) < 0) {
                    return null;
                }
            }
            out[i] = Integer.parseInt(part, 16);
        }
        return out;
    }

    /** Keeps the first {@code prefix} bits and clears the rest. */
    public IpAddress masked(int prefix) {
        if (!v6) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return new IpAddress(false, 0, lo & mask);
        }
        long hiMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long loMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return new IpAddress(true, hi & hiMask, lo & loMask);
    }

    @Override
    public int compareTo(IpAddress other) {
        if (v6 != other.v6) {
            return v6 ? 1 : -1;
        }
        int byHi = Long.compareUnsigned(hi, other.hi);
        return byHi != 0 ? byHi : Long.compareUnsigned(lo, other.lo);
    }

    @Override
    public String toString() {
        if (!v6) {
            return (lo >>> 24) + "." + ((lo >>> 16) & 255) + "." + ((lo >>> 8) & 255) + "." + (lo & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
            g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
