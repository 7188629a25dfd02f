package dev.netpolplayground.classes;

import java.time.Instant;

/**
 * Where one student stands on one exercise (counted from 1): how many Checks, whether any solved
 * it, and the latest Check's time and differing pairs (-1 when it had problems).
 */
public record Progress(String studentId, int exercise, int attempts, boolean solved, Instant lastAt,
                       int lastDifferingPairs) {
}
