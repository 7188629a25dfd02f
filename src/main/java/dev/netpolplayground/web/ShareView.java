package dev.netpolplayground.web;

/** The answer to "Share": the short link, or why there is none. */
public record ShareView(boolean ok, String url, String message) {
}
