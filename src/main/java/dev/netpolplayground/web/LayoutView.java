package dev.netpolplayground.web;

/** What the page frame needs: the document title and which top-level section is current. */
public record LayoutView(String title, String section) {
}
