package dev.netpolplayground.parse;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.Map;
import java.util.Set;

/**
 * YAML 1.2's core schema, as snakeyaml-engine resolves it, with a shortcut: a plain scalar that
 * cannot be a null, boolean, number, merge key or environment variable is a string without running
 * the schema's regular expressions. snakeyaml tries its two null expressions on every scalar
 * whatever its first character, which cost about a sixth of parsing a cluster dump.
 */
final class FastCoreSchema implements Schema {
    /** First characters for which the core resolver has expressions of its own (numbers, merge, env). */
    private static final String DELEGATED_FIRST = "0123456789-+.<$";
    /** The other scalars that the core resolver does not read as strings: nulls and booleans. */
    private static final Set<String> WORDS = Set.of("~", " ", "null", "Null", "NULL", "true", "True", "TRUE",
            "false", "False", "FALSE");

    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver coreResolver = core.getScalarResolver();
    private final ScalarResolver resolver = (value, implicit) -> {
        if (!implicit || value.isEmpty() || DELEGATED_FIRST.indexOf(value.charAt(0)) >= 0 || WORDS.contains(value)) {
            return coreResolver.resolve(value, implicit);
        }
        return Tag.STR;
    };

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
    }
}
