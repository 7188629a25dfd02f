package dev.netpolplayground.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ready-made scenarios of the Examples menu, read once from the classpath
 * (examples/index.txt lists them in menu order; each file starts with "# title:",
 * "# description:" and optionally "# probes:" and "# external:" comment lines).
 */
public final class Examples {
    public record Example(String id, String title, String description, String probes, String externals, String text) {
    }

    private final List<Example> all;

    private Examples(List<Example> all) {
        this.all = List.copyOf(all);
    }

    public static Examples load() {
        List<Example> examples = new ArrayList<>();
        for (String id : read("examples/index.txt").split("\n")) {
            if (!id.isBlank()) {
                examples.add(parse(id.trim(), read("examples/" + id.trim() + ".yaml")));
            }
        }
        return new Examples(examples);
    }

    public List<Example> all() {
        return all;
    }

    public Optional<Example> find(String id) {
        return all.stream().filter(example -> example.id().equals(id)).findFirst();
    }

    private static Example parse(String id, String text) {
        String title = id;
        String description = "";
        String probes = "";
        String externals = "";
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            String body = line.substring(1).trim();
            int colon = body.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = body.substring(colon + 1).trim();
            switch (body.substring(0, colon).trim()) {
                case "title":
                    title = value;
                    break;
                case "description":
                    description = value;
                    break;
                case "probes":
                    probes = value;
                    break;
                case "external":
                    externals = value;
                    break;
                default:
                    break;
            }
        }
        return new Example(id, title, description, probes, externals, text);
    }

    private static String read(String path) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
