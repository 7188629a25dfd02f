package dev.netpolplayground.web;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.classes.Attempt;
import dev.netpolplayground.classes.Progress;
import dev.netpolplayground.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of the server while a class is checking: the real server runs in a JVM of its own on an
 * H2 file, students press Check from several threads, and at the {@value #KILL_AFTER}th
 * acknowledged Check the server is killed. Every Check a student saw acknowledged must be in the
 * database when it is opened again.
 */
class ClassKillNineTest {
    private static final int STUDENTS = 8;
    private static final int KILL_AFTER = 60;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)/");
    private static final Pattern CHECK_NUMBER = Pattern.compile("# check (\\d+)");

    @Test
    void every_check_acknowledged_before_kill_9_of_the_server_is_recorded_after_restart(@TempDir Path work)
            throws Exception {
        String url = "jdbc:h2:" + work.resolve("classes");
        Path log = work.resolve("server.err");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.netpolplayground.cli.Main", "serve", "--port", "0", "--warm-up-seconds", "0", "--db-url", url)
                .redirectError(log.toFile()).start();
        server.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String base = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                base = matcher.group(1);
                break;
            }
        }
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "server stdout");
        drain.setDaemon(true);
        drain.start();
        if (base == null) {
            server.destroyForcibly();
            fail("the server did not start:\n" + Files.readString(log));
        }

        ClassVisitor.Links links = new ClassVisitor(base).makeClass("Killed", "lock-one-app");
        String wrong = Scenarios.resource("exercises/lock-one-app/wrong.yaml");
        Map<String, List<Integer>> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> names = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        ExecutorService students = Executors.newFixedThreadPool(STUDENTS);
        for (int s = 0; s < STUDENTS; s++) {
            String name = "student " + s;
            ClassVisitor student = new ClassVisitor(base);
            assertEquals(303, student.join(links.code(), name).statusCode());
            acknowledged.put(name, new ArrayList<>());
            students.submit(() -> {
                for (int check = 0; check < 1_000; check++) {
                    HttpResponse<String> answer;
                    try {
                        answer = student.check(links.code(), 1, wrong + "\n# check " + check + "\n");
                    } catch (RuntimeException killed) {
                        return null;
                    }
                    if (answer.statusCode() == 200 && answer.body().contains("your teacher sees this Check")) {
                        acknowledged.get(name).add(check);
                        if (total.incrementAndGet() == KILL_AFTER) {
                            server.toHandle().destroyForcibly();
                        }
                    } else if (answer.statusCode() != 429) {
                        return null;
                    }
                }
                return null;
            });
        }
        students.shutdown();
        assertTrue(students.awaitTermination(60, TimeUnit.SECONDS), "students still checking a minute later");
        assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server outlived kill -9");
        assertTrue(total.get() >= KILL_AFTER, () -> "only " + total.get() + " Checks were acknowledged before"
                + " the students stopped: not a kill in mid-class");

        try (Database reopened = Database.open(url, "", "")) {
            Map<String, String> idsByName = reopened.classes().students(links.code()).stream()
                    .collect(Collectors.toMap(s -> s.name(), s -> s.id()));
            Map<String, Progress> progress = reopened.classes().progress(links.code()).stream()
                    .collect(Collectors.toMap(Progress::studentId, p -> p));
            Map<String, Attempt> latest = reopened.classes().latest(links.code()).stream()
                    .collect(Collectors.toMap(Attempt::studentId, a -> a));
            int lost = 0;
            for (Map.Entry<String, List<Integer>> student : acknowledged.entrySet()) {
                List<Integer> acks = student.getValue();
                if (acks.isEmpty()) {
                    continue;
                }
                String id = idsByName.get(student.getKey());
                Progress p = progress.get(id);
                int recorded = p == null ? 0 : p.attempts();
                Matcher number = CHECK_NUMBER.matcher(latest.get(id).answer());
                assertTrue(number.find());
                if (recorded < acks.size() || Integer.parseInt(number.group(1)) < acks.get(acks.size() - 1)) {
                    lost++;
                }
            }
            assertEquals(0, lost, "students whose acknowledged Checks were lost; acknowledged " + acknowledged
                    + ", recorded " + progress);
            System.out.println("kill -9 during a class: " + total.get() + " Checks acknowledged, "
                    + progress.values().stream().mapToInt(Progress::attempts).sum() + " recorded");
        }
    }
}
