package dev.netpolplayground.web;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.classes.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes against the real app: making one, joining, recorded Checks, the teacher's view and who may see what. */
class ClassRoutesTest {
    private static final String EXERCISE = "lock-one-app";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClassVisitor visitor() {
        return new ClassVisitor(server.url(""));
    }

    private static String solution() {
        return Scenarios.resource("exercises/" + EXERCISE + "/solution.yaml");
    }

    private static String wrong() {
        return Scenarios.resource("exercises/" + EXERCISE + "/wrong.yaml");
    }

    private static ClassVisitor student(ClassVisitor.Links links, String name) {
        ClassVisitor student = visitor();
        HttpResponse<String> joined = student.join(links.code(), name);
        assertEquals(303, joined.statusCode(), joined.body());
        return student;
    }

    private static String progress(ClassVisitor.Links links) {
        return visitor().get(links.teacher() + "/progress").body();
    }

    @Test
    void a_new_class_shows_its_student_link_and_its_teacher_link_once() {
        ClassVisitor teacher = visitor();
        ClassVisitor.Links links = teacher.makeClass("Lab 3", EXERCISE, "default-deny-one-door");
        assertTrue(Secrets.canonicalCode(links.code()).isPresent(), links.code());
        assertTrue(Secrets.isWellFormedToken(links.token()), links.token());
        HttpResponse<String> join = visitor().get(links.student());
        assertEquals(200, join.statusCode());
        assertTrue(join.body().contains("Lab 3") && join.body().contains("name=\"name\""), join.body());
        HttpResponse<String> view = visitor().get(links.teacher());
        assertEquals(200, view.statusCode());
        assertTrue(view.body().contains("Nobody has joined yet"), view.body());
        assertEquals(Optional.of("no-store"), view.headers().firstValue("Cache-Control"));
    }

    @Test
    void the_form_says_what_to_fix_and_makes_no_class() {
        HttpResponse<String> empty = visitor().post(Routes.CLASSES, List.of(Map.entry("title", " ")));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Give the class a title"), empty.body());
        assertTrue(empty.body().contains("Choose at least one exercise"), empty.body());
        HttpResponse<String> bad = visitor().post(Routes.CLASSES, List.of(Map.entry("title", "Lab"),
                Map.entry("exercise", "no-such-exercise"), Map.entry("links", "https://example.com/x/0000000000000000"),
                Map.entry("ends", "2001-01-01T10:00"), Map.entry("offset", "0")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("There is no exercise 'no-such-exercise' in the catalog"), bad.body());
        assertTrue(bad.body().contains("is no exercise here"), bad.body());
        assertTrue(bad.body().contains("The end is in the past"), bad.body());
        assertTrue(bad.body().contains("value=\"Lab\""), "what was typed is kept");
    }

    @Test
    void naming_more_exercises_than_a_class_holds_is_refused_before_any_is_looked_up() {
        String links = "/x/0123456789abcdef\n".repeat(50_000);
        HttpResponse<String> refused = visitor().post(Routes.CLASSES, List.of(Map.entry("title", "t".repeat(100_000)),
                Map.entry("links", links)));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("A class has at most 30 exercises; 50000 were named."), refused.body());
        assertFalse(refused.body().contains("t".repeat(1_000)), "a long title is not echoed back whole");
    }

    @Test
    void a_teacher_made_exercise_joins_a_class_by_its_link_after_the_catalog_ones() {
        String scenario = Scenarios.SHOP_LOCK_WEB;
        HttpResponse<String> made = visitor().post(Routes.CREATE_EXERCISE, List.of(Map.entry(Ids.FIELD_TEXT, scenario),
                Map.entry("title", "Lock the web"), Map.entry("goal", "1:0:0")));
        String handout = made.headers().firstValue("Location").orElseThrow();
        String link = handout.substring(0, handout.length() - "/created".length());
        assertTrue(visitor().get(handout).body().contains(Routes.NEW_CLASS + "?exercise=" + link),
                "the handout page offers a class with it");
        String form = visitor().get(Routes.NEW_CLASS + "?exercise=" + link).body();
        assertTrue(form.contains(link + "\n</textarea>"), "the link is listed in advance: " + form);
        HttpResponse<String> created = visitor().post(Routes.CLASSES, List.of(Map.entry("title", "Mixed"),
                Map.entry("exercise", EXERCISE), Map.entry("links", server.url(link) + "\n\n")));
        assertEquals(200, created.statusCode(), created.body());
        String code = created.body().replaceAll("(?s).*data-class-code>([^<]+)<.*", "$1");
        ClassVisitor student = visitor();
        student.join(code, "Ada");
        String home = student.get(Routes.classroom(code)).body();
        assertTrue(home.indexOf("Put a lock on one app") < home.indexOf("Lock the web"), home);
        String answer = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: mine, namespace: shop}\n"
                + "spec: {podSelector: {matchLabels: {app: web}}}\n";
        assertTrue(student.check(code, 2, answer).body().contains("Solved: all"));
    }

    @Test
    void a_student_joins_checks_and_the_teacher_sees_each_check_as_it_is_made() {
        ClassVisitor.Links links = visitor().makeClass("Live", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        String home = ada.get(links.student()).body();
        assertTrue(home.contains("data-student-name>Ada<"), home);
        String page = ada.get(Routes.classExercise(links.code(), 1)).body();
        assertTrue(page.contains("Live · exercise 1 of 1"), "crumbs name the class");
        assertTrue(page.contains("hx-post=\"" + Routes.classExercise(links.code(), 1) + "/check\""), page);
        assertTrue(progress(links).contains("data-student>Ada<"), "joined, no Check yet");

        String first = ada.check(links.code(), 1, wrong()).body();
        assertTrue(first.contains("pairs differ from the goal"), first);
        assertTrue(first.contains("your teacher sees this Check"), first);
        String afterWrong = progress(links);
        assertTrue(afterWrong.contains("class=\"progress-trying\"") && afterWrong.contains(">✗ 1</a>"), afterWrong);
        assertTrue(afterWrong.contains("data-missed-cell"), "the pairs Ada gets wrong");

        assertTrue(ada.check(links.code(), 1, solution()).body().contains("Solved: all"));
        String afterSolve = progress(links);
        assertTrue(afterSolve.contains("class=\"progress-solved\"") && afterSolve.contains(">✓ 2</a>"), afterSolve);
        assertTrue(afterSolve.contains("1 of 1 student who checked it solved it"), afterSolve);
        assertTrue(ada.get(links.student()).body().contains("✓ solved"), "the student sees it too");
        assertTrue(ada.get(Routes.classExercise(links.code(), 1)).body().contains("name: "),
                "the exercise page opens with the latest answer");
    }

    @Test
    void the_teacher_sees_the_most_missed_pair_and_the_wrong_answer_most_students_share() {
        ClassVisitor.Links links = visitor().makeClass("Insight", EXERCISE);
        student(links, "Ada").check(links.code(), 1, wrong());
        student(links, "Bob").check(links.code(), 1, wrong() + "\n# my own comment\n");
        student(links, "Cy").check(links.code(), 1, solution());
        String view = progress(links);
        assertTrue(view.contains("1 of 3 students who checked it solved it"), view);
        assertTrue(view.contains("wrong for 2 students"), view);
        assertTrue(view.contains("The most common wrong answer: 2 students"), "comments do not make another answer");
    }

    @Test
    void the_teacher_reads_a_students_latest_answer_with_its_matrix_and_can_explain_a_cell() {
        ClassVisitor.Links links = visitor().makeClass("Answers", EXERCISE);
        student(links, "Ada").check(links.code(), 1, wrong());
        String view = progress(links);
        String answerUrl = view.replaceAll("(?s).*href=\"(" + Pattern.quote(links.teacher())
                + "/s/[^\"]+)\".*", "$1");
        HttpResponse<String> answer = visitor().get(answerUrl);
        assertEquals(200, answer.statusCode(), answerUrl);
        assertTrue(answer.body().contains("Ada: Put a lock on one app"), answer.body());
        assertTrue(answer.body().contains("class=\"cell "), "the graded matrix");
        assertTrue(answer.body().contains("differs"), "differing cells are marked");
        HttpResponse<String> explained = visitor().post(links.teacher() + "/e/1/explain",
                List.of(Map.entry(Ids.FIELD_TEXT, wrong()), Map.entry(Ids.FIELD_CELL, "0:1:0")));
        assertEquals(200, explained.statusCode());
        assertTrue(explained.body().contains("NetworkPolicy") || explained.body().contains("policy"), explained.body());
    }

    @Test
    void the_teacher_link_never_reaches_a_page_a_student_sees() {
        ClassVisitor.Links links = visitor().makeClass("Secret", EXERCISE);
        ClassVisitor ada = visitor();
        List<String> seen = new ArrayList<>();
        seen.add(ada.get(links.student()).body());
        seen.add(ada.join(links.code(), "Ada").body());
        seen.add(ada.get(links.student()).body());
        seen.add(ada.get(Routes.classExercise(links.code(), 1)).body());
        seen.add(ada.check(links.code(), 1, wrong()).body());
        seen.add(ada.check(links.code(), 1, solution()).body());
        seen.add(ada.post(Routes.classExercise(links.code(), 1), List.of(Map.entry(Ids.FIELD_TEXT, wrong()))).body());
        seen.add(ada.post(Routes.classExercise(links.code(), 1) + "/explain",
                List.of(Map.entry(Ids.FIELD_TEXT, wrong()), Map.entry(Ids.FIELD_CELL, "0:1:0"))).body());
        for (String html : seen) {
            assertFalse(html.contains(links.token()), html);
            assertFalse(html.contains("/t/"), html);
        }
    }

    @Test
    void without_the_teacher_token_nothing_of_the_teacher_side_answers() {
        ClassVisitor.Links links = visitor().makeClass("Locked", EXERCISE);
        student(links, "Ada").check(links.code(), 1, wrong());
        String other = new Secrets().newToken();
        for (String path : List.of("", "/progress", "/results.csv", "/s/anyone/1")) {
            HttpResponse<String> refused = visitor().get(Routes.classTeacher(links.code(), other) + path);
            assertEquals(404, refused.statusCode(), path);
            assertFalse(refused.body().contains("Ada"), path);
        }
        assertEquals(404, visitor().post(Routes.classTeacher(links.code(), other) + "/delete",
                List.of(Map.entry("confirm", "yes"))).statusCode());
        assertEquals(200, visitor().get(links.teacher()).statusCode(), "the class is still there");
    }

    @Test
    void students_see_only_their_own_work() {
        ClassVisitor.Links links = visitor().makeClass("Own work", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        ada.check(links.code(), 1, solution());
        ClassVisitor bob = student(links, "Bob");
        String bobs = bob.get(links.student()).body();
        assertFalse(bobs.contains("Ada"), bobs);
        assertFalse(bobs.contains("✓ solved"), "Ada's solve is not Bob's");
        assertFalse(bob.get(Routes.classExercise(links.code(), 1)).body().contains("name: allow"),
                "Bob's page starts from the starter, not from Ada's answer");
        ClassVisitor stranger = visitor();
        HttpResponse<String> page = stranger.get(Routes.classExercise(links.code(), 1));
        assertEquals(303, page.statusCode(), "without joining, to the join form");
        assertEquals(303, stranger.check(links.code(), 1, wrong()).statusCode());
    }

    @Test
    void display_names_are_text_everywhere_and_cannot_run_as_formulas_in_the_csv() {
        ClassVisitor.Links links = visitor().makeClass("Names", EXERCISE);
        student(links, "<script>alert(1)</script>").check(links.code(), 1, wrong());
        student(links, "=HYPERLINK(\"http://evil\",\"x\")").check(links.code(), 1, solution());
        String view = visitor().get(links.teacher()).body();
        assertFalse(view.contains("<script>alert"), view);
        assertTrue(view.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), view);
        HttpResponse<String> csv = visitor().get(links.teacher() + "/results.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("student,joined_at,exercise,exercise_title,solved,checks,last_check_at,last_differing_pairs",
                lines[0]);
        assertEquals(3, lines.length, csv.body());
        assertTrue(lines[1].startsWith("<script>alert(1)</script>,") && lines[1].contains(",1,Put a lock on one app,false,1,"),
                lines[1]);
        assertTrue(lines[2].startsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), lines[2]);
        assertTrue(lines[2].contains(",true,1,"), lines[2]);
    }

    @Test
    void a_name_is_one_line_of_visible_text_and_unique_in_the_class() {
        ClassVisitor.Links links = visitor().makeClass("Unique", EXERCISE);
        student(links, "Ada");
        HttpResponse<String> taken = visitor().join(links.code(), " ada ");
        assertEquals(409, taken.statusCode());
        assertTrue(taken.body().contains("already goes by"), taken.body());
        for (String bad : List.of("", "   ", "a\u0000b", "x".repeat(41), "right\u202Eleft")) {
            HttpResponse<String> refused = visitor().join(links.code(), bad);
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty(), bad);
        }
    }

    @Test
    void a_closed_class_grades_checks_without_recording_them_and_takes_no_one_new() {
        ClassVisitor.Links links = visitor().makeClass("Closing", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        ada.check(links.code(), 1, wrong());
        HttpResponse<String> closed = visitor().post(links.teacher() + "/close", List.of());
        assertEquals(303, closed.statusCode());
        assertTrue(visitor().get(links.teacher()).body().contains("Closed"), "the teacher sees it closed");
        String check = ada.check(links.code(), 1, solution()).body();
        assertTrue(check.contains("Solved: all") && check.contains("graded but not recorded"), check);
        assertTrue(progress(links).contains(">✗ 1</a>"), "the Check after closing is not recorded");
        HttpResponse<String> late = visitor().join(links.code(), "Late");
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("This class is closed"), late.body());
    }

    @Test
    void a_class_past_its_end_takes_no_checks() throws InterruptedException {
        String code = server.database().classes().create("Ended", List.of(EXERCISE),
                Optional.of(Instant.now().plusSeconds(2))).room().code();
        ClassVisitor ada = visitor();
        assertEquals(303, ada.join(code, "Ada").statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.database().classes().find(code).orElseThrow().open(Instant.now()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(ada.check(code, 1, wrong()).body().contains("graded but not recorded"));
        assertTrue(server.database().classes().progress(code).isEmpty());
    }

    @Test
    void deleting_a_class_takes_its_students_and_answers_and_both_links_lead_nowhere() {
        ClassVisitor.Links links = visitor().makeClass("Gone", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        ada.check(links.code(), 1, wrong());
        HttpResponse<String> unconfirmed = visitor().post(links.teacher() + "/delete", List.of());
        assertEquals(400, unconfirmed.statusCode());
        HttpResponse<String> deleted = visitor().post(links.teacher() + "/delete", List.of(Map.entry("confirm", "yes")));
        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("Class deleted"));
        assertEquals(404, visitor().get(links.teacher()).statusCode());
        assertEquals(404, ada.get(links.student()).statusCode());
        assertTrue(server.database().classes().latest(links.code()).isEmpty());
    }

    @Test
    void a_code_typed_in_capitals_or_without_dashes_finds_the_class() {
        ClassVisitor.Links links = visitor().makeClass("Typed", EXERCISE);
        HttpResponse<String> typed = visitor().get("/c/" + links.code().replace("-", "").toUpperCase());
        assertEquals(302, typed.statusCode());
        assertEquals(Optional.of(links.student()), typed.headers().firstValue("Location"));
    }

    @Test
    void an_answer_too_large_to_record_is_refused_with_the_limit() {
        ClassVisitor.Links links = visitor().makeClass("Large", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        String check = ada.check(links.code(), 1, "# " + "x".repeat(ClassController.MAX_ANSWER_BYTES) + "\n").body();
        assertTrue(check.contains("a class records answers up to 64 KiB"), check);
        assertTrue(server.database().classes().progress(links.code()).isEmpty());
    }

    @Test
    void a_student_pressing_check_too_often_is_told_when_to_try_again() {
        ClassVisitor.Links links = visitor().makeClass("Fast", EXERCISE);
        ClassVisitor ada = student(links, "Ada");
        int accepted = 0;
        HttpResponse<String> last;
        do {
            last = ada.check(links.code(), 1, wrong());
            accepted += last.statusCode() == 200 ? 1 : 0;
        } while (last.statusCode() == 200 && accepted < 100);
        assertEquals(429, last.statusCode());
        assertEquals(30, accepted);
        assertTrue(last.body().contains("try again in"), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals(30, server.database().classes().progress(links.code()).get(0).attempts(),
                "every acknowledged Check, and nothing refused, is recorded");
    }

    @Test
    void guessing_codes_runs_into_a_limit() {
        try (TestServer own = new TestServer()) {
            ClassVisitor guesser = new ClassVisitor(own.url(""));
            int notFound = 0;
            HttpResponse<String> last;
            do {
                last = guesser.get("/c/" + new Secrets().newCode());
                notFound += last.statusCode() == 404 ? 1 : 0;
            } while (last.statusCode() == 404 && notFound < 100);
            assertEquals(429, last.statusCode());
            assertEquals(30, notFound);
            assertTrue(last.body().contains("do not exist"), last.body());
        }
    }

    @Test
    void the_access_log_never_keeps_a_teacher_token() {
        assertEquals("/c/abc-def-ghj/t/…/progress", Routes.loggable("/c/abc-def-ghj/t/SECRET/progress"));
        assertEquals("/c/abc-def-ghj/t/…", Routes.loggable("/c/abc-def-ghj/t/SECRET"));
        assertEquals("/c/abc-def-ghj/e/1", Routes.loggable("/c/abc-def-ghj/e/1"));
        assertEquals("/exercises", Routes.loggable("/exercises"));
    }
}
