package dev.netpolplayground.web;

import java.util.List;

/** The exercise catalog page. */
public record CatalogView(List<Card> cards) {
    public record Card(String id, String url, String title, String level, String summary) {
    }
}
