package dev.netpolplayground.web;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.store.Database;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one PostgreSQL, as replicas behind one Service: whatever one of them is asked
 * about a class, it answers from the database, so a student's Check through one shows in the
 * teacher view served by the other.
 */
class ReplicasTest {
    private static EmbeddedPostgres postgres;
    private static Replica first;
    private static Replica second;

    private record Replica(Database database, Javalin app) {
        static Replica start(String url) {
            Database database = Database.open(url, "postgres", "");
            WebApp.Services services = WebApp.services(database.scenarios(), database.classes(),
                    WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO));
            return new Replica(database, WebApp.create(services).start(0));
        }

        String base() {
            return "http://localhost:" + app.port();
        }

        void stop() {
            app.stop();
            database.close();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        first = Replica.start(url);
        second = Replica.start(url);
    }

    @AfterAll
    static void stop() throws IOException {
        first.stop();
        second.stop();
        postgres.close();
    }

    @Test
    void a_check_through_one_replica_shows_in_the_teacher_view_of_the_other() {
        ClassVisitor teacherOnFirst = new ClassVisitor(first.base());
        ClassVisitor.Links links = teacherOnFirst.makeClass("Replicated", "lock-one-app");
        ClassVisitor teacherOnSecond = teacherOnFirst.via(second.base());
        assertEquals(200, teacherOnSecond.get(links.teacher()).statusCode(), "the teacher link works on both");

        ClassVisitor adaOnSecond = new ClassVisitor(second.base());
        assertEquals(303, adaOnSecond.join(links.code(), "Ada").statusCode());
        ClassVisitor adaOnFirst = adaOnSecond.via(first.base());
        String wrong = Scenarios.resource("exercises/lock-one-app/wrong.yaml");
        assertTrue(adaOnSecond.check(links.code(), 1, wrong).body().contains("your teacher sees this Check"));
        assertTrue(adaOnFirst.check(links.code(), 1, wrong).body().contains("your teacher sees this Check"),
                "the student who joined on one replica is known to the other");

        for (ClassVisitor teacher : List.of(teacherOnFirst, teacherOnSecond)) {
            String progress = teacher.get(links.teacher() + "/progress").body();
            assertTrue(progress.contains("data-student>Ada<") && progress.contains(">✗ 2</a>"), progress);
        }

        assertEquals(303, teacherOnSecond.post(links.teacher() + "/close", List.of()).statusCode());
        assertTrue(adaOnFirst.check(links.code(), 1, wrong).body().contains("graded but not recorded"),
                "closing on one replica closes the class on the other");
    }
}
