package dev.netpolplayground.classes;

import java.time.Instant;

/** One who joined a class under a display name; {@code id} is public to the teacher, not a secret. */
public record Student(String id, String name, Instant joinedAt) {
}
