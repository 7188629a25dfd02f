package dev.netpolplayground.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on an H2 file database in a temporary directory, plus what only H2 needs. */
class H2ScenarioStoreTest extends ScenarioStoreContract {
    @TempDir
    static Path directory;
    private static final AtomicInteger FRESH = new AtomicInteger();

    @Override
    String url() {
        return "jdbc:h2:" + directory.resolve("playground");
    }

    @Override
    String freshUrl() {
        return "jdbc:h2:" + directory.resolve("fresh-" + FRESH.incrementAndGet());
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Test
    void a_save_survives_kill_9_right_after_it_returns() throws Exception {
        String url = "jdbc:h2:" + directory.resolve("killed");
        StoredScenario scenario = StoredScenario.scenario("text " + UUID.randomUUID(), "", "");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path log = directory.resolve("killed.log");
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SaveThenHang.class.getName(), url, scenario.text())
                .redirectError(log.toFile())
                .start();
        String id;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            id = out.readLine();
        } finally {
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }

        assertEquals(ScenarioIds.of(scenario), id, () -> "the writer said:\n" + read(log));
        try (Database reopened = open(url)) {
            assertEquals(Optional.of(scenario), reopened.scenarios().find(id));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void h2_urls_get_close_and_durability_settings_unless_they_name_them() {
        assertEquals("jdbc:h2:./data/playground;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                Database.withDefaults(Database.DEFAULT_URL));
        assertEquals("jdbc:h2:/srv/db;write_delay=100;DB_CLOSE_ON_EXIT=TRUE",
                Database.withDefaults("jdbc:h2:/srv/db;write_delay=100;DB_CLOSE_ON_EXIT=TRUE"));
        assertEquals("jdbc:h2:mem:test;DB_CLOSE_ON_EXIT=FALSE", Database.withDefaults("jdbc:h2:mem:test"));
        assertEquals("jdbc:postgresql://db:5432/playground",
                Database.withDefaults("jdbc:postgresql://db:5432/playground"));
        assertThrows(IllegalArgumentException.class, () -> Database.withDefaults("jdbc:mysql://db/playground"));
    }
}
