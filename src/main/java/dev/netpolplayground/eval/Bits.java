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

    static void clear(long[] bits, int index) {
        bits[index >>> 6] &= ~(1L << index);
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

    static long count(long[] bits) {
        long total = 0;
        for (long word : bits) {
            total += Long.bitCount(word);
        }
        return total;
    }

    /**
     * Transposes a square bit matrix given as rows: result[c] has bit r set when rows[r] has bit c.
     * Works on 64×64 blocks, so it costs about n²/64 word operations.
     */
    static long[][] transpose(long[][] rows, int size) {
        int words = words(size);
        long[][] result = new long[size][words];
        long[] block = new long[64];
        for (int rowBlock = 0; rowBlock < words; rowBlock++) {
            for (int colBlock = 0; colBlock < words; colBlock++) {
                int rowBase = rowBlock << 6;
                boolean any = false;
                for (int r = 0; r < 64; r++) {
                    int row = rowBase + r;
                    block[r] = row < size ? rows[row][colBlock] : 0;
                    any |= block[r] != 0;
                }
                if (!any) {
                    continue;
                }
                transpose64(block);
                int colBase = colBlock << 6;
                for (int c = 0; c < 64 && colBase + c < size; c++) {
                    result[colBase + c][rowBlock] = block[c];
                }
            }
        }
        return result;
    }

    /** In-place transpose of a 64×64 block where bit j of a[i] is element (i, j). */
    private static void transpose64(long[] a) {
        int j = 32;
        long mask = 0x0000_0000_FFFF_FFFFL;
        while (j != 0) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                long t = ((a[k] >>> j) ^ a[k | j]) & mask;
                a[k] ^= t << j;
                a[k | j] ^= t;
            }
            j >>>= 1;
            mask ^= mask << j;
        }
    }
}
