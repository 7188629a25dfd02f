package dev.netpolplayground.model;

import java.time.Duration;

/**
 * When a request's work must stop, as a {@link System#nanoTime()} value. Every stage that can be
 * long (reading objects, linting, evaluating) checks it as it goes; past it, the stage stops with
 * {@link Passed}, which the pipeline turns into a sentence.
 */
public record Deadline(long nanos) {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    public static Deadline in(Duration time) {
        return new Deadline(System.nanoTime() + time.toNanos());
    }

    public void check() {
        if (this != NONE && System.nanoTime() - nanos > 0) {
            throw new Passed();
        }
    }

    /** The deadline passed: the work was abandoned. */
    public static final class Passed extends RuntimeException {
        Passed() {
            super("deadline passed", null, false, false);
        }
    }
}
