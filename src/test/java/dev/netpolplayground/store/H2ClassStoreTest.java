package dev.netpolplayground.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The class store's contract on an H2 file database. */
class H2ClassStoreTest extends ClassStoreContract {
    @TempDir
    static Path directory;

    @Override
    String url() {
        return "jdbc:h2:" + directory.resolve("classes");
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
