package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.exercises.ExerciseMaker;
import dev.netpolplayground.exercises.ExerciseWriter;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.StoredScenario;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** "Make an exercise": from the playground's scenario to an immutable exercise at /x/{id}. */
final class MakeExerciseController {
    private static final String FIELD_TITLE = "title";
    private static final String FIELD_BRIEF = "brief";
    private static final String FIELD_LEVEL = "level";
    /** The levels of the catalog, in the order the form offers them. */
    static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
    /** The title field's own maxlength: what a browser lets a teacher type. */
    static final int MAX_TITLE = 120;
    /** The most goal cells an exercise may have: 50 endpoints on 4 probes. */
    static final long MAX_CELLS = 10_000;
    private static final String FIELD_STARTER = "starter";
    private static final String FIELD_FIXED = "fixed";
    private static final String FIELD_GOAL = "goal";
    private static final String FIELD_UNGRADED = "ungraded";

    private final Analysis analysis;
    private final ScenarioStore store;
    private final Templates templates;

    MakeExerciseController(Analysis analysis, ScenarioStore store, Templates templates) {
        this.analysis = analysis;
        this.store = store;
        this.templates = templates;
    }

    /** POST /make-exercise from the playground: the form, with the current matrix as the goal. */
    void form(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        Analysis.Result result = analysis.run(new Analysis.Request(form.text(), form.probes(), form.externals()),
                ClientWatch.of(ctx));
        if (!(result instanceof Analysis.Success)) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "errors/page.jte", new ErrorView("Fix the scenario first",
                    "The scenario has problems, so there is no matrix to use as a goal yet."));
            return;
        }
        Matrix matrix = ((Analysis.Success) result).matrix();
        if (tooLarge(ctx, matrix)) {
            return;
        }
        Set<String> allowed = new HashSet<>();
        forEachCell(matrix, (s, d, p) -> {
            if (matrix.allowed(s, d, p)) {
                allowed.add(s + ":" + d + ":" + p);
            }
        });
        Set<String> fixed = new HashSet<>();
        for (int i = matrix.scenario().policies().size(); i < ExerciseMaker.pieces(matrix.scenario()).size(); i++) {
            fixed.add(String.valueOf(i));
        }
        templates.render(ctx, "exercises/make.jte", view(form, matrix, titleLine(form.text()), "", "intermediate",
                Set.of(), fixed, allowed, Set.of(), List.of()));
    }

    /** POST /make-exercise/create: store it and go to its page. */
    void create(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        String title = valueOr(ctx.formParam(FIELD_TITLE), "").strip();
        String brief = valueOr(ctx.formParam(FIELD_BRIEF), "");
        String level = valueOr(ctx.formParam(FIELD_LEVEL), "intermediate");
        Set<String> starter = new HashSet<>(ctx.formParams(FIELD_STARTER));
        Set<String> fixed = new HashSet<>(ctx.formParams(FIELD_FIXED));
        Set<String> allowed = new HashSet<>(ctx.formParams(FIELD_GOAL));
        Set<String> ungraded = new HashSet<>(ctx.formParams(FIELD_UNGRADED));
        Analysis.Result result = analysis.run(new Analysis.Request(form.text(), form.probes(), form.externals()),
                ClientWatch.of(ctx));
        if (!(result instanceof Analysis.Success)) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "errors/page.jte", new ErrorView("Fix the scenario first",
                    "The scenario has problems, so it cannot become an exercise."));
            return;
        }
        Matrix matrix = ((Analysis.Success) result).matrix();
        if (tooLarge(ctx, matrix)) {
            return;
        }
        ExerciseMaker.Split split = ExerciseMaker.split(form.text(), ExerciseMaker.pieces(matrix.scenario()));
        List<String> problems = new ArrayList<>(split.problems());
        if (title.isEmpty()) {
            problems.add("Give the exercise a title.");
        } else if (title.length() > MAX_TITLE) {
            problems.add("Keep the title to " + MAX_TITLE + " characters; it has " + title.length() + ".");
        }
        Markdown.problem("brief", brief).ifPresent(problems::add);
        if (!LEVELS.contains(level)) {
            problems.add("Choose the level: " + String.join(", ", LEVELS) + ".");
            level = "intermediate";
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "exercises/make.jte", view(form, matrix, title, brief, level, starter, fixed, allowed,
                    ungraded,
                    problems.stream().map(p -> new ProblemView(p, 0, 0, "")).toList()));
            return;
        }
        StringBuilder starterText = new StringBuilder();
        StringBuilder cluster = new StringBuilder(split.cluster());
        for (int i = 0; i < split.policies().size(); i++) {
            if (fixed.contains(String.valueOf(i))) {
                cluster.append(cluster.length() == 0 ? "" : "---\n").append(split.policies().get(i));
            } else if (starter.contains(String.valueOf(i))) {
                starterText.append(starterText.length() == 0 ? "" : "---\n").append(split.policies().get(i));
            }
        }
        Exercise.Goal goal = ExerciseMaker.goal(matrix, allowed, ungraded);
        String id = store.save(StoredScenario.exercise(ExerciseWriter.json(new Exercise("teacher-made", title, level,
                brief, cluster.toString(), starterText.toString(), form.probes(), form.externals(), goal, List.of(), "")),
                "", ""));
        ctx.redirect(Routes.teacherCreated(id), HttpStatus.SEE_OTHER);
    }

    private interface CellVisitor {
        void visit(int from, int to, int probe);
    }

    private static void forEachCell(Matrix matrix, CellVisitor visitor) {
        for (int p = 0; p < matrix.probes().size(); p++) {
            for (int s = 0; s < matrix.endpoints().size(); s++) {
                for (int d = 0; d < matrix.endpoints().size(); d++) {
                    if (s != d && matrix.applicable(s, d)) {
                        visitor.visit(s, d, p);
                    }
                }
            }
        }
    }

    /** An exercise's goal is edited cell by cell, so its cluster must be a classroom's, not a dump. */
    private boolean tooLarge(Context ctx, Matrix matrix) {
        long cells = (long) matrix.endpoints().size() * matrix.endpoints().size() * matrix.probes().size();
        if (cells <= MAX_CELLS) {
            return false;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        templates.render(ctx, "errors/page.jte", new ErrorView("Too large for an exercise", String.format(Locale.ROOT,
                "An exercise's goal is edited cell by cell, so it may have at most %,d cells (endpoints × endpoints ×"
                + " probes); this scenario has %,d. Make the exercise from a smaller cluster, or name fewer probes.",
                MAX_CELLS, cells)));
        return true;
    }

    /** The scenario's "# title:" comment (as the examples have), to start the exercise's title from. */
    static String titleLine(String text) {
        for (String line : text.split("\n", 50)) {
            String body = line.strip();
            if (body.startsWith("#") && body.substring(1).strip().startsWith("title:")) {
                String title = body.substring(1).strip().substring("title:".length()).strip();
                return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
            }
        }
        return "";
    }

    private static MakeExerciseView view(PlaygroundForm form, Matrix matrix, String title, String brief, String level,
                                         Set<String> starter, Set<String> fixed, Set<String> allowed,
                                         Set<String> ungraded,
                                         List<ProblemView> problems) {
        List<MakeExerciseView.PolicyChoice> policies = new ArrayList<>();
        List<ExerciseMaker.Piece> pieces = ExerciseMaker.pieces(matrix.scenario());
        for (int i = 0; i < pieces.size(); i++) {
            policies.add(new MakeExerciseView.PolicyChoice(i, pieces.get(i).label(), starter.contains(String.valueOf(i)),
                    fixed.contains(String.valueOf(i))));
        }
        List<Endpoint> endpoints = matrix.endpoints();
        List<MakeExerciseView.GoalTable> tables = new ArrayList<>();
        for (int p = 0; p < matrix.probes().size(); p++) {
            List<MakeExerciseView.GoalRow> rows = new ArrayList<>();
            for (int s = 0; s < endpoints.size(); s++) {
                List<MakeExerciseView.GoalCell> cells = new ArrayList<>();
                for (int d = 0; d < endpoints.size(); d++) {
                    String value = s + ":" + d + ":" + p;
                    String label = endpoints.get(s).display() + " to " + endpoints.get(d).display() + " on "
                            + matrix.probes().get(p);
                    cells.add(s != d && matrix.applicable(s, d)
                            ? new MakeExerciseView.GoalCell(value, allowed.contains(value), ungraded.contains(value),
                            label)
                            : new MakeExerciseView.GoalCell("", false, false, ""));
                }
                rows.add(new MakeExerciseView.GoalRow(endpoints.get(s).id(), cells));
            }
            tables.add(new MakeExerciseView.GoalTable(matrix.probes().get(p).toString(),
                    endpoints.stream().map(Endpoint::id).toList(), rows));
        }
        return new MakeExerciseView(form.text(), form.probes(), form.externals(), title, brief,
                LEVELS.stream().map(l -> new MakeExerciseView.Level(l, l.equals(level))).toList(), policies, tables,
                problems);
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
