package dev.netpolplayground;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.explain.Explainer;
import dev.netpolplayground.explain.PolicySummary;
import dev.netpolplayground.explain.Tables;
import dev.netpolplayground.parse.ScenarioParser;
import dev.netpolplayground.web.Examples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every built-in example, as a user reads it: the truth table of each probe, the warnings, the
 * policies panel tier by tier, and the explanation of every cell, compared with
 * {@code golden/examples/ID.txt}.
 */
class GoldenExamplesTest {
    private static final Examples EXAMPLES = Examples.load();

    static List<String> examples() {
        return EXAMPLES.all().stream().map(Examples.Example::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_cell_of_every_example_reads_as_recorded(String id) {
        Examples.Example example = EXAMPLES.find(id).orElseThrow();
        Analysis.Result result = new Analysis(new ScenarioParser()).run(new Analysis.Request(example.text(),
                example.probes(), example.externals()));
        Analysis.Success success = assertInstanceOf(Analysis.Success.class, result, result.toString());
        Matrix matrix = success.matrix();
        StringBuilder out = new StringBuilder("# ").append(example.title()).append("\n\n").append(Tables.text(matrix));
        success.warnings().forEach(warning -> out.append("warning: ").append(warning).append('\n'));
        for (PolicySummary.Group group : PolicySummary.groups(matrix.scenario(), matrix.isolation())) {
            out.append("\n## ").append(group.title()).append('\n');
            if (!group.note().isEmpty()) {
                out.append(group.note()).append('\n');
            }
            for (PolicySummary policy : group.policies()) {
                out.append("\n").append(policy.kind()).append(' ').append(policy.name())
                        .append(policy.rank().isEmpty() ? "" : " (" + policy.rank() + ")").append('\n');
                policy.sentences().forEach(sentence -> out.append("  - ").append(sentence).append('\n'));
                out.append("  Selects: ").append(String.join(", ", policy.selects())).append('\n');
            }
        }
        for (int p = 0; p < matrix.probes().size(); p++) {
            for (int s = 0; s < matrix.endpoints().size(); s++) {
                for (int d = 0; d < matrix.endpoints().size(); d++) {
                    if (s != d && matrix.applicable(s, d)) {
                        out.append('\n').append(Explainer.explain(matrix.verdict(s, d, p)).text());
                    }
                }
            }
        }
        Golden.assertMatches("examples/" + example.id() + ".txt", out.toString());
    }
}
