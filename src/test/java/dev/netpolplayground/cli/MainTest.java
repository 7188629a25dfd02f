package dev.netpolplayground.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private static final String DENY = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {pod: a}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x, labels: {pod: b}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-to-b, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: b}}
            """;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eval_prints_a_truth_table_per_probe_with_sources_as_rows() {
        Run run = run(DENY, "eval", "--probes", "80/TCP", "-");
        assertEquals(0, run.code(), run.err());
        assertEquals("80/TCP\n    x/a x/b\nx/a .   X  \nx/b .   .  \n\n", run.out());
        assertTrue(run.err().contains("namespace 'x' is not declared"), run.err());
    }

    @Test
    void eval_reads_a_file_and_writes_json_csv_and_markdown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, DENY);
        Run json = run("", "eval", "--format", "json", "--probes", "80/TCP", file.toString());
        assertEquals(0, json.code());
        assertTrue(json.out().contains("\"cells\""), json.out());
        Run csv = run("", "eval", "--format", "csv", "--probes", "80/TCP", file.toString());
        assertTrue(csv.out().contains("x/a,x/b,80,TCP,false,true,false"), csv.out());
        Run md = run("", "eval", "--format", "md", "--probes", "80/TCP", file.toString());
        assertTrue(md.out().contains("| x/a | ✓ | ✗ |"), md.out());
    }

    @Test
    void explain_prints_one_cell_in_sentences() {
        Run run = run(DENY, "eval", "--probes", "80/TCP", "--explain", "x/a", "x/b", "-");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Denied: x/a → x/b on 80/TCP"), run.out());
        assertTrue(run.out().contains("NetworkPolicy 'x/deny-to-b' selects x/b but has no ingress rules"), run.out());
    }

    @Test
    void invalid_input_exits_2_with_located_problems_on_stderr() {
        Run run = run("kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: p}\nspec: {podSelector: {}, ingress: [{from: [{}]}]}\n",
                "eval", "-");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("<stdin>:4:"), run.err());
        assertTrue(run.err().contains("must specify a peer"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void bench_ends_with_cells_and_milliseconds() {
        Run run = run("", "bench", "--pods", "200", "--policies", "30", "--namespaces", "5", "--runs", "2");
        assertEquals(0, run.code(), run.out());
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("cells=160000 ms=[0-9.]+"), lines[lines.length - 1]);
    }

    @Test
    void unknown_command_is_a_usage_error() {
        Run run = run("", "frobnicate");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("usage:"));
    }

    @Test
    void serve_refuses_settings_that_cannot_work_before_opening_anything() {
        for (String[] flags : new String[][] {{"--concurrent-evaluations", "0"}, {"--warm-up-seconds", "-1"},
                {"--remember-mib", "-5"}, {"--shares-per-minute", "0"}}) {
            Run run = run("", "serve", flags[0], flags[1], "--db-url", "jdbc:h2:mem:never-opened");
            assertEquals(2, run.code(), String.join(" ", flags));
            assertTrue(run.err().contains("need at least"), run.err());
        }
        Run words = run("", "serve", "--concurrent-evaluations", "many");
        assertEquals(2, words.code());
        assertTrue(words.err().contains("--concurrent-evaluations needs a whole number, not 'many'"), words.err());
    }
}
