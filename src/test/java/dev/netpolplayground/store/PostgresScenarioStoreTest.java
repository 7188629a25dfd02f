package dev.netpolplayground.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract on a real PostgreSQL server (embedded binaries, started once for the class), plus
 * kill -9 of the database server itself.
 */
class PostgresScenarioStoreTest extends ScenarioStoreContract {
    private static final AtomicInteger FRESH = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    String freshUrl() {
        String name = "fresh_" + FRESH.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "";
    }

    /**
     * kill -9 of the database server, not of the application, while a burst of shares is in
     * flight: every share acknowledged before it must be there after PostgreSQL's crash recovery.
     *
     * <p>The server runs with {@code synchronous_commit=on}, PostgreSQL's default and what a
     * production server has; the embedded server would otherwise turn it off, under which a
     * commit is acknowledged before its WAL is written and a crash may lose it. Killing
     * processes leaves the operating system's page cache alone, so the embedded server's
     * {@code fsync=off} does not matter here (it would after a power cut).
     */
    @Test
    void every_share_acknowledged_before_kill_9_of_the_database_server_is_there_after_recovery(
            @TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Path serverLog = work.resolve("postgres.log");
        List<ProcessHandle> killed = new ArrayList<>();
        KillNineBurst burst;
        EmbeddedPostgres server = startServer(data, serverLog);
        try {
            burst = KillNineBurst.run(server.getJdbcUrl("postgres", "postgres"), "postgres", "", work,
                    child -> {
                        killed.addAll(killServer(data));
                        KillNineBurst.kill9(child);
                    });
            awaitGone(killed, serverLog);
        } finally {
            // Its pg_ctl stop finds no server any more (and logs that as an error); this releases
            // the lock on the data directory, which the restart takes.
            server.close();
        }
        burst.assertKilledMidBurst();

        EmbeddedPostgres restarted = startServer(data, serverLog);
        try (Database database = open(restarted.getJdbcUrl("postgres", "postgres"))) {
            burst.assertEveryAcknowledgedShareIsIn(database.scenarios());
        } finally {
            restarted.close();
        }
        String log = Files.readString(serverLog);
        assertTrue(log.contains("not properly shut down; automatic recovery in progress"),
                () -> "the restart did no crash recovery, so the server was not killed:\n" + log);
    }

    private static EmbeddedPostgres startServer(Path data, Path log) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * SIGKILL to the postmaster and every process it forked, all at the same moment as far as the
     * server can tell: the postmaster is stopped (SIGSTOP) first, so it forks no backend between
     * the listing and the kill.
     *
     * @return the killed processes
     */
    private static List<ProcessHandle> killServer(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("no postmaster with PID " + pid));
        List<ProcessHandle> server = new ArrayList<>(List.of(postmaster));
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).inheritIO().start();
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS), "kill -STOP hangs");
            assertEquals(0, stop.exitValue(), "kill -STOP " + pid + " failed");
            postmaster.children().forEach(server::add);
        } finally {
            server.forEach(ProcessHandle::destroyForcibly);
        }
        return server;
    }

    /**
     * Waits until the killed processes are gone, that is reaped by init: a restart would take the
     * zombie of the old postmaster, whose PID postmaster.pid still names, for a running server.
     * (A zombie counts as alive for {@link ProcessHandle#isAlive}, a new process under a reused
     * PID does not.)
     */
    private static void awaitGone(List<ProcessHandle> processes, Path serverLog) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ProcessHandle process : processes) {
            while (process.isAlive()) {
                if (System.nanoTime() > deadline) {
                    fail("server process " + process.pid() + " is still there 15 s after kill -9"
                            + " (does PID 1 reap orphaned zombies?); server log " + serverLog);
                }
                Thread.sleep(20);
            }
        }
    }
}
