package dev.netpolplayground.eval;

/** Fixed-size bit rows as long[] words: the matrix's storage and the engine's set algebra. */
final class Bits {
    private Bits() {
    }

    static long[] empty(int size) {
        return new long[words(size)];
    }

    static long[] full(int size) {
        long[] bits = new long[words(size)];
        java.util.Arrays.fill(bits, -1L);
        int tail = size & 63;
        if (tail != 0) {
            bits[bits.length - 1] = (1L << tail) - 1;
        }
        return bits;
    }

    static int words(int size) {
        return (size + 63) >>> 6;
    }

    static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }

    static void orInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= source[i];
        }
    }

    /** target |= a & b */
    static void orAndInto(long[] target, long[] a, long[] b) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= a[i] & b[i];
        }
    }

    /** target &= source */
    static void andInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= source[i];
        }
    }

    /** target &= ~source */
    static void andNotInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= ~source[i];
        }
    }

    /** target |= a & ~b */
    static void orAndNotInto(long[] target, long[] a, long[] b) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= a[i] & ~b[i];
        }
    }

    static boolean isEmpty(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
