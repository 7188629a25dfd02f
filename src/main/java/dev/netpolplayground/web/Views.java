package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.eval.Chain;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.TierDecision;
import dev.netpolplayground.eval.Verdict;
import dev.netpolplayground.explain.Explainer;
import dev.netpolplayground.explain.Explanation;
import dev.netpolplayground.explain.PolicySummary;
import dev.netpolplayground.explain.Reason;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds the page's view records from an analysis; all presentation decisions live here. */
final class Views {
    /** More endpoints than this are not drawn; the namespace filter narrows the matrix. */
    static final int MAX_DRAWN_ENDPOINTS = 120;
    /**
     * Most (cell, policy) pairs drawn for hover highlighting: every drawn cell names the policies
     * that isolate its two ends, so 14,400 cells and 6,000 policies would be a page of a gigabyte.
     */
    static final long MAX_HIGHLIGHTS = 200_000;
    /**
     * Most verdicts walked to find the cells each cluster policy decides (a rule of it is the one
     * that matched, in a tier that was consulted); beyond it hovering a cluster policy highlights nothing.
     */
    static final long MAX_TIER_HIGHLIGHT_VERDICTS = 20_000;

    private Views() {
    }

    static ResultView result(Analysis.Result result, PlaygroundForm form) {
        String link = ShareLinks.link(form.text(), form.probes(), form.externals());
        link = link.length() <= ShareLinks.MAX_LINK_LENGTH ? link : "";
        if (result instanceof Analysis.Invalid) {
            Analysis.Invalid invalid = (Analysis.Invalid) result;
            return new ResultView(ProblemView.of(invalid.errors()), EMPTY_MATRIX, ExplanationView.NONE, List.of(),
                    ProblemView.of(invalid.warnings()), link, "");
        }
        Analysis.Success success = (Analysis.Success) result;
        Matrix matrix = success.matrix();
        String timing = String.format(Locale.ROOT, success.remembered()
                        ? "%d endpoints × %d probes, remembered from an earlier evaluation (parsed in %.1f ms, evaluated in %.1f ms)"
                        : "%d endpoints × %d probes, parsed in %.1f ms, evaluated in %.1f ms",
                matrix.endpoints().size(), matrix.probes().size(), success.parseNanos() / 1e6,
                success.evaluateNanos() / 1e6);
        return new ResultView(List.of(), matrix(matrix, form), explanation(matrix, form.cell(), form.text()),
                policyGroups(matrix), ProblemView.of(success.warnings()), link, timing);
    }

    /** The policies panel, tier by tier; a card's class is the one {@link #matrix} gives the cells its policy decides. */
    static List<PolicyGroupView> policyGroups(Matrix matrix) {
        Scenario scenario = matrix.scenario();
        Map<String, String> highlights = new HashMap<>();
        for (int i = 0; i < scenario.policies().size(); i++) {
            highlights.put(scenario.policies().get(i).id(), "p" + i);
        }
        for (int i = 0; i < scenario.clusterPolicies().size(); i++) {
            highlights.put(scenario.clusterPolicies().get(i).id(), "c" + i);
        }
        return PolicySummary.groups(scenario, matrix.isolation()).stream().map(group -> new PolicyGroupView(group.title(), group.note(),
                group.policies().stream().map(p -> new PolicyGroupView.Card(highlights.get(p.id()), p)).toList()))
                .toList();
    }

    static final MatrixView EMPTY_MATRIX = new MatrixView(List.of(), List.of(), "", false, List.of(), List.of(),
            List.of(), 0, "");

    /** What a cell shows: 1 allowed, 0 denied, 2 undefined, -1 not graded; and whether it differs from a goal. */
    interface Cells {
        int value(int from, int to, int probe);

        boolean differs(int from, int to, int probe);
    }

    /** The evaluated verdicts, with nothing to compare against. */
    static Cells actual(Matrix matrix) {
        return new Cells() {
            public int value(int from, int to, int probe) {
                return switch (matrix.reach(from, to, probe)) {
                    case ALLOWED -> 1;
                    case DENIED -> 0;
                    case UNDEFINED -> UNDEFINED;
                };
            }

            public boolean differs(int from, int to, int probe) {
                return false;
            }
        };
    }

    private static final int UNDEFINED = 2;

    static MatrixView matrix(Matrix matrix, PlaygroundForm form) {
        return matrix(matrix, form, actual(matrix));
    }

    static MatrixView matrix(Matrix matrix, PlaygroundForm form, Cells shown) {
        List<Endpoint> endpoints = matrix.endpoints();
        int probe = form.probeIndex(matrix.probes().size());
        List<MatrixView.ProbeTab> tabs = new ArrayList<>();
        tabs.add(new MatrixView.ProbeTab(PlaygroundForm.ALL_PROBES, "All probes", probe < 0));
        for (int p = 0; p < matrix.probes().size(); p++) {
            tabs.add(new MatrixView.ProbeTab(String.valueOf(p), matrix.probes().get(p).toString(), p == probe));
        }
        Set<String> namespaces = new TreeSet<>();
        endpoints.forEach(e -> namespaces.add(group(e)));
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            if (form.namespace().isEmpty() || group(endpoints.get(i)).equals(form.namespace())) {
                visible.add(i);
            }
        }
        if (form.onlyDenied()) {
            visible = withDenials(matrix, visible, probe, shown);
        }
        int hidden = Math.max(0, visible.size() - MAX_DRAWN_ENDPOINTS);
        visible = visible.subList(0, Math.min(visible.size(), MAX_DRAWN_ENDPOINTS));
        Map<Policy, Integer> policyIndex = new IdentityHashMap<>();
        for (Policy policy : matrix.scenario().policies()) {
            policyIndex.put(policy, policyIndex.size());
        }
        Map<ClusterPolicy, Integer> tierIndex = new IdentityHashMap<>();
        for (ClusterPolicy policy : matrix.scenario().clusterPolicies()) {
            tierIndex.put(policy, tierIndex.size());
        }
        String[] egressClasses = new String[endpoints.size()];
        String[] ingressClasses = new String[endpoints.size()];
        boolean highlighting;
        if (tierIndex.isEmpty()) {
            long highlights = 0;
            for (int i : visible) {
                highlights += matrix.isolation().isolating(endpoints.get(i), Direction.EGRESS).size()
                        + matrix.isolation().isolating(endpoints.get(i), Direction.INGRESS).size();
            }
            highlighting = highlights * visible.size() <= MAX_HIGHLIGHTS;
            for (int i : visible) {
                egressClasses[i] = highlighting ? policyClasses(policyIndex,
                        matrix.isolation().isolating(endpoints.get(i), Direction.EGRESS)) : "";
                ingressClasses[i] = highlighting ? policyClasses(policyIndex,
                        matrix.isolation().isolating(endpoints.get(i), Direction.INGRESS)) : "";
            }
        } else {
            long verdicts = (long) visible.size() * visible.size() * (probe < 0 ? matrix.probes().size() : 1);
            highlighting = verdicts <= MAX_TIER_HIGHLIGHT_VERDICTS;
        }
        List<MatrixView.ColumnGroup> columnGroups = new ArrayList<>();
        List<MatrixView.Column> columns = new ArrayList<>();
        for (int d : visible) {
            Endpoint endpoint = endpoints.get(d);
            String groupLabel = group(endpoint);
            if (columnGroups.isEmpty() || !columnGroups.get(columnGroups.size() - 1).label().equals(groupLabel)) {
                columnGroups.add(new MatrixView.ColumnGroup(groupLabel, 0));
            }
            MatrixView.ColumnGroup last = columnGroups.remove(columnGroups.size() - 1);
            columnGroups.add(new MatrixView.ColumnGroup(last.label(), last.span() + 1));
            columns.add(new MatrixView.Column(endpoint.id(), label(endpoint), title(endpoint)));
        }
        List<MatrixView.RowGroup> rowGroups = new ArrayList<>();
        long denied = 0;
        long total = 0;
        for (int s : visible) {
            Endpoint source = endpoints.get(s);
            List<MatrixView.Cell> cells = new ArrayList<>();
            for (int d : visible) {
                String classes = !highlighting ? "" : tierIndex.isEmpty()
                        ? (egressClasses[s] + " " + ingressClasses[d]).trim()
                        : decidingPolicies(matrix, policyIndex, tierIndex, s, d, probe);
                MatrixView.Cell cell = cell(matrix, shown, s, d, probe, classes);
                cells.add(cell);
                if (cell.kind().counted()) {
                    total++;
                    denied += cell.kind().denied() ? 1 : 0;
                }
            }
            String groupLabel = group(source);
            if (rowGroups.isEmpty() || !rowGroups.get(rowGroups.size() - 1).label().equals(groupLabel)) {
                rowGroups.add(new MatrixView.RowGroup(groupLabel, new ArrayList<>()));
            }
            rowGroups.get(rowGroups.size() - 1).rows().add(new MatrixView.Row(source.id(), label(source),
                    title(source), cells));
        }
        String scope = probe < 0 ? "on every probe" : "on " + matrix.probes().get(probe);
        String summary = total == 0 ? "" : (total - denied) + " of " + total + " connections allowed " + scope
                + (probe < 0 ? " (◐ means allowed on some probes only)" : "")
                + (highlighting ? "" : "; so many policies select these pods that hovering a policy does not"
                + " highlight its cells (filter by namespace to see it)");
        return new MatrixView(tabs, new ArrayList<>(namespaces), form.namespace(), form.onlyDenied(), columnGroups,
                columns, rowGroups, hidden, summary);
    }

    private static List<Integer> withDenials(Matrix matrix, List<Integer> visible, int probe, Cells shown) {
        Set<Integer> keep = new LinkedHashSet<>();
        for (int s : visible) {
            for (int d : visible) {
                if (s != d && matrix.applicable(s, d) && deniedSomewhere(matrix, s, d, probe, shown)) {
                    keep.add(s);
                    keep.add(d);
                }
            }
        }
        return visible.stream().filter(keep::contains).toList();
    }

    private static boolean deniedSomewhere(Matrix matrix, int s, int d, int probe, Cells shown) {
        for (int p = 0; p < matrix.probes().size(); p++) {
            if ((probe < 0 || p == probe) && shown.value(s, d, p) == 0) {
                return true;
            }
        }
        return false;
    }

    private static MatrixView.Cell cell(Matrix matrix, Cells shown, int s, int d, int probe, String classes) {
        List<Endpoint> endpoints = matrix.endpoints();
        String from = endpoints.get(s).display();
        String to = endpoints.get(d).display();
        String value = s + ":" + d + ":" + (probe < 0 ? PlaygroundForm.ALL_PROBES : String.valueOf(probe));
        if (!matrix.applicable(s, d)) {
            return new MatrixView.Cell(value, CellState.NOT_APPLICABLE, false, from + " to " + to
                    + ": outside to outside, not evaluated", "");
        }
        if (s == d && !endpoints.get(s).external()) {
            return new MatrixView.Cell(value, CellState.LOOPBACK, false, from + " to itself: always allowed (loopback)", "");
        }
        int allowedCount = 0;
        int gradedCount = 0;
        int undefinedCount = 0;
        boolean differs = false;
        for (int p = 0; p < matrix.probes().size(); p++) {
            if (probe >= 0 && p != probe) {
                continue;
            }
            int verdict = shown.value(s, d, p);
            gradedCount += verdict >= 0 ? 1 : 0;
            allowedCount += verdict == 1 ? 1 : 0;
            undefinedCount += verdict == UNDEFINED ? 1 : 0;
            differs |= shown.differs(s, d, p);
        }
        String where = probe < 0 ? " on every probe" : " on " + matrix.probes().get(probe);
        String note = differs ? " — differs from the goal" : "";
        if (gradedCount == 0) {
            return new MatrixView.Cell(value, CellState.NOT_GRADED, false, from + " to " + to + ": not graded", classes);
        }
        if (undefinedCount > 0) {
            return new MatrixView.Cell(value, CellState.UNDEFINED, differs, from + " to " + to + ": undefined on "
                    + undefinedCount + " of " + gradedCount + " probes — policies of equal priority disagree, and the"
                    + " API leaves their order to the network plugin" + note, classes);
        }
        if (allowedCount == gradedCount) {
            return new MatrixView.Cell(value, CellState.ALLOWED, differs, from + " to " + to + ": allowed" + where + note,
                    classes);
        }
        if (allowedCount == 0) {
            return new MatrixView.Cell(value, CellState.DENIED, differs, from + " to " + to + ": denied" + where + note,
                    classes);
        }
        return new MatrixView.Cell(value, CellState.PARTIAL, differs, from + " to " + to + ": allowed on " + allowedCount
                + " of " + gradedCount + " probes" + note, classes);
    }

    /**
     * "c0 p2": with cluster policies, the policies that decide a direction of the cell on a shown
     * probe: the cluster policy whose rule matched in a tier that is consulted (rivals of equal
     * priority too), and the NetworkPolicies isolating the subject when the Admin tier hands on.
     */
    private static String decidingPolicies(Matrix matrix, Map<Policy, Integer> policyIndex,
                                           Map<ClusterPolicy, Integer> tierIndex, int s, int d, int probe) {
        if (s == d || !matrix.applicable(s, d)) {
            return "";
        }
        Set<Integer> deciding = new TreeSet<>();
        Set<Policy> networkPolicies = new LinkedHashSet<>();
        for (int p = 0; p < matrix.probes().size(); p++) {
            if (probe >= 0 && p != probe) {
                continue;
            }
            Verdict verdict = matrix.verdict(s, d, p);
            for (Chain chain : List.of(verdict.egress(), verdict.ingress())) {
                chain.admin().ifPresent(tier -> addDeciding(tier, tierIndex, deciding));
                networkPolicies.addAll(chain.decidingNetworkPolicies());
                if (chain.baselineConsulted()) {
                    chain.baseline().ifPresent(tier -> addDeciding(tier, tierIndex, deciding));
                }
            }
        }
        StringBuilder classes = new StringBuilder(policyClasses(policyIndex, List.copyOf(networkPolicies)));
        deciding.forEach(i -> classes.append(classes.length() == 0 ? "" : " ").append("c").append(i));
        return classes.toString();
    }

    private static void addDeciding(TierDecision tier, Map<ClusterPolicy, Integer> tierIndex, Set<Integer> deciding) {
        tier.hit().ifPresent(hit -> deciding.add(tierIndex.get(hit.policy())));
        tier.rivals().forEach(rival -> deciding.add(tierIndex.get(rival.policy())));
    }

    /** "p0 p3": the CSS classes of NetworkPolicies, by their place in the scenario. */
    private static String policyClasses(Map<Policy, Integer> policyIndex, List<Policy> policies) {
        StringBuilder classes = new StringBuilder();
        for (Policy policy : policies) {
            classes.append(classes.length() == 0 ? "" : " ").append("p").append(policyIndex.get(policy));
        }
        return classes.toString();
    }

    static String group(Endpoint endpoint) {
        return endpoint.external() ? "outside" : endpoint.namespace();
    }

    private static String label(Endpoint endpoint) {
        return endpoint.name();
    }

    private static String title(Endpoint endpoint) {
        StringBuilder title = new StringBuilder(endpoint.display());
        if (!endpoint.labels().isEmpty()) {
            title.append(" — ").append(String.join(", ", endpoint.labels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        title.append(" — ").append(String.join(", ", endpoint.ips().stream().map(Object::toString).toList()));
        if (endpoint.addressAssigned()) {
            title.append(" (assigned: no IP in status)");
        }
        if (endpoint.hostNetwork()) {
            title.append(" (host network)");
        }
        return title.toString();
    }

    /** The clicked cell ("from:to:probe" or "from:to:all") explained, with its deciding policies' YAML. */
    static ExplanationView explanation(Matrix matrix, String cell, String text) {
        String[] parts = cell.split(":");
        if (parts.length != 3) {
            return ExplanationView.NONE;
        }
        int s;
        int d;
        try {
            s = Integer.parseInt(parts[0]);
            d = Integer.parseInt(parts[1]);
        } catch (NumberFormatException notACell) {
            return ExplanationView.NONE;
        }
        int size = matrix.endpoints().size();
        if (s < 0 || d < 0 || s >= size || d >= size || !matrix.applicable(s, d)) {
            return ExplanationView.NONE;
        }
        List<Integer> probes = new ArrayList<>();
        int chosen = PlaygroundForm.probeIndex(parts[2], matrix.probes().size());
        for (int p = 0; p < matrix.probes().size(); p++) {
            if (chosen < 0 || p == chosen) {
                probes.add(p);
            }
        }
        List<Explanation> items = new ArrayList<>();
        Set<String> deciding = new LinkedHashSet<>();
        for (int p : probes) {
            Explanation explanation = Explainer.explain(matrix.verdict(s, d, p));
            items.add(explanation);
            for (Explanation.Side side : List.of(explanation.egress(), explanation.ingress())) {
                for (Reason reason : side.reasons()) {
                    if (!reason.policy().isEmpty()) {
                        deciding.add(reason.policy());
                    }
                }
            }
        }
        String[] lines = text.split("\n", -1);
        List<ExplanationView.Excerpt> excerpts = new ArrayList<>();
        for (Policy policy : matrix.scenario().policies()) {
            if (deciding.contains(policy.id()) && policy.source().firstLine() > 0) {
                excerpts.add(excerpt(lines, "NetworkPolicy", policy.id(), policy.source()));
            }
        }
        for (ClusterPolicy policy : matrix.scenario().clusterPolicies()) {
            if (deciding.contains(policy.id()) && policy.source().firstLine() > 0) {
                excerpts.add(excerpt(lines, policy.api().kind(), policy.name(), policy.source()));
            }
        }
        return new ExplanationView(matrix.endpoints().get(s).display(), matrix.endpoints().get(d).display(), items,
                excerpts);
    }

    /** The policy's lines of the text as written, without the document separator that ends it. */
    private static ExplanationView.Excerpt excerpt(String[] lines, String kind, String name, Source source) {
        int first = source.firstLine();
        int last = Math.min(lines.length, source.lastLine());
        StringBuilder excerpt = new StringBuilder();
        for (int line = first; line <= last; line++) {
            if (line == last && lines[line - 1].strip().equals("---")) {
                break;
            }
            excerpt.append(lines[line - 1]).append('\n');
        }
        return new ExplanationView.Excerpt(kind, name, first, excerpt.toString().stripTrailing());
    }
}
