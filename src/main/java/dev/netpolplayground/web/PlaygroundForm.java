package dev.netpolplayground.web;

import dev.netpolplayground.model.Digits;
import io.javalin.http.Context;

/**
 * What the playground form sends: the scenario and options, and the view settings (probe shown,
 * namespace filter, only-denied) and the clicked cell ("from:to:probe" indexes, or "" for none).
 */
public record PlaygroundForm(String text, String probes, String externals, String view, String namespace,
                             boolean onlyDenied, String cell) {
    public static final String ALL_PROBES = "all";

    public PlaygroundForm {
        text = text == null ? "" : text;
        probes = probes == null ? "" : probes;
        externals = externals == null ? "" : externals;
        view = view == null || view.isBlank() ? ALL_PROBES : view;
        namespace = namespace == null ? "" : namespace;
        cell = cell == null ? "" : cell;
    }

    public static PlaygroundForm of(String text, String probes, String externals) {
        return new PlaygroundForm(text, probes, externals, ALL_PROBES, "", false, "");
    }

    static PlaygroundForm from(Context ctx) {
        return new PlaygroundForm(ctx.formParam(Ids.FIELD_TEXT), ctx.formParam(Ids.FIELD_PROBES),
                ctx.formParam(Ids.FIELD_EXTERNAL), ctx.formParam(Ids.FIELD_VIEW), ctx.formParam(Ids.FIELD_NAMESPACE),
                ctx.formParam(Ids.FIELD_ONLY_DENIED) != null, ctx.formParam(Ids.FIELD_CELL));
    }

    /** The probe index shown, or -1 for the all-probes summary. */
    int probeIndex(int probeCount) {
        return probeIndex(view, probeCount);
    }

    /** A view value ("all" or a probe index) as an index into {@code probeCount} probes, or -1. */
    static int probeIndex(String view, int probeCount) {
        if (view.length() > 9 || !Digits.decimal(view)) {
            return -1;
        }
        int index = Integer.parseInt(view);
        return index < probeCount ? index : -1;
    }
}
