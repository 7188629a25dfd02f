package dev.netpolplayground.web;

import dev.netpolplayground.explain.PolicySummary;

import java.util.List;

/** One tier of the policies panel: its cards, each with the class that marks the cells its policy decides. */
public record PolicyGroupView(String title, String note, List<Card> cards) {
    public PolicyGroupView {
        cards = List.copyOf(cards);
    }

    /** @param highlight the CSS class carried by the matrix cells this policy decides ("p3", "c0") */
    public record Card(String highlight, PolicySummary policy) {
    }
}
