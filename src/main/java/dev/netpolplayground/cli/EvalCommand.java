package dev.netpolplayground.cli;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.explain.Explainer;
import dev.netpolplayground.explain.Json;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.explain.Selection;
import dev.netpolplayground.explain.Tables;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.ScenarioParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code eval}: the matrix of a scenario file (or stdin) as text, JSON, CSV or Markdown. */
final class EvalCommand {
    private EvalCommand() {
    }

    static int run(Arguments args, InputStream in, PrintStream out, PrintStream err) {
        if (args.positional().size() != 1) {
            throw new Arguments.UsageException("eval needs exactly one FILE (or - for standard input)");
        }
        String file = args.positional().get(0);
        String text;
        try {
            text = file.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 2;
        }
        Analysis.Result result = new Analysis(new ScenarioParser()).run(new Analysis.Request(text,
                args.option("--probes", ""), args.option("--external", "")));
        String label = file.equals("-") ? "<stdin>" : file;
        if (result instanceof Analysis.Invalid) {
            Analysis.Invalid invalid = (Analysis.Invalid) result;
            invalid.errors().forEach(problem -> err.println(located(label, problem, "error")));
            return 2;
        }
        Analysis.Success success = (Analysis.Success) result;
        String format = args.option("--format", "text");
        if (!format.equals("json")) {
            success.warnings().forEach(problem -> err.println(located(label, problem, "warning")));
        }
        List<String> explain = args.options().get("--explain");
        if (explain != null) {
            return explain(success.matrix(), explain.get(0), explain.get(1), format, out, err);
        }
        switch (format) {
            case "text":
                out.print(Tables.text(success.matrix()));
                return 0;
            case "json":
                out.println(Json.pretty(MatrixReport.of(success.matrix(), success.warnings(),
                        success.probesDefaulted(), MatrixReport.Detail.FULL, Selection.ALL, Selection.ALL)));
                return 0;
            case "csv":
                out.print(Tables.csv(success.matrix()));
                return 0;
            case "md":
                out.print(Tables.markdown(success.matrix()));
                return 0;
            default:
                throw new Arguments.UsageException("--format must be text, json, csv or md");
        }
    }

    /** "file:12:3: error: spec.egress[0]: message", the shape editors and CI logs link. */
    static String located(String file, Problem problem, String severity) {
        String where = problem.line() > 0 ? file + ":" + problem.line() + ":" + problem.column() : file;
        return where + ": " + severity + ": " + (problem.path().isEmpty() ? "" : problem.path() + ": ")
                + problem.message();
    }

    private static int explain(Matrix matrix, String from, String to, String format, PrintStream out, PrintStream err) {
        Optional<Integer> s = find(matrix, from);
        Optional<Integer> d = find(matrix, to);
        if (s.isEmpty() || d.isEmpty()) {
            err.println("no endpoint '" + (s.isEmpty() ? from : to) + "'; endpoints are: "
                    + String.join(", ", matrix.endpoints().stream().map(e -> e.id()).toList()));
            return 2;
        }
        List<Object> cells = new ArrayList<>();
        for (int p = 0; p < matrix.probes().size(); p++) {
            if (format.equals("json")) {
                cells.add(MatrixReport.cell(matrix, s.get(), d.get(), p, true));
                continue;
            }
            out.println(Explainer.explain(matrix.verdict(s.get(), d.get(), p)).text());
        }
        if (format.equals("json")) {
            out.println(Json.pretty(cells));
        }
        return 0;
    }

    /** An endpoint by id ("x/a", "ip:203.0.113.5") or by bare address for externals. */
    private static Optional<Integer> find(Matrix matrix, String id) {
        return matrix.indexOf(id).or(() -> matrix.indexOf("ip:" + id));
    }
}
