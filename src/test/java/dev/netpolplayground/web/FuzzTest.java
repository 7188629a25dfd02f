package dev.netpolplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netpolplayground.Scenarios;
import dev.netpolplayground.parse.HostileInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of random and mutated scenarios against the API and the page's routes: every answer is
 * a 2xx or a 4xx with a message, never a 500, and the server stays healthy. Seeded, so a failure
 * names the seed and input that caused it.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("netpol.fuzz.seed", 20261126L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CONTENT_TYPES = {"application/yaml", "text/yaml", "text/plain", "application/json"};
    private static final String[] ODD = {"\u0000", "\u202e", "\u200b", "\ufeff", "\ud83d\ude00", "\ufffe", "\t", "\r",
        "é", "\u2028", "'", "\"", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!binary ", "|", ">", "#", "%", "@", "`",
        "? ", "---\n", "...\n", "<script>alert(1)</script>", "\\", "${x}"};
    private static final String[] VALUES = {"[]", "{}", "null", "~", "true", "-1", "0", "99999999999999999999999",
        "1e400", "0x7fffffff", "\"x\"", "''", "[1, [2, [3]]]", "{a: {b: {c: d}}}", ".nan", "-.inf", "2001:db8::/129",
        "300.1.1.1/8", "*a", "&a [*a]", "\"80\"", "SCTP", "tcp", "In", "Exists"};

    private static TestServer server;
    private static List<String> seeds;

    @BeforeAll
    static void start() {
        server = new TestServer();
        seeds = new ArrayList<>();
        for (Examples.Example example : Examples.load().all()) {
            seeds.add(example.text());
        }
        seeds.add(Scenarios.resource("conformance/cluster.yaml"));
        seeds.add(Scenarios.resource("conformance/cases/named-port-egress.yaml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void random_and_mutated_scenarios_never_break_the_server() throws Exception {
        Random random = new Random(SEED);
        int requests = 0;
        for (int i = 0; i < 2500; i++) {
            String input = mutate(random);
            String probes = random.nextInt(5) == 0 ? pick(random, VALUES) : random.nextInt(3) == 0 ? "80/TCP,53/UDP" : "";
            String query = "?probes=" + URLEncoder.encode(probes, StandardCharsets.UTF_8)
                    + (random.nextInt(4) == 0 ? "&format=compact" : "") + (random.nextInt(6) == 0 ? "&external=" + URLEncoder
                    .encode(pick(random, VALUES), StandardCharsets.UTF_8) : "");
            switch (i % 5) {
                case 0, 1, 2 -> checkApi(i, input, server.post(Routes.API_EVALUATE + query,
                        CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], input));
                case 3 -> checkPage(i, input, server.post(random.nextBoolean() ? Routes.FRAGMENT_EVALUATE
                        : Routes.FRAGMENT_EXPLAIN, "application/x-www-form-urlencoded", form(input, random)));
                default -> checkPage(i, input, server.post("/api/v1/exercises/lock-one-app/check", "application/yaml",
                        input));
            }
            requests++;
        }
        assertEquals(2500, requests);
        assertEquals(200, server.get(Routes.HEALTH).statusCode());
        assertEquals(200, server.get(Routes.READY).statusCode());
    }

    @Test
    void hostile_shapes_get_clear_answers() throws Exception {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        String deepMap = "a:\n" + " b:\n".repeat(1);
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            nested.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        String cycle = "apiVersion: v1\nkind: Pod\nmetadata: &m {name: a, labels: *m}\n";
        for (String input : List.of(deep, deepMap, nested.toString(), bomb, cycle, "\u0000", "---\n---\n---\n", "",
                "kind: List\nitems: " + "[".repeat(100) + "]".repeat(100))) {
            HttpResponse<String> response = server.post(Routes.API_EVALUATE, "application/yaml", input);
            checkApi(-1, input, response);
        }
        assertEquals(200, server.get(Routes.HEALTH).statusCode());
    }

    private static String form(String input, Random random) {
        return "scenario=" + URLEncoder.encode(input, StandardCharsets.UTF_8) + "&cell="
                + URLEncoder.encode(random.nextInt(4) + ":" + random.nextInt(4) + ":" + pick(random,
                new String[] {"0", "all", "-1", "99", "x"}), StandardCharsets.UTF_8)
                + "&view=" + pick(random, new String[] {"all", "0", "1", "-5", "zz"}) + "&ns=" + pick(random,
                new String[] {"", "default", "<b>"});
    }

    private static void checkApi(int i, String input, HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        if (status < 200 || status >= 500) {
            fail("request " + i + " (seed " + SEED + ") answered " + status + ": " + response.body()
                    + "\ninput: " + abbreviate(input));
        }
        if (status >= 400 && status != 413) {
            JsonNode errors = JSON.readTree(response.body()).get("errors");
            assertTrue(errors != null && errors.size() > 0 && !errors.get(0).get("message").asText().isBlank(),
                    "a 4xx says why: " + response.body());
        }
    }

    private static void checkPage(int i, String input, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 200 || status >= 500) {
            fail("request " + i + " (seed " + SEED + ") answered " + status + ": " + abbreviate(response.body())
                    + "\ninput: " + abbreviate(input));
        }
        assertTrue(!response.body().isBlank(), "an answer with a body");
    }

    private static String mutate(Random random) {
        String text = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            switch (random.nextInt(11)) {
                case 0 -> text = text.substring(0, at);
                case 1 -> text = text.substring(0, at) + (char) (text.isEmpty() ? 'x' : text.charAt(at) ^ (1 << random.nextInt(7)))
                        + text.substring(Math.min(text.length(), at + 1));
                case 2 -> text = text.substring(0, at) + pick(random, ODD) + text.substring(at);
                case 3 -> text = replaceValue(text, random);
                case 4 -> {
                    String[] lines = text.split("\n", -1);
                    int line = random.nextInt(lines.length);
                    text = text + "\n" + lines[line];
                }
                case 5 -> {
                    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                    lines.remove(random.nextInt(lines.size()));
                    text = String.join("\n", lines);
                }
                case 6 -> text = text.replaceFirst("  ", random.nextBoolean() ? "\t" : " ");
                case 7 -> text = text + "\n---\n" + seeds.get(random.nextInt(seeds.size()));
                case 8 -> text = aliased(text, random);
                case 9 -> text = text.substring(0, at) + longLine(random) + text.substring(at);
                default -> text = randomYaml(random, 0);
            }
        }
        return text;
    }

    /** Anchors a value and uses it again, often: an alias bomb in front, or labels shared by every object. */
    private static String aliased(String text, Random random) {
        if (random.nextBoolean()) {
            return HostileInputs.aliasBomb(1 + random.nextInt(10), pick(random, VALUES)) + "---\n" + text;
        }
        String anchored = text.replaceFirst("labels:", "labels: &shared");
        return anchored.replaceAll("(?m)^(\\s+)labels:\\s*$", "$1labels: *shared\n$1_: x")
                .replaceAll("(?m)^(\\s+)name: (\\S+)$", "$1name: $2\n$1extra: " + "[*shared, ".repeat(1 + random.nextInt(8))
                        + "*shared" + "]".repeat(1 + random.nextInt(8)));
    }

    /** One line of 10 KB to 300 KB: a comment, a plain or quoted value, or a flow list. */
    private static String longLine(Random random) {
        int length = 10_000 + random.nextInt(290_000);
        switch (random.nextInt(4)) {
            case 0:
                return "\n# " + "c".repeat(length) + "\n";
            case 1:
                return "\nlong: " + "v".repeat(length) + "\n";
            case 2:
                return "\nlong: \"" + "q".repeat(length) + "\"\n";
            default:
                return "\nlong: [" + "1, ".repeat(length / 3) + "2]\n";
        }
    }

    private static String replaceValue(String text, Random random) {
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        int colon = lines[line].indexOf(": ");
        if (colon >= 0) {
            lines[line] = lines[line].substring(0, colon + 2) + pick(random, VALUES);
        }
        return String.join("\n", lines);
    }

    private static String randomYaml(Random random, int depth) {
        String[] keys = {"apiVersion", "kind", "metadata", "name", "namespace", "labels", "spec", "podSelector",
            "ingress", "egress", "from", "to", "ports", "port", "protocol", "ipBlock", "cidr", "except", "items",
            "matchLabels", "matchExpressions", "policyTypes", "containers", "status", "podIP"};
        if (depth > 4 || random.nextInt(3) == 0) {
            return random.nextBoolean() ? pick(random, VALUES) : pick(random, new String[] {"Pod", "NetworkPolicy",
                "List", "Namespace", "v1", "networking.k8s.io/v1", "x", "10.0.0.0/8"});
        }
        StringBuilder out = new StringBuilder("{");
        int entries = random.nextInt(4);
        for (int e = 0; e < entries; e++) {
            out.append(e == 0 ? "" : ", ").append(pick(random, keys)).append(": ")
                    .append(random.nextInt(3) == 0 ? "[" + randomYaml(random, depth + 1) + "]" : randomYaml(random, depth + 1));
        }
        return out.append("}").toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
