package dev.netpolplayground.web;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise briefs and debriefs as HTML. Raw HTML in the Markdown is escaped, and link targets
 * other than http, https, mailto and relative ones are dropped, so a brief can never run script.
 * A text meant to be stored is {@link #problem checked} first: the renderer walks the document
 * recursively, so 50,000 nested quotes would overflow its stack on every view of a page whose
 * link never changes.
 */
final class Markdown {
    /** Deepest nesting of blocks and inlines (quotes in lists in emphasis…) an exercise text may have. */
    static final int MAX_NESTING = 24;
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new WebLinksOnly()).build();

    private Markdown() {
    }

    static String html(String markdown) {
        Node document = PARSER.parse(markdown);
        if (Shape.of(document).depth() > MAX_NESTING) {
            return "<pre>" + escape(markdown) + "</pre>";
        }
        return RENDERER.render(document);
    }

    /**
     * One line for a card: the first sentence of the first paragraph (headings skipped), as plain
     * text, at most 160 characters.
     */
    static String summary(String markdown) {
        Node document = PARSER.parse(markdown);
        if (Shape.of(document).depth() > MAX_NESTING) {
            return "";
        }
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph) {
                StringBuilder text = new StringBuilder();
                plainText(block, text);
                String paragraph = text.toString().replaceAll("\\s+", " ").strip();
                Matcher end = SENTENCE_END.matcher(paragraph);
                String sentence = end.find() ? paragraph.substring(0, end.start() + 1) : paragraph;
                return sentence.length() > 160 ? sentence.substring(0, 157) + "..." : sentence;
            }
        }
        return "";
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:](?=\\s|$)");

    /** The literal text under {@code node}, in order; the paragraph is at most {@link #MAX_NESTING} deep. */
    private static void plainText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text) {
                text.append(((Text) child).getLiteral());
            } else if (child instanceof Code) {
                text.append(((Code) child).getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else {
                plainText(child, text);
            }
        }
    }

    /** Why this text cannot be stored as an exercise's Markdown, or empty when it can. */
    static Optional<String> problem(String what, String markdown) {
        Shape shape = Shape.of(PARSER.parse(markdown));
        if (shape.depth() > MAX_NESTING) {
            return Optional.of("The " + what + " nests quotes, lists or emphasis more than " + MAX_NESTING
                    + " levels deep; flatten it.");
        }
        return shape.refusedLink().map(link -> "The " + what + " links to '"
                + (link.length() <= 60 ? link : link.substring(0, 57) + "...") + "': links may only go to http:,"
                + " https: or mailto: addresses, or to pages of this site.");
    }

    /** How deep a document nests, and its first link or image whose target is refused. */
    private record Shape(int depth, Optional<String> refusedLink) {
        /** Walks the tree in document order without recursion (the depth is what is in question). */
        static Shape of(Node document) {
            int deepest = 0;
            int depth = 0;
            Optional<String> refused = Optional.empty();
            Node node = document;
            while (node != null) {
                deepest = Math.max(deepest, depth);
                String target = node instanceof Link ? ((Link) node).getDestination()
                        : node instanceof Image ? ((Image) node).getDestination() : null;
                if (target != null && refused.isEmpty() && !allowed(target)) {
                    refused = Optional.of(target);
                }
                if (node.getFirstChild() != null) {
                    node = node.getFirstChild();
                    depth++;
                    continue;
                }
                while (node != null && node.getNext() == null) {
                    node = node.getParent();
                    depth--;
                }
                node = node == null ? null : node.getNext();
            }
            return new Shape(deepest, refused);
        }
    }

    /** Browsers drop tabs, newlines and controls from a URL before they read its scheme; so do we. */
    private static boolean allowed(String url) {
        Matcher scheme = SCHEME.matcher(IGNORED_BY_BROWSERS.matcher(url).replaceAll(""));
        if (!scheme.find()) {
            return true;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https") || name.equals("mailto");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Drops every link and image target that {@link #allowed} refuses (data:, javascript:, …). */
    private static final class WebLinksOnly implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    }
}
