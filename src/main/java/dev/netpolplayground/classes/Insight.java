package dev.netpolplayground.classes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What to explain next about one exercise (counted from 1), read from each student's latest Check:
 * the cells most students still get wrong, and the wrong answer most of them share.
 *
 * @param working students with at least one Check on it
 * @param solved  students whose latest Check solved it
 */
public record Insight(int exercise, int working, int solved, List<MissedPair> mostMissed,
                      Optional<CommonAnswer> commonWrong) {
    /** How many pairs the teacher is shown per exercise. */
    public static final int TOP_PAIRS = 5;

    /**
     * A pair the goal expects {@code expected} on the listed probes, and how many students' latest
     * Check got it wrong on at least one of them.
     */
    public record MissedPair(String from, String to, List<String> probes, boolean expected, int students) {
    }

    /** One wrong answer (up to blank and comment lines) that {@code students} share as their latest. */
    public record CommonAnswer(String answer, int students, int differingPairs) {
    }

    /** The insight for every exercise of a class of {@code exercises}, from the latest Check per student and exercise. */
    public static List<Insight> of(int exercises, List<Attempt> latest) {
        Map<Integer, List<Attempt>> byExercise = latest.stream().collect(Collectors.groupingBy(Attempt::exercise));
        List<Insight> insights = new ArrayList<>();
        for (int exercise = 1; exercise <= exercises; exercise++) {
            insights.add(ofOne(exercise, byExercise.getOrDefault(exercise, List.of())));
        }
        return insights;
    }

    private static Insight ofOne(int exercise, List<Attempt> latest) {
        List<Attempt> wrong = latest.stream().filter(a -> !a.solved()).toList();
        Map<String, SortedSet<String>> probes = new LinkedHashMap<>();
        Map<String, Attempt.Cell> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Attempt attempt : wrong) {
            Set<String> pairs = new HashSet<>();
            for (Attempt.Cell cell : attempt.cells()) {
                String pair = cell.from() + "|" + cell.to() + "|" + cell.expected();
                first.putIfAbsent(pair, cell);
                probes.computeIfAbsent(pair, p -> new TreeSet<>()).add(cell.probe());
                if (pairs.add(pair)) {
                    counts.merge(pair, 1, Integer::sum);
                }
            }
        }
        List<MissedPair> missed = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_PAIRS).map(e -> {
                    Attempt.Cell cell = first.get(e.getKey());
                    return new MissedPair(cell.from(), cell.to(), List.copyOf(probes.get(e.getKey())), cell.expected(),
                            e.getValue());
                }).toList();
        Map<String, List<Attempt>> answers = wrong.stream().collect(Collectors.groupingBy(
                a -> Answers.normalized(a.answer()), LinkedHashMap::new, Collectors.toList()));
        Optional<CommonAnswer> common = answers.values().stream().filter(group -> group.size() >= 2)
                .max(Comparator.comparingInt(List::size))
                .map(group -> new CommonAnswer(group.get(0).answer(), group.size(), group.get(0).differingPairs()));
        return new Insight(exercise, latest.size(), latest.size() - wrong.size(), missed, common);
    }
}
