package dev.netpolplayground.eval;

import dev.netpolplayground.eval.reference.RandomScenarios;
import dev.netpolplayground.eval.reference.ReferenceEvaluator;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of the matrix over random scenarios, checked cell by cell against a deliberately plain
 * reference evaluator. Every failure names its seed; rerun just that one with
 * {@code mvn test -Dtest=PropertiesTest -Dnetpol.seed=<seed>}.
 */
class PropertiesTest {
    private static final int SEEDS = 600;
    private static final int LARGE_SEEDS = 60;
    private static final int SHOWN_DIFFERENCES = 5;

    static LongStream seeds() {
        String one = System.getProperty("netpol.seed");
        if (one != null && !one.isBlank()) {
            return LongStream.of(Long.parseLong(one.trim()));
        }
        return new SplittableRandom(0x6E6574706F6CL).longs(SEEDS);
    }

    static LongStream largeSeeds() {
        return seeds().limit(LARGE_SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engine_and_explained_verdict_agree_with_the_reference_on_every_cell(long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.generate(random);
        List<Probe> probes = RandomScenarios.probes(random, scenario);
        check(seed, scenario, probes, "", disagreements(scenario, probes));
    }

    /**
     * Random cluster policies of every kind and tier, with priorities tied on purpose: the engine's
     * masks and the explained walk must match the reference that tries every allowed order.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tiers_agree_with_the_reference_that_walks_every_order(long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.withTiers(random, RandomScenarios.generate(random));
        List<Probe> probes = RandomScenarios.probes(random, scenario);
        check(seed, scenario, probes, "", tierDisagreements(scenario, probes));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("largeSeeds")
    void tiers_agree_with_the_reference_on_matrices_wider_than_a_word(long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.withTiers(random, RandomScenarios.generate(random, 60, 150));
        List<Probe> probes = RandomScenarios.probes(random, scenario);
        check(seed, scenario, probes, "", tierDisagreements(scenario, probes));
    }

    @Test
    void random_tiers_hit_undefined_cells_and_both_verdicts() {
        java.util.Map<Reach, Long> counts = new java.util.EnumMap<>(Reach.class);
        seeds().limit(200).forEach(seed -> {
            Random random = new Random(seed);
            Scenario scenario = RandomScenarios.withTiers(random, RandomScenarios.generate(random));
            List<Probe> probes = RandomScenarios.probes(random, scenario);
            Matrix matrix = Evaluator.evaluate(scenario, probes);
            for (Cell cell : Cell.all(matrix)) {
                counts.merge(matrix.reach(cell.from(), cell.to(), cell.probe()), 1L, Long::sum);
            }
        });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(counts.getOrDefault(Reach.UNDEFINED, 0L) * 200 >= total, counts.toString());
        assertTrue(counts.getOrDefault(Reach.DENIED, 0L) * 10 >= total, counts.toString());
        assertTrue(counts.getOrDefault(Reach.ALLOWED, 0L) * 10 >= total, counts.toString());
    }

    private static List<String> tierDisagreements(Scenario scenario, List<Probe> probes) {
        Matrix matrix = Evaluator.evaluate(scenario, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(matrix)) {
            Endpoint from = cell.from(matrix);
            Endpoint to = cell.to(matrix);
            Probe probe = probes.get(cell.probe());
            Reach expected = ReferenceEvaluator.reach(scenario, from, to, probe);
            Reach fast = matrix.reach(cell.from(), cell.to(), cell.probe());
            Reach explained = cell.verdict(matrix).reach();
            if (fast != expected || explained != expected) {
                differences.add(cell.describe(matrix) + ": reference " + expected + ", engine " + fast
                        + " (egress " + matrix.egressReach(cell.from(), cell.to(), cell.probe()) + ", ingress "
                        + matrix.ingressReach(cell.from(), cell.to(), cell.probe()) + "), explained verdict "
                        + explained);
            }
        }
        return differences;
    }

    /** Matrices wider than a 64-bit word exercise the engine's multi-word rows. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("largeSeeds")
    void engine_agrees_with_the_reference_on_matrices_wider_than_a_word(long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.generate(random, 60, 150);
        List<Probe> probes = RandomScenarios.probes(random, scenario);
        check(seed, scenario, probes, "", disagreements(scenario, probes));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void without_policies_every_cell_is_allowed(long seed) {
        Random random = new Random(seed);
        Scenario generated = RandomScenarios.generate(random);
        Scenario scenario = new Scenario(generated.namespaces(), generated.endpoints(), List.of());
        List<Probe> probes = RandomScenarios.probes(random, generated);
        Matrix matrix = Evaluator.evaluate(scenario, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(matrix)) {
            if (!cell.allowed(matrix) || !cell.egress(matrix) || !cell.ingress(matrix)) {
                differences.add(cell.describe(matrix) + ": denied although no policy exists");
            }
        }
        check(seed, scenario, probes, "", differences);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void adding_an_allow_rule_never_removes_reachability(long seed) {
        Random random = new Random(seed);
        Scenario before = withSomeIsolatingPolicy(random, RandomScenarios.generate(random));
        List<Integer> isolating = new ArrayList<>();
        List<Integer> isolatingSomeone = new ArrayList<>();
        for (int i = 0; i < before.policies().size(); i++) {
            Policy candidate = before.policies().get(i);
            if (!candidate.isolates().isEmpty()) {
                isolating.add(i);
                if (before.endpoints().stream().anyMatch(e -> ReferenceEvaluator.selects(candidate, e))) {
                    isolatingSomeone.add(i);
                }
            }
        }
        List<Integer> targets = isolatingSomeone.isEmpty() ? isolating : isolatingSomeone;
        int target = targets.get(random.nextInt(targets.size()));
        Policy policy = before.policies().get(target);
        List<Direction> directions = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            if (policy.isolates(direction)) {
                directions.add(direction);
            }
        }
        Direction direction = directions.get(random.nextInt(directions.size()));
        Rule rule = RandomScenarios.newRule(random, before, policy, direction);
        List<Rule> ingress = new ArrayList<>(policy.ingress());
        List<Rule> egress = new ArrayList<>(policy.egress());
        (direction == Direction.INGRESS ? ingress : egress).add(rule);
        List<Policy> policies = new ArrayList<>(before.policies());
        policies.set(target, new Policy(policy.namespace(), policy.name(), policy.podSelector(), policy.isolates(),
                ingress, egress, policy.source()));
        Scenario after = new Scenario(before.namespaces(), before.endpoints(), policies);

        List<Probe> probes = RandomScenarios.probes(random, after);
        Matrix old = Evaluator.evaluate(before, probes);
        Matrix now = Evaluator.evaluate(after, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(old)) {
            if (cell.allowed(old) && !cell.allowed(now)) {
                differences.add(cell.describe(old) + ": allowed before the rule was added, denied after");
            }
        }
        check(seed, before, probes, "added to " + policy.id() + ": " + RandomScenarios.describe(rule), differences);
    }

    /**
     * Policies only add allowances, so a new policy changes a cell only through an end it selects for a
     * direction it isolates; it takes reachability away there, and it can give some back only where
     * that end was already isolated for that direction by another policy.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_new_policy_only_changes_cells_whose_subject_it_selects(long seed) {
        Random random = new Random(seed);
        Scenario before = RandomScenarios.generate(random);
        Policy added = RandomScenarios.newPolicy(random, before);
        List<Policy> policies = new ArrayList<>(before.policies());
        policies.add(random.nextInt(policies.size() + 1), added);
        Scenario after = new Scenario(before.namespaces(), before.endpoints(), policies);

        List<Probe> probes = RandomScenarios.probes(random, after);
        Matrix old = Evaluator.evaluate(before, probes);
        Matrix now = Evaluator.evaluate(after, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(old)) {
            boolean was = cell.allowed(old);
            boolean is = cell.allowed(now);
            if (was == is) {
                continue;
            }
            Endpoint from = cell.from(old);
            Endpoint to = cell.to(old);
            boolean egressSubject = added.isolates(Direction.EGRESS) && ReferenceEvaluator.selects(added, from);
            boolean ingressSubject = added.isolates(Direction.INGRESS) && ReferenceEvaluator.selects(added, to);
            if (!egressSubject && !ingressSubject) {
                differences.add(cell.describe(old) + ": changed from " + was + " to " + is
                        + " although the new policy selects neither the source for egress nor the destination"
                        + " for ingress");
            } else if (is) {
                boolean egressWasIsolated = egressSubject
                        && ReferenceEvaluator.isolated(before, from, Direction.EGRESS);
                boolean ingressWasIsolated = ingressSubject
                        && ReferenceEvaluator.isolated(before, to, Direction.INGRESS);
                if (!egressWasIsolated && !ingressWasIsolated) {
                    differences.add(cell.describe(old) + ": became allowed, but the new policy newly isolates"
                            + " the ends it selects, so it can only take reachability away");
                }
            }
        }
        check(seed, before, probes, "added policy: " + RandomScenarios.describe(added), differences);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_matrix_does_not_depend_on_the_order_of_policies(long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.generate(random);
        List<Probe> probes = RandomScenarios.probes(random, scenario);
        List<Policy> shuffled = new ArrayList<>(scenario.policies());
        Collections.shuffle(shuffled, random);
        Scenario reordered = new Scenario(scenario.namespaces(), scenario.endpoints(), shuffled);
        Matrix original = Evaluator.evaluate(scenario, probes);
        Matrix other = Evaluator.evaluate(reordered, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(original)) {
            if (cell.allowed(original) != cell.allowed(other) || cell.egress(original) != cell.egress(other)
                    || cell.ingress(original) != cell.ingress(other)) {
                differences.add(cell.describe(original) + ": " + cell.allowed(original) + " in the given order, "
                        + cell.allowed(other) + " after shuffling");
            }
        }
        String order = shuffled.stream().map(Policy::id).collect(Collectors.joining(", "));
        check(seed, scenario, probes, "shuffled order: " + order, differences);
    }

    /** The properties above say little if the generator only made all-open or all-closed matrices. */
    @Test
    void random_scenarios_hit_allowed_and_denied_cells_alike() {
        long allowed = 0;
        long denied = 0;
        int mixed = 0;
        for (long seed : seeds().toArray()) {
            Random random = new Random(seed);
            Scenario scenario = RandomScenarios.generate(random);
            List<Probe> probes = RandomScenarios.probes(random, scenario);
            long allowedHere = 0;
            long deniedHere = 0;
            Matrix matrix = Evaluator.evaluate(scenario, probes);
            for (Cell cell : Cell.all(matrix)) {
                if (cell.from() == cell.to()) {
                    continue;
                }
                Probe probe = probes.get(cell.probe());
                if (ReferenceEvaluator.allowed(scenario, cell.from(matrix), cell.to(matrix), probe)) {
                    allowedHere++;
                } else {
                    deniedHere++;
                }
            }
            allowed += allowedHere;
            denied += deniedHere;
            mixed += allowedHere > 0 && deniedHere > 0 ? 1 : 0;
        }
        long total = allowed + denied;
        String counts = allowed + " allowed, " + denied + " denied, " + mixed + " scenarios with both";
        if (System.getProperty("netpol.seed") == null) {
            assertTrue(allowed * 5 >= total && denied * 5 >= total, counts);
            assertTrue(mixed * 3 >= SEEDS, counts);
        }
    }

    private static List<String> disagreements(Scenario scenario, List<Probe> probes) {
        Matrix matrix = Evaluator.evaluate(scenario, probes);
        List<String> differences = new ArrayList<>();
        for (Cell cell : Cell.all(matrix)) {
            Endpoint from = cell.from(matrix);
            Endpoint to = cell.to(matrix);
            Probe probe = probes.get(cell.probe());
            boolean expected = ReferenceEvaluator.allowed(scenario, from, to, probe);
            boolean expectedEgress = ReferenceEvaluator.egressAllowed(scenario, from, to, probe);
            boolean expectedIngress = ReferenceEvaluator.ingressAllowed(scenario, from, to, probe);
            boolean fast = cell.allowed(matrix);
            boolean explained = cell.verdict(matrix).allowed();
            if (fast != expected || explained != expected || cell.egress(matrix) != expectedEgress
                    || cell.ingress(matrix) != expectedIngress) {
                differences.add(cell.describe(matrix) + ": reference " + expected + " (egress " + expectedEgress
                        + ", ingress " + expectedIngress + "), engine " + fast + " (egress " + cell.egress(matrix)
                        + ", ingress " + cell.ingress(matrix) + "), explained verdict " + explained);
            }
        }
        return differences;
    }

    private static Scenario withSomeIsolatingPolicy(Random random, Scenario scenario) {
        if (scenario.policies().stream().anyMatch(policy -> !policy.isolates().isEmpty())) {
            return scenario;
        }
        List<Policy> policies = new ArrayList<>(scenario.policies());
        policies.add(RandomScenarios.newPolicy(random, scenario));
        return new Scenario(scenario.namespaces(), scenario.endpoints(), policies);
    }

    private static void check(long seed, Scenario scenario, List<Probe> probes, String change,
                              List<String> differences) {
        if (differences.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("seed " + seed + " (rerun: mvn test -Dtest=PropertiesTest"
                + " -Dnetpol.seed=" + seed + "): " + differences.size() + " cell(s) wrong\n");
        differences.stream().limit(SHOWN_DIFFERENCES).forEach(line -> message.append("  ").append(line).append('\n'));
        if (differences.size() > SHOWN_DIFFERENCES) {
            message.append("  …\n");
        }
        if (!change.isEmpty()) {
            message.append(change).append('\n');
        }
        message.append("probes: ").append(probes).append('\n').append(RandomScenarios.describe(scenario));
        fail(message.toString());
    }

    /** One applicable cell of the matrix: source index, destination index, probe index. */
    private record Cell(int from, int to, int probe) {
        static List<Cell> all(Matrix matrix) {
            List<Cell> cells = new ArrayList<>();
            int size = matrix.endpoints().size();
            for (int p = 0; p < matrix.probes().size(); p++) {
                for (int s = 0; s < size; s++) {
                    for (int d = 0; d < size; d++) {
                        if (matrix.applicable(s, d)) {
                            cells.add(new Cell(s, d, p));
                        }
                    }
                }
            }
            return cells;
        }

        Endpoint from(Matrix matrix) {
            return matrix.endpoints().get(from);
        }

        Endpoint to(Matrix matrix) {
            return matrix.endpoints().get(to);
        }

        boolean allowed(Matrix matrix) {
            return matrix.allowed(from, to, probe);
        }

        boolean egress(Matrix matrix) {
            return matrix.egressReach(from, to, probe) == Reach.ALLOWED;
        }

        boolean ingress(Matrix matrix) {
            return matrix.ingressReach(from, to, probe) == Reach.ALLOWED;
        }

        Verdict verdict(Matrix matrix) {
            return matrix.verdict(from, to, probe);
        }

        String describe(Matrix matrix) {
            return matrix.probes().get(probe) + " " + from(matrix).id() + " -> " + to(matrix).id();
        }
    }
}
