package dev.netpolplayground.classes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A teacher's class: a title, the exercises in the order students get them, and until when it takes
 * Checks. An exercise is named by its reference: a catalog id ("lock-one-app") or a teacher-made
 * exercise ("x/{id}").
 */
public record ClassRoom(String code, String title, List<String> exercises, Optional<Instant> endsAt, boolean closed,
                        Instant createdAt) {
    public static final int MAX_EXERCISES = 30;
    public static final int MAX_TITLE = 120;

    public ClassRoom {
        exercises = List.copyOf(exercises);
        if (exercises.isEmpty() || exercises.size() > MAX_EXERCISES) {
            throw new IllegalArgumentException("a class has 1 to " + MAX_EXERCISES + " exercises, not "
                    + exercises.size());
        }
    }

    /** Whether it takes joins and records Checks at {@code now}: not closed by the teacher, not past its end. */
    public boolean open(Instant now) {
        return !closed && endsAt.map(now::isBefore).orElse(true);
    }

    /** Exercise {@code number}, counted from 1 as the pages show it. */
    public Optional<String> exercise(int number) {
        return number < 1 || number > exercises.size() ? Optional.empty() : Optional.of(exercises.get(number - 1));
    }
}
