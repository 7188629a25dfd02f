package dev.netpolplayground.web;

import dev.netpolplayground.explain.Analysis;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.explain.Selection;
import dev.netpolplayground.model.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON API: the same analysis as the page, as data. */
final class ApiController {
    /** A full answer (every cell with reasons) larger than this asks the caller to filter or go compact. */
    static final long MAX_FULL_CELLS = 200_000;
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
        Analysis.Result result = analysis.run(new Analysis.Request(ctx.body(), ctx.queryParam("probes"),
                ctx.queryParam("external")));
        if (result instanceof Analysis.Invalid) {
            Analysis.Invalid invalid = (Analysis.Invalid) result;
            errors(ctx, invalid.syntax() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, invalid.errors(),
                    invalid.warnings());
            return;
        }
        Analysis.Success success = (Analysis.Success) result;
        MatrixReport.Detail detail = detail(ctx);
        Selection from = Selection.parse(ctx.queryParam("from"));
        Selection to = Selection.parse(ctx.queryParam("to"));
        if (detail != MatrixReport.Detail.COMPACT) {
            long cells = MatrixReport.cellCount(success.matrix(), from, to);
            if (cells > MAX_FULL_CELLS) {
                errors(ctx, HttpStatus.UNPROCESSABLE_CONTENT, List.of(Problem.error("the matrix has " + cells
                        + " cells, more than " + MAX_FULL_CELLS + " can be listed one by one; ask for format=compact,"
                        + " or narrow it with from= and to= (e.g. from=shop/*)", 0, 0, "")), success.warnings());
                return;
            }
        }
        ctx.header("Server-Timing", success.remembered() ? "remembered;desc=\"result of an earlier equal request\""
                : "parse;dur=" + millis(success.parseNanos()) + ", eval;dur=" + millis(success.evaluateNanos()));
        ctx.contentType("application/json").result(Json.bytes(MatrixReport.of(success, detail, from, to)));
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

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
