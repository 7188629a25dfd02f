package dev.netpolplayground.web;

/** Every path the server answers, defined once; templates and tests use these. */
public final class Routes {
    public static final String HOME = "/";
    public static final String HEALTH = "/healthz";
    public static final String API_EVALUATE = "/api/v1/evaluate";

    private Routes() {
    }
}
