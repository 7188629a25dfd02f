package dev.netpolplayground.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
