package dev.netpolplayground.store;

import dev.netpolplayground.classes.Attempt;
import dev.netpolplayground.classes.ClassRoom;
import dev.netpolplayground.classes.Progress;
import dev.netpolplayground.classes.Secrets;
import dev.netpolplayground.classes.Student;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How every {@link ClassStore} behaves, whatever database is behind it; each test makes classes of its own. */
abstract class ClassStoreContract {
    abstract String url();

    abstract String user();

    abstract String password();

    private Database database;
    private ClassStore store;

    @BeforeEach
    void open() {
        database = Database.open(url(), user(), password());
        store = database.classes();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ClassStore.Created newClass() {
        return store.create("Lab 3: policies", List.of("lock-one-app", "x/0123456789abcdef"), Optional.empty());
    }

    private static Attempt attempt(String student, int exercise, boolean solved, List<Attempt.Cell> cells, String answer) {
        return new Attempt(student, exercise, solved, solved ? 0 : cells.size(), cells, answer, Instant.now());
    }

    @Test
    void a_new_class_is_found_by_its_code_with_its_exercises_in_order_and_open() {
        ClassStore.Created created = newClass();
        ClassRoom room = store.find(created.room().code()).orElseThrow();
        assertEquals("Lab 3: policies", room.title());
        assertEquals(List.of("lock-one-app", "x/0123456789abcdef"), room.exercises());
        assertTrue(room.open(Instant.now()));
        assertEquals(Optional.of(room.code()), Secrets.canonicalCode(room.code()));
    }

    @Test
    void an_end_date_survives_the_round_trip_and_closes_the_class_when_it_passes() {
        Instant end = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ClassRoom room = store.create("Ends soon", List.of("lock-one-app"), Optional.of(end)).room();
        ClassRoom read = store.find(room.code()).orElseThrow();
        assertEquals(Optional.of(end), read.endsAt());
        assertTrue(read.open(end.minusSeconds(1)));
        assertFalse(read.open(end));
    }

    @Test
    void only_the_teachers_token_opens_the_teacher_side() {
        ClassStore.Created created = newClass();
        String code = created.room().code();
        assertTrue(store.findForTeacher(code, created.teacherToken()).isPresent());
        assertTrue(store.findForTeacher(code, new Secrets().newToken()).isEmpty());
        assertTrue(store.findForTeacher(code, created.teacherToken().substring(1)).isEmpty());
        assertTrue(store.findForTeacher(code, "").isEmpty());
        ClassStore.Created other = newClass();
        assertTrue(store.findForTeacher(other.room().code(), created.teacherToken()).isEmpty(),
                "one class's token opens no other class");
    }

    @Test
    void unknown_and_malformed_codes_find_nothing() {
        assertTrue(store.find("abc-def-ghj").isEmpty());
        assertTrue(store.find("ABC-DEF-GHJ").isEmpty());
        assertTrue(store.find("' OR 1=1 --").isEmpty());
        assertTrue(store.find("").isEmpty());
    }

    @Test
    void students_join_under_names_unique_in_the_class_whatever_the_case() {
        String code = newClass().room().code();
        ClassStore.Joined ada = store.join(code, "Ada");
        ClassStore.JoinRefused taken = assertThrows(ClassStore.JoinRefused.class, () -> store.join(code, "ADA"));
        assertEquals(ClassStore.JoinRefusal.NAME_TAKEN, taken.reason());
        String other = newClass().room().code();
        store.join(other, "Ada");
        assertEquals(List.of("Ada"), store.students(code).stream().map(Student::name).toList());
        assertEquals(Optional.of(ada.student()), store.student(code, ada.student().id(), ada.token())
                .map(s -> new Student(s.id(), s.name(), ada.student().joinedAt())));
    }

    @Test
    void a_student_is_known_only_by_id_and_token_together_and_only_in_their_class() {
        String code = newClass().room().code();
        ClassStore.Joined ada = store.join(code, "Ada");
        ClassStore.Joined bob = store.join(code, "Bob");
        assertTrue(store.student(code, ada.student().id(), bob.token()).isEmpty());
        assertTrue(store.student(code, ada.student().id(), "not-a-token").isEmpty());
        assertTrue(store.student(newClass().room().code(), ada.student().id(), ada.token()).isEmpty());
        assertNotEquals(ada.token(), bob.token());
    }

    @Test
    void a_full_class_refuses_the_next_student() {
        String code = newClass().room().code();
        for (int i = 0; i < ClassStore.MAX_STUDENTS; i++) {
            store.join(code, "student " + i);
        }
        assertEquals(ClassStore.JoinRefusal.FULL,
                assertThrows(ClassStore.JoinRefused.class, () -> store.join(code, "one more")).reason());
    }

    @Test
    void progress_counts_checks_remembers_a_solve_and_reports_the_latest_check() {
        String code = newClass().room().code();
        String ada = store.join(code, "Ada").student().id();
        Attempt.Cell cell = new Attempt.Cell("shop/web", "shop/db", "5432/TCP", true);
        store.record(code, attempt(ada, 1, false, List.of(cell), "first"));
        store.record(code, attempt(ada, 1, true, List.of(), "second"));
        store.record(code, attempt(ada, 1, false, List.of(cell, cell), "third"));
        store.record(code, attempt(ada, 2, false, List.of(), "# problems"));
        Map<Integer, Progress> progress = store.progress(code).stream()
                .collect(Collectors.toMap(Progress::exercise, p -> p));
        assertEquals(3, progress.get(1).attempts());
        assertTrue(progress.get(1).solved(), "solved once is solved");
        assertEquals(2, progress.get(1).lastDifferingPairs());
        assertEquals(1, progress.get(2).attempts());
        Attempt latest = store.latest(code, ada, 1).orElseThrow();
        assertEquals("third", latest.answer());
        assertEquals(List.of(cell, cell), latest.cells());
        assertEquals(List.of("third", "# problems"), store.latest(code).stream().map(Attempt::answer).toList());
        String bob = store.join(code, "Bob").student().id();
        store.record(code, attempt(bob, 1, true, List.of(), "bob's"));
        assertEquals(List.of(1, 2), store.progress(code, ada).stream().map(Progress::exercise).sorted().toList());
        assertEquals(List.of(bob), store.progress(code, bob).stream().map(Progress::studentId).toList());
    }

    @Test
    void answers_come_back_exactly_as_typed() {
        String code = newClass().room().code();
        String ada = store.join(code, "Ada").student().id();
        String answer = "kind: NetworkPolicy\u0000\n# café 日本 🚀\r\n  \t";
        store.record(code, attempt(ada, 1, false, List.of(), answer));
        assertEquals(answer, store.latest(code, ada, 1).orElseThrow().answer());
    }

    @Test
    void closing_keeps_the_work_and_deleting_removes_students_and_answers() {
        ClassStore.Created created = newClass();
        String code = created.room().code();
        String ada = store.join(code, "Ada").student().id();
        store.record(code, attempt(ada, 1, true, List.of(), "answer"));
        store.close(code);
        assertFalse(store.find(code).orElseThrow().open(Instant.now()));
        assertEquals(1, store.progress(code).size());
        assertTrue(store.delete(code));
        assertTrue(store.find(code).isEmpty());
        assertTrue(store.students(code).isEmpty());
        assertTrue(store.latest(code).isEmpty());
        assertTrue(store.latest(code, ada, 1).isEmpty());
        assertFalse(store.delete(code));
    }

    @Test
    void sixty_students_checking_at_the_same_moment_lose_no_check() throws Exception {
        String code = newClass().room().code();
        int students = 60;
        int checksEach = 5;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            ids.add(store.join(code, "student " + i).student().id());
        }
        CyclicBarrier together = new CyclicBarrier(students);
        ExecutorService pool = Executors.newFixedThreadPool(students);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit(() -> {
                    together.await();
                    for (int check = 0; check < checksEach; check++) {
                        store.record(code, attempt(id, 1, check == checksEach - 1, List.of(), "check " + check));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Progress> progress = store.progress(code);
        assertEquals(students, progress.size());
        assertTrue(progress.stream().allMatch(p -> p.attempts() == checksEach && p.solved()), progress.toString());
        assertTrue(store.latest(code).stream().allMatch(a -> a.answer().equals("check " + (checksEach - 1))));
    }
}
