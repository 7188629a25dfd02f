package dev.netpolplayground.web;

/** DOM ids and form field names the server, the templates and the page's script share. */
public final class Ids {
    public static final String FORM = "playground";
    public static final String EDITOR = "scenario";
    public static final String RESULT = "result";
    public static final String EXPLANATION = "explanation";
    public static final String SHARE = "share-result";

    public static final String FIELD_TEXT = "scenario";
    public static final String FIELD_PROBES = "probes";
    public static final String FIELD_EXTERNAL = "external";
    public static final String FIELD_VIEW = "view";
    public static final String FIELD_NAMESPACE = "ns";
    public static final String FIELD_ONLY_DENIED = "denied";
    public static final String FIELD_CELL = "cell";

    private Ids() {
    }
}
