package dev.netpolplayground.web;

import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.exercises.Grade;
import dev.netpolplayground.explain.Json;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.Parsed;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Classroom exercises: the catalog, an exercise page, checking an answer, and the JSON API. */
final class ExerciseController {
    private final ExerciseLookup lookup;
    private final ExercisePages pages;
    private final Templates templates;
    /** The built-in catalog never changes, so its page is composed once. */
    private final CatalogView catalogView;

    ExerciseController(ExerciseLookup lookup, ExercisePages pages, Templates templates) {
        this.lookup = lookup;
        this.pages = pages;
        this.templates = templates;
        this.catalogView = new CatalogView(lookup.catalog().all().stream().map(e -> new CatalogView.Card(e.id(),
                Routes.exercise(e.id()), e.title(), e.level(), Markdown.summary(e.brief()))).toList());
    }

    private Optional<ExerciseLookup.Found> builtIn(Context ctx) {
        return lookup.builtIn(ctx.pathParam("id"));
    }

    private Optional<ExerciseLookup.Found> teacherMade(Context ctx) {
        return lookup.teacherMade(ctx.pathParam("id"));
    }
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
        Optional<ExerciseLookup.Found> found = teacherMade(ctx);
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

    private void page(Context ctx, Optional<ExerciseLookup.Found> found, boolean submitted) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Exercise exercise = found.get().exercise();
        PlaygroundForm form = PlaygroundForm.from(ctx);
        String answer = submitted ? form.text() : exercise.starter();
        CheckView check = submitted ? check(exercise, found.get().base(), form) : CheckView.NONE;
        templates.render(ctx, "exercises/exercise.jte", pages.page(exercise, found.get().base(),
                found.get().teacherMade() ? ExerciseView.Crumbs.TEACHER_MADE : ExerciseView.Crumbs.CATALOG, answer, check));
    }

    private void checkFragment(Context ctx, Optional<ExerciseLookup.Found> found) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        templates.render(ctx, "exercises/check.jte", check(found.get().exercise(), found.get().base(),
                PlaygroundForm.from(ctx)));
    }

    private void explainFragment(Context ctx, Optional<ExerciseLookup.Found> found) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        templates.render(ctx, "playground/explanation.jte", pages.explanation(found.get().exercise(),
                PlaygroundForm.from(ctx)));
    }

    private CheckView check(Exercise exercise, String base, PlaygroundForm form) {
        return pages.check(exercise, base, form, pages.grader().grade(exercise, form.text()), "");
    }

    private void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        templates.render(ctx, "errors/page.jte", new ErrorView("Exercise not found",
                "There is no exercise at this address. The catalog lists the built-in ones."));
    }

    void apiList(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Exercise exercise : lookup.catalog().all()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", exercise.id());
            item.put("title", exercise.title());
            item.put("level", exercise.level());
            list.add(item);
        }
        ctx.contentType("application/json").result(Json.bytes(list));
    }

    void apiCheck(Context ctx) {
        Optional<Exercise> exercise = lookup.catalog().find(ctx.pathParam("id"));
        if (exercise.isEmpty()) {
            ApiController.errors(ctx, HttpStatus.NOT_FOUND, List.of(Problem.error("no exercise '"
                    + ctx.pathParam("id") + "'", 0, 0, "")), List.of());
            return;
        }
        if (!ApiController.acceptsBody(ctx)) {
            return;
        }
        Grade grade = pages.grader().grade(exercise.get(), ctx.body());
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
