package dev.netpolplayground.web;

/** Every path the server answers, defined once; templates and tests use these. */
public final class Routes {
    public static final String HOME = "/";
    public static final String HEALTH = "/healthz";
    public static final String READY = "/readyz";
    public static final String METRICS = "/metrics";
    public static final String FRAGMENT_EVALUATE = "/fragments/evaluate";
    public static final String FRAGMENT_EXPLAIN = "/fragments/explain";
    public static final String FRAGMENT_SHARE = "/fragments/share";
    public static final String SHARE = "/share";
    public static final String SHARED = "/s/{id}";
    public static final String EXPORT = "/export/{format}";
    public static final String EXERCISES = "/exercises";
    public static final String EXERCISE = "/exercises/{id}";
    public static final String EXERCISE_CHECK = "/exercises/{id}/check";
    public static final String EXERCISE_EXPLAIN = "/exercises/{id}/explain";
    public static final String MAKE_EXERCISE = "/make-exercise";
    public static final String CREATE_EXERCISE = "/make-exercise/create";
    public static final String TEACHER_EXERCISE = "/x/{id}";
    public static final String TEACHER_CHECK = "/x/{id}/check";
    /** What the teacher sees once: the handout link to copy, and the exercise as students will get it. */
    public static final String TEACHER_CREATED = "/x/{id}/created";
    public static final String TEACHER_EXPLAIN = "/x/{id}/explain";
    /** Every API route starts so; its errors are JSON. */
    public static final String API_PREFIX = "/api/";
    public static final String API_EVALUATE = "/api/v1/evaluate";
    public static final String API_EXERCISES = "/api/v1/exercises";
    public static final String API_EXERCISE_CHECK = "/api/v1/exercises/{id}/check";
    public static final String API_SCENARIOS = "/api/v1/scenarios";
    public static final String API_SCENARIO = "/api/v1/scenarios/{id}";

    private Routes() {
    }

    public static String shared(String id) {
        return "/s/" + id;
    }

    public static String exercise(String id) {
        return "/exercises/" + id;
    }

    public static String teacherCreated(String id) {
        return "/x/" + id + "/created";
    }

    public static String teacherExercise(String id) {
        return "/x/" + id;
    }

    public static String export(String format) {
        return "/export/" + format;
    }
}
