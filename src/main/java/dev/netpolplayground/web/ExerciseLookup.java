package dev.netpolplayground.web;

import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ExerciseParser;
import dev.netpolplayground.store.ScenarioIds;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.StoredScenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an exercise: a built-in one by its catalog id, a teacher-made one by its stored id, or
 * either by its reference as a class keeps it ("lock-one-app", "x/{id}").
 */
final class ExerciseLookup {
    /** The teacher-made exercises read most recently: a class works on a few at a time. */
    private static final int COMPILED_EXERCISES = 32;
    private static final String TEACHER_PREFIX = "x/";
    private static final Pattern TEACHER_LINK = Pattern.compile("(?:^|/)x/([0-9A-Za-z]{" + ScenarioIds.LENGTH + "})/?$");
    private static final Pattern BUILT_IN_LINK = Pattern.compile("(?:^|/)exercises/([a-z0-9-]+)/?$");

    private final Catalog catalog;
    private final ScenarioStore store;
    /**
     * Teacher-made exercises by id, compiled once: an id is derived from its content and never
     * reused, so a compiled exercise stays true for as long as it is remembered. Each is at most a
     * shared scenario's size (512 KiB), so 32 hold at most 16 MiB of text.
     */
    private final Map<String, Exercise> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Exercise> eldest) {
            return size() > COMPILED_EXERCISES;
        }
    };

    ExerciseLookup(Catalog catalog, ScenarioStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** An exercise, the URL its own page lives at, and whether a teacher made it. */
    record Found(Exercise exercise, String ref, String base, boolean teacherMade) {
    }

    Catalog catalog() {
        return catalog;
    }

    Optional<Found> builtIn(String id) {
        return catalog.find(id).map(e -> new Found(e, e.id(), Routes.exercise(e.id()), false));
    }

    Optional<Found> teacherMade(String id) {
        Exercise known;
        synchronized (compiled) {
            known = compiled.get(id);
        }
        Optional<Exercise> exercise = known != null ? Optional.of(known)
                : store.find(id).filter(s -> s.kind() == StoredScenario.Kind.EXERCISE)
                .map(s -> new ExerciseParser().parse(s.text()))
                .filter(r -> r instanceof ExerciseParser.Ok)
                .map(r -> ((ExerciseParser.Ok) r).exercise());
        exercise.ifPresent(e -> {
            synchronized (compiled) {
                compiled.put(id, e);
            }
        });
        return exercise.map(e -> new Found(e, TEACHER_PREFIX + id, Routes.teacherExercise(id), true));
    }

    /** The exercise a class names by {@code ref}. */
    Optional<Found> byRef(String ref) {
        return ref.startsWith(TEACHER_PREFIX) ? teacherMade(ref.substring(TEACHER_PREFIX.length())) : builtIn(ref);
    }

    /**
     * What a teacher pasted, read as a reference: a link to a teacher-made exercise (absolute or
     * not), a link to a built-in one, or a catalog id. Empty when it is none of these.
     */
    static Optional<String> ref(String typed) {
        String text = typed.strip();
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        Matcher teacher = TEACHER_LINK.matcher(text);
        if (teacher.find()) {
            return Optional.of(TEACHER_PREFIX + teacher.group(1));
        }
        Matcher builtIn = BUILT_IN_LINK.matcher(text);
        if (builtIn.find()) {
            return Optional.of(builtIn.group(1));
        }
        return text.matches("[a-z0-9-]{1,80}") ? Optional.of(text) : Optional.empty();
    }
}
