package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.analysis.MemoryPool;
import dev.netpolplayground.explain.Json;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.explain.Selection;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.Parsed;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JSON API: the same analysis as the page, as data. */
final class ApiController {
    /**
     * The largest answer, by estimate before it is built, in any format: larger ones are refused
     * with the ways to ask for less. Building one holds about {@link #HEAP_PER_BYTE} times as
     * much heap while it is written.
     */
    static final long MAX_ANSWER_BYTES = 32L << 20;
    static final long HEAP_PER_BYTE = 3;
    private static final Set<String> TEXT_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "text/plain", "application/json");

    private final Analysis analysis;

    ApiController(Analysis analysis) {
        this.analysis = analysis;
    }

    void evaluate(Context ctx) {
        if (!acceptsBody(ctx)) {
            return;
        }
        Selection from = Selection.parse(ctx.queryParam("from"));
        Selection to = Selection.parse(ctx.queryParam("to"));
        if (from.patterns().size() > Selection.MAX_PATTERNS || to.patterns().size() > Selection.MAX_PATTERNS) {
            errors(ctx, HttpStatus.BAD_REQUEST, List.of(Problem.error("from= and to= may each list at most "
                    + Selection.MAX_PATTERNS + " ids or namespaces; use namespaces (shop/*) to keep many pods", 0, 0,
                    "")), List.of());
            return;
        }
        Analysis.Result result = analysis.run(new Analysis.Request(ctx.body(), ctx.queryParam("probes"),
                ctx.queryParam("external")), ClientWatch.of(ctx));
        if (result instanceof Analysis.Invalid) {
            Analysis.Invalid invalid = (Analysis.Invalid) result;
            errors(ctx, status(invalid.refusal()), invalid.errors(), invalid.warnings());
            return;
        }
        Analysis.Success success = (Analysis.Success) result;
        MatrixReport.Detail detail = detail(ctx);
        long bytes = MatrixReport.estimatedBytes(success.matrix(), detail, from, to);
        if (bytes > MAX_ANSWER_BYTES) {
            errors(ctx, HttpStatus.UNPROCESSABLE_CONTENT, List.of(Problem.error(tooLarge(String.format(Locale.ROOT,
                    "would be about %,d MiB", mib(bytes)), detail), 0, 0, "")), List.of());
            return;
        }
        ctx.header("Server-Timing", success.remembered() ? "remembered;desc=\"result of an earlier equal request\""
                : "parse;dur=" + millis(success.parseNanos()) + ", eval;dur=" + millis(success.evaluateNanos()));
        try (MemoryPool.Reservation held = analysis.reserve(HEAP_PER_BYTE * bytes)) {
            ctx.contentType("application/json").result(Json.bytes(MatrixReport.of(success.matrix(), success.warnings(),
                    success.probesDefaulted(), detail, from, to, MAX_ANSWER_BYTES)));
        } catch (MatrixReport.TooLarge grew) {
            errors(ctx, HttpStatus.UNPROCESSABLE_CONTENT, List.of(Problem.error(tooLarge("grew past "
                    + (MAX_ANSWER_BYTES >> 20) + " MiB while it was built", detail), 0, 0, "")), List.of());
        }
    }

    /** Why an answer is not given, and how to ask for one that is. */
    static String tooLarge(String size, MatrixReport.Detail detail) {
        String smaller = detail == MatrixReport.Detail.COMPACT ? "" : detail == MatrixReport.Detail.FULL
                ? ", ask for format=compact or reasons=false" : ", ask for format=compact";
        return String.format(Locale.ROOT, "the answer %s, more than the %,d MiB one answer may have here; narrow it"
                + " with from= and to= (e.g. from=shop/*)%s, name fewer probes, or use the command line (java -jar"
                + " netpol-playground.jar eval --format json FILE), which has no such limit", size,
                MAX_ANSWER_BYTES >> 20, smaller);
    }

    /** The status of a refused scenario: 400 not YAML, 422 invalid objects, 413 over a limit. */
    static HttpStatus status(Parsed.Refusal refusal) {
        switch (refusal) {
            case SYNTAX:
                return HttpStatus.BAD_REQUEST;
            case TOO_LARGE:
                return HttpStatus.CONTENT_TOO_LARGE;
            default:
                return HttpStatus.UNPROCESSABLE_CONTENT;
        }
    }

    private static MatrixReport.Detail detail(Context ctx) {
        if ("compact".equals(ctx.queryParam("format"))) {
            return MatrixReport.Detail.COMPACT;
        }
        return "false".equals(ctx.queryParam("reasons")) ? MatrixReport.Detail.NO_REASONS : MatrixReport.Detail.FULL;
    }

    /** The body must be text we read: YAML, JSON or plain text (or no declared type at all). */
    static boolean acceptsBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || TEXT_TYPES.contains(type.split(";")[0].trim().toLowerCase())) {
            return true;
        }
        errors(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(Problem.error("send the scenario as application/yaml,"
                + " text/yaml, text/plain or application/json, not " + type, 0, 0, "")), List.of());
        return false;
    }

    static void errors(Context ctx, HttpStatus status, List<Problem> errors, List<Problem> warnings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", MatrixReport.problems(errors));
        if (!warnings.isEmpty()) {
            body.put("warnings", MatrixReport.problems(warnings));
        }
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }

    /** Bytes in MiB, rounded up. */
    static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
