package dev.netpolplayground.parse;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shortcut resolves every scalar to the same tag as snakeyaml's own core schema. */
class FastCoreSchemaTest {
    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    private static final ScalarResolver FAST = new FastCoreSchema().getScalarResolver();

    private static void same(String value) {
        for (boolean implicit : new boolean[] {true, false}) {
            assertEquals(CORE.resolve(value, implicit), FAST.resolve(value, implicit),
                    "'" + value + "' (implicit " + implicit + ")");
        }
    }

    @Test
    void every_kind_of_scalar_resolves_as_in_the_core_schema() {
        for (String value : List.of("", " ", "~", "null", "Null", "NULL", "nul", "nullx", "n", "N", "no", "yes",
                "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "t", "f", "on", "off", "y",
                "0", "80", "-1", "+1", "007", "0o17", "0x1F", "0xZZ", "1.5", ".5", "1e3", "-.inf", ".inf", ".Inf",
                ".nan", ".NaN", "1.2.3", "10.244.0.1", "10.0.0.0/8", "<<", "<", "${HOME}", "${X:-y}", "$x",
                "nginx", "namespace", "TCP", "UDP", "SCTP", "app", "Ingress", "\u0000", "é", "日本", "a b")) {
            same(value);
        }
    }

    @Test
    void random_scalars_resolve_as_in_the_core_schema() {
        Random random = new Random(7);
        String alphabet = "0123456789+-.eExXoO<$~{}:nulNULtrueTRUEfalsFALSinfINFaNyYabcé /_";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        values.forEach(FastCoreSchemaTest::same);
    }
}
