package dev.netpolplayground.classes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class's results as CSV (RFC 4180), one row per student and exercise. Display names are the
 * students' own text: a field that a spreadsheet would read as a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe, so that opening the file runs nothing.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    public static String of(List<String> titles, List<Student> students, List<Progress> progress) {
        Map<String, Progress> byCell = new HashMap<>();
        for (Progress p : progress) {
            byCell.put(p.studentId() + "\n" + p.exercise(), p);
        }
        StringBuilder csv = new StringBuilder(
                "student,joined_at,exercise,exercise_title,solved,checks,last_check_at,last_differing_pairs\r\n");
        for (Student student : students) {
            for (int number = 1; number <= titles.size(); number++) {
                Progress p = byCell.get(student.id() + "\n" + number);
                csv.append(field(student.name())).append(',').append(student.joinedAt()).append(',')
                        .append(number).append(',').append(field(titles.get(number - 1))).append(',')
                        .append(p != null && p.solved()).append(',').append(p == null ? 0 : p.attempts()).append(',')
                        .append(p == null ? "" : p.lastAt().toString()).append(',')
                        .append(p == null || p.lastDifferingPairs() < 0 ? "" : String.valueOf(p.lastDifferingPairs()))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
