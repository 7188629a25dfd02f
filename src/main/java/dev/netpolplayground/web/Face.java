package dev.netpolplayground.web;

import io.javalin.http.Context;

/**
 * Who reads a route's errors: a person (an HTML page), a program (JSON), or the share button's
 * own fragment (answered 200, so that htmx shows it in place). Marked by route groups in the
 * route table before anything can fail; the one error mapper answers in that face.
 */
enum Face {
    PAGE, API, SHARE_FRAGMENT;

    private static final String ATTRIBUTE = "netpol.face";

    void mark(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    static Face of(Context ctx) {
        Face face = ctx.attribute(ATTRIBUTE);
        return face == null ? PAGE : face;
    }
}
