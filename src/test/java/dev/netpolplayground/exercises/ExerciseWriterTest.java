package dev.netpolplayground.exercises;

import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ExerciseParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExerciseWriterTest {
    @Test
    void every_built_in_exercise_reads_back_as_it_was_written() {
        for (Exercise exercise : Catalog.load().all()) {
            ExerciseParser.Result read = new ExerciseParser().parse(ExerciseWriter.json(exercise));
            assertEquals(exercise, assertInstanceOf(ExerciseParser.Ok.class, read, exercise.id() + ": " + read).exercise(),
                    exercise.id());
        }
    }
}
