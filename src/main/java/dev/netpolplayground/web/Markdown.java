package dev.netpolplayground.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Exercise briefs and debriefs as HTML. Raw HTML in the Markdown is escaped, and link targets
 * other than http, https and mailto are dropped, so a brief can never run script.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
