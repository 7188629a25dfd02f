package dev.netpolplayground.web;

/** Every path the server answers, defined once; templates and tests use these. */
public final class Routes {
    public static final String HOME = "/";
    public static final String HEALTH = "/healthz";
    public static final String FRAGMENT_EVALUATE = "/fragments/evaluate";
    public static final String FRAGMENT_EXPLAIN = "/fragments/explain";
    public static final String FRAGMENT_SHARE = "/fragments/share";
    public static final String SHARE = "/share";
    public static final String SHARED = "/s/{id}";
    public static final String EXPORT = "/export/{format}";
    public static final String API_EVALUATE = "/api/v1/evaluate";
    public static final String API_SCENARIOS = "/api/v1/scenarios";
    public static final String API_SCENARIO = "/api/v1/scenarios/{id}";

    private Routes() {
    }

    public static String shared(String id) {
        return "/s/" + id;
    }

    public static String export(String format) {
        return "/export/" + format;
    }
}
