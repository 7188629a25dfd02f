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
    /** A teacher makes a class here. */
    public static final String NEW_CLASS = "/classes/new";
    public static final String CLASSES = "/classes";
    /** The student link: short enough to write on a board. */
    public static final String CLASS = "/c/{code}";
    public static final String CLASS_JOIN = "/c/{code}/join";
    public static final String CLASS_EXERCISE = "/c/{code}/e/{n}";
    public static final String CLASS_CHECK = "/c/{code}/e/{n}/check";
    public static final String CLASS_EXPLAIN = "/c/{code}/e/{n}/explain";
    /** The teacher link: a capability URL, whose token only the teacher was shown. */
    public static final String CLASS_TEACHER = "/c/{code}/t/{token}";
    public static final String CLASS_PROGRESS = "/c/{code}/t/{token}/progress";
    public static final String CLASS_ANSWER = "/c/{code}/t/{token}/s/{student}/{n}";
    public static final String CLASS_ANSWER_EXPLAIN = "/c/{code}/t/{token}/e/{n}/explain";
    public static final String CLASS_RESULTS = "/c/{code}/t/{token}/results.csv";
    public static final String CLASS_CLOSE = "/c/{code}/t/{token}/close";
    public static final String CLASS_DELETE = "/c/{code}/t/{token}/delete";
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

    public static String classroom(String code) {
        return "/c/" + code;
    }

    public static String classExercise(String code, int number) {
        return "/c/" + code + "/e/" + number;
    }

    public static String classTeacher(String code, String token) {
        return "/c/" + code + "/t/" + token;
    }

    /** The path as the access log may keep it: a teacher link's token never reaches a log file. */
    static String loggable(String path) {
        return path.startsWith("/c/") ? path.replaceFirst("^(/c/[^/]*/t/)[^/]*", "$1…") : path;
    }

    public static String export(String format) {
        return "/export/" + format;
    }
}
