package dev.netpolplayground.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitsTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 63, 64, 65, 130, 200})
    void transpose_swaps_rows_and_columns(int size) {
        Random random = new Random(size);
        long[][] rows = new long[size][];
        for (int r = 0; r < size; r++) {
            rows[r] = Bits.empty(size);
            for (int c = 0; c < size; c++) {
                if (random.nextInt(3) == 0) {
                    Bits.set(rows[r], c);
                }
            }
        }
        long[][] columns = Bits.transpose(rows, size);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                assertEquals(Bits.get(rows[r], c), Bits.get(columns[c], r), "cell " + r + "," + c);
            }
        }
    }
}
