package dev.netpolplayground.web;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.exercises.Grade;
import dev.netpolplayground.exercises.Grader;
import dev.netpolplayground.exercises.Target;
import dev.netpolplayground.explain.Json;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.ExerciseParser;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.StoredScenario;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Classroom exercises: the catalog, an exercise page, checking an answer, and the JSON API. */
final class ExerciseController {
    private final Catalog catalog;
    private final Grader grader;
    private final ScenarioStore store;
    private final Templates templates;
    /** The built-in catalog never changes, so its page is composed once. */
    private final CatalogView catalogView;

    ExerciseController(Catalog catalog, Grader grader, ScenarioStore store, Templates templates) {
        this.catalog = catalog;
        this.grader = grader;
        this.store = store;
        this.templates = templates;
        this.catalogView = new CatalogView(catalog.all().stream().map(e -> new CatalogView.Card(e.id(),
                Routes.exercise(e.id()), e.title(), e.level(), Markdown.summary(e.brief()))).toList());
    }

    /** An exercise found by id, and the URL its page lives at. */
    private record Found(Exercise exercise, String base, boolean teacherMade) {
    }

    private Optional<Found> builtIn(Context ctx) {
        return catalog.find(ctx.pathParam("id")).map(e -> new Found(e, Routes.exercise(e.id()), false));
    }

    /**
     * A teacher-made exercise, read once: its id is derived from its content and never reused, so
     * the compiled exercise stays true for as long as it is remembered.
     */
    private Optional<Found> teacherMade(Context ctx) {
        String id = ctx.pathParam("id");
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
        return exercise.map(e -> new Found(e, Routes.teacherExercise(id), true));
    }

    /**
     * The teacher-made exercises read most recently, by id: a class works on a few at a time, and
     * each is at most a shared scenario's size (512 KiB), so 32 hold at most 16 MiB of text.
     */
    private final Map<String, Exercise> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Exercise> eldest) {
            return size() > COMPILED_EXERCISES;
        }
    };
    private static final int COMPILED_EXERCISES = 32;

    void catalog(Context ctx) {
        templates.render(ctx, "exercises/catalog.jte", catalogView);
    }

    void builtInPage(Context ctx) {
        page(ctx, builtIn(ctx), false);
    }

    void teacherPage(Context ctx) {
        page(ctx, teacherMade(ctx), false);
    }

    /** GET /x/{id}/created: the handout link with Copy, and a preview of what students get. */
    void teacherCreated(Context ctx) {
        Optional<Found> found = teacherMade(ctx);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Exercise exercise = found.get().exercise();
        templates.render(ctx, "exercises/created.jte", new CreatedView(found.get().base(), exercise.title(),
                exercise.level(), Markdown.html(exercise.brief())));
    }

    /** POST to the page itself: the no-JavaScript Check. */
    void builtInSubmit(Context ctx) {
        page(ctx, builtIn(ctx), true);
    }

    void teacherSubmit(Context ctx) {
        page(ctx, teacherMade(ctx), true);
    }

    void builtInCheck(Context ctx) {
        checkFragment(ctx, builtIn(ctx));
    }

    void teacherCheck(Context ctx) {
        checkFragment(ctx, teacherMade(ctx));
    }

    void builtInExplain(Context ctx) {
        explainFragment(ctx, builtIn(ctx));
    }

    void teacherExplain(Context ctx) {
        explainFragment(ctx, teacherMade(ctx));
    }

    private void page(Context ctx, Optional<Found> found, boolean submitted) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Exercise exercise = found.get().exercise();
        PlaygroundForm form = PlaygroundForm.from(ctx);
        String answer = submitted ? form.text() : exercise.starter();
        CheckView check = submitted ? check(exercise, found.get().base(), form) : CheckView.NONE;
        Grader.Goal goal = grader.goal(exercise);
        MatrixView goalView = Views.matrix(goal.cluster(), PlaygroundForm.of("", "", ""), goalCells(goal.target()));
        templates.render(ctx, "exercises/exercise.jte", new ExerciseView(exercise.id(), found.get().base(),
                exercise.title(), exercise.level(), Markdown.html(exercise.brief()), exercise.cluster(), answer,
                goalView, exercise.hints().stream().map(Markdown::html).toList(), check, found.get().teacherMade()));
    }

    private void checkFragment(Context ctx, Optional<Found> found) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        templates.render(ctx, "exercises/check.jte", check(found.get().exercise(), found.get().base(),
                PlaygroundForm.from(ctx)));
    }

    private void explainFragment(Context ctx, Optional<Found> found) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        PlaygroundForm form = PlaygroundForm.from(ctx);
        Grade grade = grader.grade(found.get().exercise(), form.text());
        ExplanationView view = grade.matrix().map(m -> Views.explanation(m, form.cell(), form.text()))
                .orElse(ExplanationView.NONE);
        templates.render(ctx, "playground/explanation.jte", view);
    }

    private CheckView check(Exercise exercise, String base, PlaygroundForm form) {
        Grade grade = grader.grade(exercise, form.text());
        if (!grade.problems().isEmpty()) {
            return new CheckView(true, false, exercise.id(), base, "Your policies have problems to fix first",
                    ProblemView.of(grade.problems()), Views.EMPTY_MATRIX, List.of(), "");
        }
        Matrix matrix = grade.matrix().orElseThrow();
        MatrixView view = Views.matrix(matrix, form, checkedCells(matrix, grade.target().orElseThrow()));
        String headline = grade.summary();
        return new CheckView(true, grade.solved(), exercise.id(), base, headline, List.of(), view,
                ProblemView.of(grade.warnings()), grade.solved() ? Markdown.html(exercise.debrief()) : "");
    }

    /** The goal shown as a matrix: expected verdicts, and "not graded" where the goal is silent. */
    static Views.Cells goalCells(Target goal) {
        return new Views.Cells() {
            public int value(int from, int to, int probe) {
                return !goal.graded(from, to, probe) ? -1 : goal.expected(from, to, probe) ? 1 : 0;
            }

            public boolean differs(int from, int to, int probe) {
                return false;
            }
        };
    }

    /** The student's verdicts, marked where the goal expects otherwise (ungraded cells show as they are). */
    private static Views.Cells checkedCells(Matrix matrix, Target goal) {
        return new Views.Cells() {
            private final Views.Cells actual = Views.actual(matrix);

            public int value(int from, int to, int probe) {
                return actual.value(from, to, probe);
            }

            public boolean differs(int from, int to, int probe) {
                return goal.graded(from, to, probe) && matrix.reach(from, to, probe)
                        != (goal.expected(from, to, probe) ? Reach.ALLOWED : Reach.DENIED);
            }
        };
    }

    private void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        templates.render(ctx, "errors/page.jte", new ErrorView("Exercise not found",
                "There is no exercise at this address. The catalog lists the built-in ones."));
    }

    void apiList(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Exercise exercise : catalog.all()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", exercise.id());
            item.put("title", exercise.title());
            item.put("level", exercise.level());
            list.add(item);
        }
        ctx.contentType("application/json").result(Json.bytes(list));
    }

    void apiCheck(Context ctx) {
        Optional<Exercise> exercise = catalog.find(ctx.pathParam("id"));
        if (exercise.isEmpty()) {
            ApiController.errors(ctx, HttpStatus.NOT_FOUND, List.of(Problem.error("no exercise '"
                    + ctx.pathParam("id") + "'", 0, 0, "")), List.of());
            return;
        }
        if (!ApiController.acceptsBody(ctx)) {
            return;
        }
        Grade grade = grader.grade(exercise.get(), ctx.body());
        if (!grade.problems().isEmpty()) {
            ApiController.errors(ctx, ApiController.status(grade.refusal().orElse(Parsed.Refusal.INVALID)),
                    grade.problems(), List.of());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("solved", grade.solved());
        body.put("graded", grade.graded());
        List<Map<String, Object>> differing = new ArrayList<>();
        for (Grade.Difference d : grade.differing()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("from", d.fromId());
            cell.put("to", d.toId());
            cell.put("port", d.probeValue().port());
            cell.put("protocol", d.probeValue().protocol().name());
            cell.put("expected", d.expected());
            cell.put("actual", d.actual() == Reach.ALLOWED);
            if (d.actual() == Reach.UNDEFINED) {
                cell.put("undefined", true);
            }
            differing.add(cell);
        }
        body.put("differing", differing);
        body.put("problems", List.of());
        body.put("warnings", MatrixReport.problems(grade.warnings()));
        ctx.contentType("application/json").result(Json.bytes(body));
    }
}
