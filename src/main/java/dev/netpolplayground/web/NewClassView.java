package dev.netpolplayground.web;

import java.util.List;

/**
 * The form a teacher makes a class with: title, optional end, exercises from the catalog (ticked)
 * and teacher-made ones (pasted links), and what was wrong with the last attempt.
 */
public record NewClassView(String title, String ends, String links, List<Choice> builtIns, List<String> problems) {
    /** A catalog exercise to tick. */
    public record Choice(String id, String title, String level, String summary, boolean checked) {
    }
}
