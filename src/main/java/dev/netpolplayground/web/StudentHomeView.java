package dev.netpolplayground.web;

import java.util.List;

/** A student's own page of a class: the exercises in order, with how far they got on each. */
public record StudentHomeView(String title, String name, boolean open, String status, List<Item> items) {
    public record Item(int number, String title, String level, String url, boolean solved, int attempts) {
    }
}
