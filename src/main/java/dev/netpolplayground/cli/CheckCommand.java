package dev.netpolplayground.cli;

import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.exercises.Grade;
import dev.netpolplayground.exercises.Grader;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.parse.ExerciseParser;
import dev.netpolplayground.parse.ScenarioParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code check EXERCISE ANSWER}: grades an answer file against an exercise (a built-in id or an
 * exercise file). Exit 0 when solved, 1 when cells differ, 2 for invalid input.
 */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) {
        if (args.positional().size() != 2) {
            throw new Arguments.UsageException("check needs an EXERCISE (built-in id or file) and an ANSWER file");
        }
        String exerciseName = args.positional().get(0);
        Optional<Exercise> exercise;
        try {
            exercise = Files.exists(Path.of(exerciseName)) ? fromFile(Path.of(exerciseName), err)
                    : Catalog.load().find(exerciseName);
        } catch (IOException e) {
            err.println(exerciseName + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (exercise.isEmpty()) {
            err.println("no exercise '" + exerciseName + "' (give a file or one of: "
                    + String.join(", ", Catalog.load().all().stream().map(Exercise::id).toList()) + ")");
            return 2;
        }
        String answerFile = args.positional().get(1);
        String answer;
        try {
            answer = Files.readString(Path.of(answerFile));
        } catch (IOException e) {
            err.println(answerFile + ": cannot read: " + e.getMessage());
            return 2;
        }
        Grade grade = new Grader(new ScenarioParser()).grade(exercise.get(), answer);
        if (!grade.problems().isEmpty()) {
            grade.problems().forEach(p -> err.println(EvalCommand.located(answerFile, p, "error")));
            return 2;
        }
        grade.warnings().forEach(p -> err.println(EvalCommand.located(answerFile, p, "warning")));
        if (grade.solved()) {
            out.println("solved: all " + grade.graded() + " graded cells match the goal of '" + exercise.get().id() + "'");
            return 0;
        }
        out.println(grade.differing().size() + " of " + grade.graded() + " cells differ from the goal of '"
                + exercise.get().id() + "':");
        for (Grade.Difference d : grade.differing()) {
            out.println("  " + d.fromId() + " -> " + d.toId() + " on " + d.probeValue() + ": expected "
                    + (d.expected() ? "allowed" : "denied") + ", got " + d.actual().word());
        }
        return 1;
    }

    private static Optional<Exercise> fromFile(Path file, PrintStream err) throws IOException {
        ExerciseParser.Result result = new ExerciseParser().parse(Files.readString(file));
        if (result instanceof ExerciseParser.Failed) {
            ((ExerciseParser.Failed) result).problems().forEach(p -> err.println(EvalCommand.located(file.toString(), p,
                    "error")));
            throw new IOException("not a valid exercise");
        }
        return Optional.of(((ExerciseParser.Ok) result).exercise());
    }
}
