package dev.netpolplayground.model;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * When a request's work must stop: at a {@link System#nanoTime()} value, or as soon as nobody
 * waits for it any more. Every stage that can be long (reading objects, linting, evaluating)
 * checks it as it goes; past it, the stage stops with {@link Passed}, which the pipeline turns
 * into a sentence.
 *
 * @param nanos       the time the work must be done by
 * @param watchAfter  from this time on, {@code abandoned} is asked too (it may cost the connection
 *                    its keep-alive, so short work never asks)
 * @param abandoned   whether the one who asked for the work has gone away
 */
public record Deadline(long nanos, long watchAfter, BooleanSupplier abandoned) {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Long.MAX_VALUE, () -> false);

    /** {@code time} from now, whoever waits for the work. */
    public static Deadline in(Duration time) {
        return new Deadline(System.nanoTime() + time.toNanos(), Long.MAX_VALUE, () -> false);
    }

    /** This deadline, and after {@code grace} from now, also the moment {@code abandoned} says the client is gone. */
    public Deadline orWhenAbandoned(Duration grace, BooleanSupplier gone) {
        return new Deadline(nanos, System.nanoTime() + grace.toNanos(), gone);
    }

    public void check() {
        if (this == NONE) {
            return;
        }
        long now = System.nanoTime();
        if (now - nanos > 0 || now - watchAfter > 0 && abandoned.getAsBoolean()) {
            throw new Passed();
        }
    }

    /** The deadline passed, or the client went away: the work was abandoned. */
    public static final class Passed extends RuntimeException {
        Passed() {
            super("deadline passed", null, false, false);
        }
    }
}
