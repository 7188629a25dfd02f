package dev.netpolplayground.web;

import java.util.List;

/**
 * The playground page: the editor with what the user typed, the examples menu and the result.
 *
 * @param source where the text came from: "draft" (the browser may restore a local draft),
 *               "link", "shared", "example" or "form" (the page shows what was asked for)
 */
public record PageView(PlaygroundForm form, List<Examples.Example> examples, ResultView result, String source,
                       String notice) {
}
