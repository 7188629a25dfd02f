package dev.netpolplayground.parse;

import dev.netpolplayground.model.Problem;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small texts that expand into enormous work: each is refused, or read, with a bounded amount of
 * memory allocated on the reading thread (measured, not timed), at the server's limits.
 */
class HostileInputTest {
    private static final ScenarioParser SERVER = new ScenarioParser(new ScenarioParser.Limits(2 * 1024 * 1024, 100,
            20_000, 1_000_000));
    private static final long MAX_ALLOCATED = 64L << 20;

    @Test
    void aliases_that_expand_past_a_million_nodes_are_refused_as_too_large() {
        String bomb = HostileInputs.aliasBomb(10, "x");
        assertTrue(bomb.length() < 700);
        Parsed.Failed failed = refused(bomb);
        assertEquals(Parsed.Refusal.TOO_LARGE, failed.refusal());
        assertTrue(failed.errors().get(0).message().contains("once its aliases (*name) are expanded, the input has"
                + " 23,456,790,134 YAML nodes, more than the 1,000,000 read here"), failed.errors().toString());
    }

    @Test
    void a_long_value_behind_an_anchor_counts_each_time_it_is_used() {
        String text = "v: &v " + "1".repeat(200_000) + "\nl: [" + "*v, ".repeat(5_000) + "]\n";
        Parsed.Failed failed = refused(text);
        assertEquals(Parsed.Refusal.TOO_LARGE, failed.refusal());
        assertTrue(failed.errors().get(0).message().contains("values add up to 1,000,2"), failed.errors().toString());
    }

    @Test
    void an_alias_used_deep_inside_counts_its_own_depth() {
        StringBuilder text = new StringBuilder("a: &deep ");
        text.append("[".repeat(40)).append("x").append("]".repeat(40)).append("\nb: ");
        text.append("[".repeat(40)).append("*deep").append("]".repeat(40)).append("\n");
        Parsed.Failed failed = refused(text.toString());
        assertEquals(Parsed.Refusal.TOO_LARGE, failed.refusal());
        assertTrue(failed.errors().get(0).message().contains("nested more than 64 levels deep"), failed.errors().toString());
    }

    @Test
    void a_flood_of_warnings_is_listed_up_to_a_hundred_and_counted() {
        String text = HostileInputs.aliasBomb(4, "yes, yes, yes, yes, yes, yes, yes, yes");
        Parsed parsed = withinBudget(() -> SERVER.parse(text));
        List<Problem> warnings = parsed.warnings();
        assertEquals(Problem.LISTED + 1, warnings.size());
        assertTrue(warnings.get(Problem.LISTED).message().startsWith("... and 88,788 more warnings (only the first 100"
                + " are listed)"), warnings.get(Problem.LISTED).message());
    }

    @Test
    void a_flood_of_errors_is_listed_up_to_a_hundred_and_counted() {
        Parsed.Failed failed = refused("{}\n---\n".repeat(15_000));
        assertEquals(Parsed.Refusal.INVALID, failed.refusal());
        assertEquals(Problem.LISTED + 1, failed.errors().size());
        assertTrue(failed.errors().get(Problem.LISTED).message().contains("14,900 more errors"));
    }

    @Test
    void values_quoted_in_messages_are_cut_short() {
        String number = "9".repeat(1_900_000);
        Parsed.Failed failed = refused("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: "
                + number + "\nspec:\n  " + "x".repeat(1_000) + ": 1\n");
        assertEquals(3, failed.errors().size(), failed.errors().toString());
        for (Problem problem : failed.errors()) {
            assertTrue(problem.message().length() < 300 && problem.path().length() < 300, problem.toString());
        }
    }

    /**
     * snakeyaml reads in chunks and copies what it holds unconsumed on every read; a 2 MiB token
     * read 1,024 chars at a time allocated gigabytes (the read size now grows with the text).
     */
    @Test
    void one_long_line_is_read_with_memory_in_proportion_to_its_length() {
        String namespace = "\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n";
        for (String line : List.of("# " + "c".repeat(2 * 1024 * 1024 - 100), "a: " + "v".repeat(2 * 1024 * 1024 - 100),
                "a: \"" + "q".repeat(2 * 1024 * 1024 - 100) + "\"")) {
            Parsed parsed = withinBudget(() -> SERVER.parse(line + "\n---" + namespace));
            assertTrue(parsed.warnings().isEmpty() || parsed instanceof Parsed.Failed, parsed.toString());
        }
    }

    @Test
    void more_pods_without_an_address_than_the_assigned_range_holds_is_a_problem_not_a_hang() {
        Parsed.Failed failed = assertInstanceOf(Parsed.Failed.class, new ScenarioParser().parse(HostileInputs.pods(65_535)));
        assertTrue(failed.errors().get(0).message().startsWith("more than 65,534 pods and workloads have no IP in"
                + " status, so 10.244.0.0/16 has no address left"), failed.errors().toString());
    }

    @Test
    void full_width_digits_are_not_numbers() {
        List<Problem> problems = new java.util.ArrayList<>();
        assertTrue(Options.probes("８０/TCP", problems).isEmpty());
        assertEquals(1, problems.size());
        assertTrue(dev.netpolplayground.model.IpAddress.parse("１０.0.0.1").isEmpty());
        assertTrue(dev.netpolplayground.model.Cidr.parse("10.0.0.0/８").isEmpty());
        assertTrue(dev.netpolplayground.model.IpAddress.parse("2001:db8::１").isEmpty());
    }

    private static Parsed.Failed refused(String text) {
        return assertInstanceOf(Parsed.Failed.class, withinBudget(() -> SERVER.parse(text)));
    }

    /** Runs {@code work} on this thread and checks what it allocated there. */
    static <T> T withinBudget(Supplier<T> work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        T result = work.get();
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < MAX_ALLOCATED, "allocated " + (allocated >> 20) + " MiB");
        return result;
    }
}
