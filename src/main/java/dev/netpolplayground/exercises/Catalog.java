package dev.netpolplayground.exercises;

import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ExerciseParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in exercises, read once from the classpath (exercises/index.txt gives the order). */
public final class Catalog {
    private final List<Exercise> exercises;

    private Catalog(List<Exercise> exercises) {
        this.exercises = List.copyOf(exercises);
    }

    public static Catalog load() {
        ExerciseParser parser = new ExerciseParser();
        List<Exercise> exercises = new ArrayList<>();
        for (String id : read("exercises/index.txt").split("\n")) {
            if (id.isBlank()) {
                continue;
            }
            ExerciseParser.Result result = parser.parse(read("exercises/" + id.trim() + ".yaml"));
            if (result instanceof ExerciseParser.Failed) {
                throw new IllegalStateException("built-in exercise " + id + " is invalid: "
                        + ((ExerciseParser.Failed) result).problems());
            }
            exercises.add(((ExerciseParser.Ok) result).exercise());
        }
        return new Catalog(exercises);
    }

    public List<Exercise> all() {
        return exercises;
    }

    public Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static String read(String path) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
