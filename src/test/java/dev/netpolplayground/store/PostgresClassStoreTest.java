package dev.netpolplayground.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** The class store's contract on a real PostgreSQL server (embedded binaries). */
class PostgresClassStoreTest extends ClassStoreContract {
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
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "";
    }
}
