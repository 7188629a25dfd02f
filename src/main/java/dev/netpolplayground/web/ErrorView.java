package dev.netpolplayground.web;

/** A page that says what went wrong, with a way back. */
public record ErrorView(String title, String message) {
}
