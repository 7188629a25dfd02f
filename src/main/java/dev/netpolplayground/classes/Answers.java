package dev.netpolplayground.classes;

import java.util.stream.Collectors;

/** When two students' answers are the same answer. */
final class Answers {
    private Answers() {
    }

    /** The answer without trailing spaces, blank lines and comment lines: what a reader would call the same text. */
    static String normalized(String answer) {
        return answer.lines().map(String::stripTrailing)
                .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                .collect(Collectors.joining("\n"));
    }
}
