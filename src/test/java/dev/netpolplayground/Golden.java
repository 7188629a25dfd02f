package dev.netpolplayground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whole outputs kept under test in {@code src/test/resources/golden/}: a change to what users read
 * shows as a diff of that file. Rewrite them on purpose with {@code mvn test -Dgolden.update=true},
 * then read the diff before committing it.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + "; write it with -Dgolden.update=true and read it before committing");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file
                    + " (rewrite with -Dgolden.update=true if the change is meant)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
