package dev.netpolplayground.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exercise texts stored before the checks at creation existed still render, and never run script. */
class MarkdownTest {
    @Test
    void links_other_than_web_and_mail_lose_their_target() {
        String html = Markdown.html("[a](javascript:alert(1)) [b](data:text/html,x) ![c](data:image/png;base64,AA)"
                + " [d](JAVA\tSCRIPT:alert(1)) [e](https://example.org/) [f](/exercises) [g](mailto:t@example.org)");
        assertFalse(html.toLowerCase().contains("javascript"), html);
        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains("href=\"https://example.org/\""), html);
        assertTrue(html.contains("href=\"/exercises\""), html);
        assertTrue(html.contains("href=\"mailto:t@example.org\""), html);
    }

    @Test
    void a_text_nested_past_the_limit_is_shown_as_plain_text_instead_of_overflowing_the_renderer() {
        String html = Markdown.html(">".repeat(50_000) + " <b>deep</b>");
        assertTrue(html.startsWith("<pre>&gt;&gt;&gt;"), html.substring(0, 40));
        assertTrue(html.endsWith(" &lt;b&gt;deep&lt;/b&gt;</pre>"));
    }

    @Test
    void nesting_up_to_the_limit_is_accepted_and_rendered() {
        String quotes = "> ".repeat(Markdown.MAX_NESTING - 2) + "text";
        assertEquals(java.util.Optional.empty(), Markdown.problem("brief", quotes));
        assertTrue(Markdown.html(quotes).contains("<blockquote>"));
    }
}
