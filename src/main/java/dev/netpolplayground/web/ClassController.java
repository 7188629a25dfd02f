package dev.netpolplayground.web;

import dev.netpolplayground.classes.Attempt;
import dev.netpolplayground.classes.ClassRoom;
import dev.netpolplayground.classes.DisplayNames;
import dev.netpolplayground.classes.Insight;
import dev.netpolplayground.classes.Progress;
import dev.netpolplayground.classes.ResultsCsv;
import dev.netpolplayground.classes.Secrets;
import dev.netpolplayground.classes.Student;
import dev.netpolplayground.exercises.Grade;
import dev.netpolplayground.model.Exercise;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.store.ClassStore;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Classes: a teacher makes one from exercises, students join it under a display name and every
 * Check they make is recorded; the teacher's capability link shows progress, answers and results.
 * Nothing about a class is kept in this server's memory, so any replica serves any request.
 */
final class ClassController {
    /** A class records answers up to this size: policies for a classroom cluster are a few KiB. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    static final String COOKIE = "netpol-student";
    private static final long COOKIE_SECONDS = 180L * 24 * 3600;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ClassStore store;
    private final ExerciseLookup lookup;
    private final ExercisePages pages;
    private final Templates templates;
    private final Clock clock;
    private final Function<Context, String> client;
    /** Joins per client address: a whole class behind one school NAT joins within a minute. */
    private final RateLimiter joins;
    /** Unknown codes and wrong teacher tokens per client address: what guessing would need many of. */
    private final RateLimiter misses;
    /** Checks per student. */
    private final RateLimiter checks;
    private static final int CHECKS_PER_MINUTE = 30;

    ClassController(ClassStore store, ExerciseLookup lookup, ExercisePages pages, Templates templates, Clock clock,
                    Function<Context, String> client) {
        this.store = store;
        this.lookup = lookup;
        this.pages = pages;
        this.templates = templates;
        this.clock = clock;
        this.client = client;
        this.joins = new RateLimiter(120, 60_000, clock);
        this.misses = new RateLimiter(30, 60_000, clock);
        this.checks = new RateLimiter(CHECKS_PER_MINUTE, 60_000, clock);
    }

    // ---- the teacher makes a class

    /** GET /classes/new, with {@code ?exercise=…} ticked (a catalog id) or listed (a teacher-made link) in advance. */
    void newForm(Context ctx) {
        Set<String> ticked = new LinkedHashSet<>();
        StringBuilder links = new StringBuilder();
        for (String typed : ctx.queryParams("exercise")) {
            Optional<String> ref = ExerciseLookup.ref(typed);
            if (ref.isPresent() && ref.get().startsWith("x/")) {
                links.append(Routes.teacherExercise(ref.get().substring(2))).append('\n');
            } else {
                ref.ifPresent(ticked::add);
            }
        }
        templates.render(ctx, "classes/new.jte", newClassView("", "", links.toString(), ticked, List.of()));
    }

    /** POST /classes: the class, or the form again with what to fix. */
    void create(Context ctx) {
        String title = DisplayNames.normalize(ctx.formParam("title"));
        String ends = Optional.ofNullable(ctx.formParam("ends")).orElse("").strip();
        String links = Optional.ofNullable(ctx.formParam("links")).orElse("");
        Set<String> ticked = new LinkedHashSet<>(ctx.formParams("exercise"));
        List<String> problems = new ArrayList<>();
        if (title.isEmpty()) {
            problems.add("Give the class a title: students see it when they join.");
        } else if (title.codePointCount(0, title.length()) > ClassRoom.MAX_TITLE || !DisplayNames.printable(title)) {
            problems.add("A title is one line of at most " + ClassRoom.MAX_TITLE + " printable characters.");
        }
        Optional<Instant> endsAt = Optional.empty();
        if (!ends.isEmpty()) {
            try {
                int offset = Integer.parseInt(Optional.ofNullable(ctx.formParam("offset")).orElse("0").strip());
                endsAt = Optional.of(LocalDateTime.parse(ends).toInstant(ZoneOffset.ofTotalSeconds(-offset * 60)));
                if (!endsAt.get().isAfter(clock.instant())) {
                    problems.add("The end is in the past; leave it empty for a class without an end.");
                }
            } catch (DateTimeException | NumberFormatException e) {
                problems.add("The end is a date and time such as 2026-12-24T16:00.");
            }
        }
        long named = ticked.size() + links.lines().filter(line -> !line.isBlank()).count();
        if (named > ClassRoom.MAX_EXERCISES) {
            problems.add("A class has at most " + ClassRoom.MAX_EXERCISES + " exercises; " + named + " were named.");
            ctx.status(HttpStatus.BAD_REQUEST);
            templates.render(ctx, "classes/new.jte", newClassView(clip(title), ends, links, Set.of(), problems));
            return;
        }
        List<String> refs = new ArrayList<>();
        for (String id : ticked) {
            if (lookup.builtIn(id).isPresent()) {
                refs.add(id);
            } else {
                problems.add("There is no exercise '" + shorten(id) + "' in the catalog.");
            }
        }
        for (String line : links.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<String> ref = ExerciseLookup.ref(line).filter(r -> lookup.byRef(r).isPresent());
            if (ref.isEmpty()) {
                problems.add("'" + shorten(line.strip()) + "' is no exercise here: paste the link of an exercise"
                        + " made with Make exercise (…/x/…), one per line.");
            } else if (!refs.contains(ref.get())) {
                refs.add(ref.get());
            }
        }
        if (ticked.isEmpty() && links.isBlank()) {
            problems.add("Choose at least one exercise.");
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            templates.render(ctx, "classes/new.jte", newClassView(clip(title), ends, links, ticked, problems));
            return;
        }
        ClassStore.Created created = store.create(title, refs, endsAt);
        String code = created.room().code();
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "classes/created.jte", new ClassCreatedView(title, code, Routes.classroom(code),
                Routes.classTeacher(code, created.teacherToken())));
    }

    private NewClassView newClassView(String title, String ends, String links, Set<String> ticked,
                                      List<String> problems) {
        return new NewClassView(title, ends, links, lookup.catalog().all().stream().map(e -> new NewClassView.Choice(
                e.id(), e.title(), e.level(), Markdown.summary(e.brief()), ticked.contains(e.id()))).toList(), problems);
    }

    // ---- students

    /** GET /c/{code}: the join form, or the student's own page once joined. */
    void home(Context ctx) {
        String typed = ctx.pathParam("code");
        ClassRoom room = room(ctx);
        if (!room.code().equals(typed)) {
            ctx.redirect(Routes.classroom(room.code()), HttpStatus.FOUND);
            return;
        }
        Optional<Student> student = student(ctx, room);
        if (student.isEmpty()) {
            templates.render(ctx, "classes/join.jte", joinView(room, "", ""));
            return;
        }
        Map<Integer, Progress> mine = new HashMap<>();
        store.progress(room.code(), student.get().id()).forEach(p -> mine.put(p.exercise(), p));
        List<StudentHomeView.Item> items = new ArrayList<>();
        for (int number = 1; number <= room.exercises().size(); number++) {
            Optional<ExerciseLookup.Found> found = lookup.byRef(room.exercises().get(number - 1));
            Progress p = mine.get(number);
            items.add(new StudentHomeView.Item(number, found.map(f -> f.exercise().title()).orElse("(gone)"),
                    found.map(f -> f.exercise().level()).orElse(""), Routes.classExercise(room.code(), number),
                    p != null && p.solved(), p == null ? 0 : p.attempts()));
        }
        templates.render(ctx, "classes/student.jte", new StudentHomeView(room.title(), student.get().name(),
                room.open(clock.instant()), status(room), items));
    }

    /** POST /c/{code}/join: a display name, and the cookie that makes this browser that student. */
    void join(Context ctx) {
        ClassRoom room = room(ctx);
        String name = DisplayNames.normalize(ctx.formParam("name"));
        if (!room.open(clock.instant())) {
            ctx.status(HttpStatus.CONFLICT);
            templates.render(ctx, "classes/join.jte", joinView(room, name, ""));
            return;
        }
        long wait = joins.retryAfterSeconds(client.apply(ctx));
        if (wait > 0) {
            throw new WebApp.TooManyRequests(wait, "Too many joins", "Too many students joined from your address in"
                    + " the last minute; try again in " + wait + " s.");
        }
        Optional<String> problem = DisplayNames.problem(name);
        if (problem.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            templates.render(ctx, "classes/join.jte", joinView(room, name, problem.get()));
            return;
        }
        ClassStore.Joined joined;
        try {
            joined = store.join(room.code(), name);
        } catch (ClassStore.JoinRefused refused) {
            ctx.status(HttpStatus.CONFLICT);
            templates.render(ctx, "classes/join.jte", joinView(room, name,
                    refused.reason() == ClassStore.JoinRefusal.NAME_TAKEN
                            ? "Someone in this class already goes by '" + name + "'; choose another name."
                            : "This class is full: it has " + ClassStore.MAX_STUDENTS + " students."));
            return;
        }
        ctx.header("Set-Cookie", COOKIE + "=" + joined.student().id() + "." + joined.token() + "; Path="
                + Routes.classroom(room.code()) + "; Max-Age=" + COOKIE_SECONDS + "; HttpOnly; SameSite=Lax"
                + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
        ctx.redirect(Routes.classroom(room.code()), HttpStatus.SEE_OTHER);
    }

    private JoinView joinView(ClassRoom room, String name, String problem) {
        return new JoinView(room.code(), room.title(), room.exercises().size(), clip(name), problem,
                room.open(clock.instant()));
    }

    /** What was typed, as echoed back into a field: never more than a few times what the field may hold. */
    private static String clip(String typed) {
        return typed.length() <= 4 * ClassRoom.MAX_TITLE ? typed : typed.substring(0, 4 * ClassRoom.MAX_TITLE);
    }

    /** A student at work on exercise {n} of their class. */
    private record Seat(ClassRoom room, Student student, int number, ExerciseLookup.Found found) {
        String base() {
            return Routes.classExercise(room.code(), number);
        }
    }

    private Optional<Seat> seat(Context ctx) {
        ClassRoom room = room(ctx);
        Optional<Student> student = student(ctx, room);
        if (student.isEmpty()) {
            ctx.redirect(Routes.classroom(room.code()), HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        int number = number(ctx);
        ExerciseLookup.Found found = room.exercise(number).flatMap(lookup::byRef).orElseThrow(() -> new WebApp.PageError(
                HttpStatus.NOT_FOUND, "Exercise not found", "This class has exercises 1 to "
                + room.exercises().size() + "."));
        return Optional.of(new Seat(room, student.get(), number, found));
    }

    void exercisePage(Context ctx) {
        seat(ctx).ifPresent(seat -> {
            String answer = store.latest(seat.room().code(), seat.student().id(), seat.number())
                    .map(Attempt::answer).orElse(seat.found().exercise().starter());
            templates.render(ctx, "exercises/exercise.jte", pages.page(seat.found().exercise(), seat.base(),
                    crumbs(seat), answer, CheckView.NONE));
        });
    }

    /** POST to the exercise page itself: the no-JavaScript Check, recorded as any other. */
    void submit(Context ctx) {
        seat(ctx).ifPresent(seat -> {
            PlaygroundForm form = PlaygroundForm.from(ctx);
            templates.render(ctx, "exercises/exercise.jte", pages.page(seat.found().exercise(), seat.base(),
                    crumbs(seat), form.text(), checkAndRecord(seat, form)));
        });
    }

    void check(Context ctx) {
        seat(ctx).ifPresent(seat -> templates.render(ctx, "exercises/check.jte",
                checkAndRecord(seat, PlaygroundForm.from(ctx))));
    }

    void explain(Context ctx) {
        seat(ctx).ifPresent(seat -> templates.render(ctx, "playground/explanation.jte",
                pages.explanation(seat.found().exercise(), PlaygroundForm.from(ctx))));
    }

    private ExerciseView.Crumbs crumbs(Seat seat) {
        return new ExerciseView.Crumbs(seat.room().title() + " · exercise " + seat.number() + " of "
                + seat.room().exercises().size(), Routes.classroom(seat.room().code()));
    }

    /**
     * Grades the answer and, while the class is open, records the Check before answering: a Check
     * the student saw acknowledged is committed.
     */
    private CheckView checkAndRecord(Seat seat, PlaygroundForm form) {
        long wait = checks.retryAfterSeconds("student " + seat.student().id());
        if (wait > 0) {
            throw new WebApp.TooManyRequests(wait, "Too many Checks", "You pressed Check " + CHECKS_PER_MINUTE
                    + " times in a minute; try again in " + wait + " s.");
        }
        Exercise exercise = seat.found().exercise();
        int bytes = form.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ANSWER_BYTES) {
            return new CheckView(true, false, exercise.id(), seat.base(), "Too long to record", ProblemView.of(List.of(
                    Problem.error("Your answer is " + bytes / 1024 + " KiB; a class records answers up to "
                            + MAX_ANSWER_BYTES / 1024 + " KiB. The policies for this exercise fit in far less.", 0, 0,
                            ""))), Views.EMPTY_MATRIX, List.of(), "", "This Check was not recorded.");
        }
        Grade grade = pages.grader().grade(exercise, form.text());
        Instant now = clock.instant();
        String note;
        if (seat.room().open(now)) {
            List<Attempt.Cell> cells = grade.differing().stream().map(d -> new Attempt.Cell(d.fromId(), d.toId(),
                    d.probeValue().toString(), d.expected())).toList();
            store.record(seat.room().code(), new Attempt(seat.student().id(), seat.number(), grade.solved(),
                    grade.problems().isEmpty() ? grade.differingPairs() : -1, cells, form.text(), now));
            note = "Recorded at " + TIME.format(now) + ": your teacher sees this Check.";
        } else {
            note = "This class is closed, so this Check was graded but not recorded.";
        }
        return pages.check(exercise, seat.base(), form, grade, note);
    }

    // ---- the teacher's side

    void teacher(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        String base = Routes.classTeacher(room.code(), ctx.pathParam("token"));
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "classes/teacher.jte", new TeacherView(room.title(), room.code(),
                Routes.classroom(room.code()), base, room.open(clock.instant()), status(room), progress(room, base)));
    }

    void progressFragment(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "classes/progress.jte", progress(room, Routes.classTeacher(room.code(),
                ctx.pathParam("token"))));
    }

    private ProgressView progress(ClassRoom room, String base) {
        List<String> titles = titles(room);
        Map<String, Progress> byCell = new HashMap<>();
        for (Progress p : store.progress(room.code())) {
            byCell.put(p.studentId() + "\n" + p.exercise(), p);
        }
        List<ProgressView.Row> rows = new ArrayList<>();
        for (Student student : store.students(room.code())) {
            List<ProgressView.Cell> cells = new ArrayList<>();
            for (int number = 1; number <= titles.size(); number++) {
                Progress p = byCell.get(student.id() + "\n" + number);
                String url = base + "/s/" + student.id() + "/" + number;
                if (p == null) {
                    cells.add(new ProgressView.Cell("none", "·", "no Check yet", ""));
                } else {
                    String last = plural(p.attempts(), "Check") + ", the latest at " + TIME.format(p.lastAt());
                    cells.add(p.solved() ? new ProgressView.Cell("solved", "✓ " + p.attempts(), "solved; " + last, url)
                            : new ProgressView.Cell("trying", "✗ " + p.attempts(), (p.lastDifferingPairs() < 0
                            ? "the latest has problems" : "the latest differs in " + plural(p.lastDifferingPairs(), "pair"))
                            + "; " + last, url));
                }
            }
            rows.add(new ProgressView.Row(student.name(), cells));
        }
        List<ProgressView.InsightView> insights = new ArrayList<>();
        for (Insight insight : Insight.of(titles.size(), store.latest(room.code()))) {
            insights.add(new ProgressView.InsightView(insight.exercise(), titles.get(insight.exercise() - 1),
                    insight.working(), insight.solved(), insight.mostMissed().stream().map(m -> new ProgressView.Missed(
                    m.from() + " → " + m.to(), String.join(", ", m.probes()),
                    m.expected() ? "allowed" : "denied", m.students())).toList(),
                    insight.commonWrong().map(Insight.CommonAnswer::answer).orElse(""),
                    insight.commonWrong().map(Insight.CommonAnswer::students).orElse(0),
                    insight.commonWrong().map(c -> c.differingPairs() < 0 ? "has problems"
                            : "differs in " + plural(c.differingPairs(), "pair")).orElse("")));
        }
        return new ProgressView(base + "/progress", titles, rows, insights);
    }

    /** GET …/s/{student}/{n}: one student's latest answer, graded again, with its matrix. */
    void answer(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        String base = Routes.classTeacher(room.code(), ctx.pathParam("token"));
        int number = number(ctx);
        String studentId = ctx.pathParam("student");
        Optional<Student> student = store.students(room.code()).stream().filter(s -> s.id().equals(studentId)).findFirst();
        Optional<Attempt> attempt = student.flatMap(s -> store.latest(room.code(), s.id(), number));
        ExerciseLookup.Found found = room.exercise(number).flatMap(lookup::byRef).orElse(null);
        if (attempt.isEmpty() || found == null) {
            throw new WebApp.PageError(HttpStatus.NOT_FOUND, "No answer", "This student has made no Check on this"
                    + " exercise.");
        }
        PlaygroundForm form = PlaygroundForm.of(attempt.get().answer(), "", "");
        CheckView check = pages.check(found.exercise(), base + "/e/" + number, form,
                pages.grader().grade(found.exercise(), form.text()), "");
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "classes/answer.jte", new AnswerView(room.title(), base, student.get().name(), number,
                found.exercise().title(), TIME.format(attempt.get().at()), attempt.get().answer(), check));
    }

    void answerExplain(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        ExerciseLookup.Found found = room.exercise(number(ctx)).flatMap(lookup::byRef).orElseThrow(() ->
                new WebApp.PageError(HttpStatus.NOT_FOUND, "Exercise not found", "This class has no such exercise."));
        templates.render(ctx, "playground/explanation.jte", pages.explanation(found.exercise(), PlaygroundForm.from(ctx)));
    }

    void results(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"class-" + room.code() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(ResultsCsv.of(titles(room), store.students(room.code()),
                store.progress(room.code())));
    }

    void close(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        store.close(room.code());
        ctx.redirect(Routes.classTeacher(room.code(), ctx.pathParam("token")), HttpStatus.SEE_OTHER);
    }

    void delete(Context ctx) {
        ClassRoom room = teacherRoom(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw new WebApp.PageError(HttpStatus.BAD_REQUEST, "Not deleted", "Tick the box that says the answers"
                    + " go with the class, then press Delete again.");
        }
        store.delete(room.code());
        templates.render(ctx, "errors/page.jte", new ErrorView("Class deleted", "The class '" + room.title()
                + "' is deleted, with its students and every answer. Its links lead nowhere now."));
    }

    // ---- finding things

    /** The class the path names, or 404 (429 for a client that keeps naming classes that do not exist). */
    private ClassRoom room(Context ctx) {
        return Secrets.canonicalCode(ctx.pathParam("code")).flatMap(store::find).orElseThrow(() -> miss(ctx));
    }

    private ClassRoom teacherRoom(Context ctx) {
        return Secrets.canonicalCode(ctx.pathParam("code")).flatMap(code -> store.findForTeacher(code,
                ctx.pathParam("token"))).orElseThrow(() -> miss(ctx));
    }

    private RuntimeException miss(Context ctx) {
        long wait = misses.retryAfterSeconds(client.apply(ctx));
        if (wait > 0) {
            return new WebApp.TooManyRequests(wait, "Too many wrong addresses", "Too many addresses of classes that"
                    + " do not exist came from your address; try again in " + wait + " s.");
        }
        return new WebApp.PageError(HttpStatus.NOT_FOUND, "No class here", "There is no class at this address."
                + " Check the code with your teacher: it looks like k7m-q2x-9hp.");
    }

    private Optional<Student> student(Context ctx, ClassRoom room) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        return dot < 0 ? Optional.empty()
                : store.student(room.code(), cookie.substring(0, dot), cookie.substring(dot + 1));
    }

    private static int number(Context ctx) {
        String n = ctx.pathParam("n");
        if (!n.matches("[1-9][0-9]?")) {
            throw new WebApp.PageError(HttpStatus.NOT_FOUND, "Exercise not found", "Exercises in a class are"
                    + " numbered from 1.");
        }
        return Integer.parseInt(n);
    }

    private List<String> titles(ClassRoom room) {
        return room.exercises().stream().map(ref -> lookup.byRef(ref).map(f -> f.exercise().title()).orElse(ref))
                .toList();
    }

    private String status(ClassRoom room) {
        if (room.closed()) {
            return "Closed: Checks are no longer recorded.";
        }
        return room.endsAt().map(end -> room.open(clock.instant()) ? "Open until " + TIME.format(end) + "."
                : "Ended at " + TIME.format(end) + ": Checks are no longer recorded.").orElse("Open.");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
