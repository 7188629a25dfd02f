package dev.netpolplayground.web;

/**
 * The page a teacher lands on after making an exercise: the handout link to copy, and the title,
 * level and brief as students will see them.
 *
 * @param link the exercise's path, "/x/{id}"; the page shows it as a full address
 */
public record CreatedView(String link, String title, String level, String briefHtml) {
}
