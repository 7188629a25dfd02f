package dev.netpolplayground.web;

/** The student link before joining: the class and a name to choose (or why joining is not possible). */
public record JoinView(String code, String title, int exercises, String name, String problem, boolean open) {
}
