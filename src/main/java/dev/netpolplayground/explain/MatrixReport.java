package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix as plain maps and lists, ready for any JSON writer: the API's and the CLI's JSON.
 * Full form lists every cell with both directions' reasons; compact form gives one row string
 * per source and probe ('.' allowed, 'X' denied, '-' not applicable) for large scenarios.
 */
public final class MatrixReport {
    private MatrixReport() {
    }

    /** Room for the probes, summary and warnings (at most {@link Problem#LISTED} of each severity, plus one). */
    private static final long WARNINGS_BYTES = 2L * (Problem.LISTED + 1) * 400;

    /** How much to say about each cell. */
    public enum Detail { FULL, NO_REASONS, COMPACT }

    /** The answer grew past the bytes it was allowed while it was built (its estimate was too low). */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("answer too large", null, false, false);
        }
    }

    /** The whole report, however large: for the command line. */
    public static Map<String, Object> of(Matrix matrix, List<Problem> warnings, boolean probesDefaulted, Detail detail,
                                         Selection from, Selection to) {
        return of(matrix, warnings, probesDefaulted, detail, from, to, Long.MAX_VALUE);
    }

    /**
     * @param probesDefaulted the probes came from the scenario's ports, not from the caller
     * @param maxBytes        the cells and rows are counted as they are built; past this many bytes
     *                        the building stops with {@link TooLarge}, whatever the estimate said
     */
    public static Map<String, Object> of(Matrix matrix, List<Problem> warnings, boolean probesDefaulted, Detail detail,
                                         Selection from, Selection to, long maxBytes) {
        List<Endpoint> endpoints = matrix.endpoints();
        Map<String, Object> report = new LinkedHashMap<>();
        List<Object> endpointList = new ArrayList<>();
        endpoints.forEach(endpoint -> endpointList.add(endpoint(endpoint)));
        report.put("endpoints", endpointList);
        List<Object> probeList = new ArrayList<>();
        matrix.probes().forEach(probe -> probeList.add(probe(probe)));
        report.put("probes", probeList);
        report.put("probesDefaulted", probesDefaulted);
        List<Integer> sources = indexes(endpoints, from);
        List<Integer> destinations = indexes(endpoints, to);
        long allowed = 0;
        long total = 0;
        long bytes = 0;
        if (detail == Detail.COMPACT) {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (int p = 0; p < matrix.probes().size(); p++) {
                Map<String, String> byProbe = new LinkedHashMap<>();
                for (int s : sources) {
                    StringBuilder row = new StringBuilder(destinations.size());
                    for (int d : destinations) {
                        if (s == d || !matrix.applicable(s, d)) {
                            row.append('-');
                            continue;
                        }
                        boolean ok = matrix.allowed(s, d, p);
                        row.append(Tables.symbol(matrix, s, d, p));
                        total++;
                        allowed += ok ? 1 : 0;
                    }
                    bytes += row.length() + endpoints.get(s).id().length() + 6;
                    if (bytes > maxBytes) {
                        throw new TooLarge();
                    }
                    byProbe.put(endpoints.get(s).id(), row.toString());
                }
                rows.put(matrix.probes().get(p).toString(), byProbe);
            }
            report.put("columns", destinations.stream().map(d -> endpoints.get(d).id()).toList());
            report.put("matrix", rows);
        } else {
            List<Object> cells = new ArrayList<>();
            for (int p = 0; p < matrix.probes().size(); p++) {
                for (int s : sources) {
                    for (int d : destinations) {
                        if (s == d || !matrix.applicable(s, d)) {
                            continue;
                        }
                        Map<String, Object> cell = cell(matrix, s, d, p, detail == Detail.FULL);
                        bytes += jsonLength(cell) + 1;
                        if (bytes > maxBytes) {
                            throw new TooLarge();
                        }
                        cells.add(cell);
                        total++;
                        allowed += matrix.allowed(s, d, p) ? 1 : 0;
                    }
                }
            }
            report.put("cells", cells);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cells", total);
        summary.put("allowed", allowed);
        summary.put("denied", total - allowed);
        report.put("summary", summary);
        report.put("warnings", problems(warnings));
        return report;
    }

    /**
     * The count of cells the full form would list: sources × destinations less each endpoint to
     * itself and the outside-to-outside pairs, for every probe. Counted from the two selections,
     * without visiting the pairs.
     */
    public static long cellCount(Matrix matrix, Selection from, Selection to) {
        List<Endpoint> endpoints = matrix.endpoints();
        long sources = 0;
        long destinations = 0;
        long both = 0;
        long outsideSources = 0;
        long outsideDestinations = 0;
        long outsideBoth = 0;
        for (Endpoint endpoint : endpoints) {
            boolean source = from.keeps(endpoint);
            boolean destination = to.keeps(endpoint);
            boolean outside = endpoint.external();
            sources += source ? 1 : 0;
            destinations += destination ? 1 : 0;
            both += source && destination ? 1 : 0;
            outsideSources += source && outside ? 1 : 0;
            outsideDestinations += destination && outside ? 1 : 0;
            outsideBoth += source && destination && outside ? 1 : 0;
        }
        long pairs = sources * destinations - both - (outsideSources * outsideDestinations - outsideBoth);
        return pairs * matrix.probes().size();
    }

    /**
     * About how many bytes of JSON {@link #of} would write, known before it is built: the full
     * form's cells are measured on a sample of them (their reasons are most of the answer).
     */
    public static long estimatedBytes(Matrix matrix, Detail detail, Selection from, Selection to) {
        List<Endpoint> endpoints = matrix.endpoints();
        long endpointBytes = 0;
        long sourceIds = 0;
        long destinationIds = 0;
        long sources = 0;
        long destinations = 0;
        for (Endpoint endpoint : endpoints) {
            long id = endpoint.id().length();
            endpointBytes += 100 + 2 * id + endpoint.labels().entrySet().stream()
                    .mapToLong(l -> l.getKey().length() + l.getValue().length() + 6).sum();
            if (from.keeps(endpoint)) {
                sources++;
                sourceIds += id;
            }
            if (to.keeps(endpoint)) {
                destinations++;
                destinationIds += id;
            }
        }
        long probes = matrix.probes().size();
        long cells = cellCount(matrix, from, to);
        long body;
        switch (detail) {
            case COMPACT:
                body = probes * (sources * destinations + sourceIds + 6 * sources) + destinationIds + 3 * destinations;
                break;
            case NO_REASONS:
                body = probes * (destinations * sourceIds + sources * destinationIds) + cells * 120;
                break;
            default:
                body = cells * sampledCellBytes(matrix, from, to);
        }
        return WARNINGS_BYTES + endpointBytes + body;
    }

    /** The mean size of a full cell, measured on up to 16 cells spread over the selection, with a margin. */
    private static long sampledCellBytes(Matrix matrix, Selection from, Selection to) {
        List<Integer> sources = indexes(matrix.endpoints(), from);
        List<Integer> destinations = indexes(matrix.endpoints(), to);
        long measured = 0;
        int sampled = 0;
        for (int k = 0; k < 64 && sampled < 16 && !sources.isEmpty() && !destinations.isEmpty(); k++) {
            int s = sources.get((int) ((long) k * 7919 % sources.size()));
            int d = destinations.get((int) ((long) k * 104_729 % destinations.size()));
            if (s == d || !matrix.applicable(s, d)) {
                continue;
            }
            measured += jsonLength(cell(matrix, s, d, k % matrix.probes().size(), true));
            sampled++;
        }
        return sampled == 0 ? 0 : measured * 5 / 4 / sampled + 2;
    }

    /** About how long {@code value} is as JSON (strings unescaped): enough to size an answer. */
    private static long jsonLength(Object value) {
        if (value instanceof Map) {
            long length = 2;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                length += entry.getKey().toString().length() + 4 + jsonLength(entry.getValue());
            }
            return length;
        }
        if (value instanceof List) {
            long length = 2;
            for (Object item : (List<?>) value) {
                length += 1 + jsonLength(item);
            }
            return length;
        }
        return value instanceof String ? ((String) value).length() + 2 : String.valueOf(value).length();
    }

    private static List<Integer> indexes(List<Endpoint> endpoints, Selection selection) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            if (selection.keeps(endpoints.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }

    /**
     * One cell. With reasons, {@code allowed} is the explained verdict's (derived from its reasons),
     * and an assertion checks that the bit rows agree; without, it is the bit rows'.
     */
    public static Map<String, Object> cell(Matrix matrix, int s, int d, int p, boolean withReasons) {
        Map<String, Object> cell = new LinkedHashMap<>();
        Probe probe = matrix.probes().get(p);
        cell.put("from", matrix.endpoints().get(s).id());
        cell.put("to", matrix.endpoints().get(d).id());
        cell.putAll(probe(probe));
        if (withReasons) {
            Explanation explanation = Explainer.explain(matrix.verdict(s, d, p));
            assert explanation.reach() == matrix.reach(s, d, p) : "the bit rows and the explained verdict disagree on "
                    + explanation.from() + " -> " + explanation.to() + " on " + probe;
            cell.put("allowed", explanation.allowed());
            undefined(cell, explanation.reach());
            cell.put("summary", explanation.summary());
            cell.put("egress", side(explanation.egress()));
            cell.put("ingress", side(explanation.ingress()));
            if (!explanation.notes().isEmpty()) {
                cell.put("notes", explanation.notes());
            }
        } else {
            cell.put("allowed", matrix.allowed(s, d, p));
            undefined(cell, matrix.reach(s, d, p));
            cell.put("egress", side(matrix.egressReach(s, d, p)));
            cell.put("ingress", side(matrix.ingressReach(s, d, p)));
        }
        return cell;
    }

    /** Undefined cells and sides say so; "allowed" stays a boolean (false: not surely allowed). */
    private static void undefined(Map<String, Object> out, Reach reach) {
        if (reach == Reach.UNDEFINED) {
            out.put("undefined", true);
        }
    }

    private static Map<String, Object> side(Reach reach) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowed", reach == Reach.ALLOWED);
        undefined(out, reach);
        return out;
    }

    private static Map<String, Object> side(Explanation.Side side) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowed", side.allowed());
        undefined(out, side.reach());
        List<Object> reasons = new ArrayList<>();
        for (Reason reason : side.reasons()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", reason.code());
            if (!reason.policy().isEmpty()) {
                r.put("policy", reason.policy());
            }
            if (reason.rule() > 0) {
                r.put("rule", reason.rule());
            }
            reason.tierRule().ifPresent(step -> {
                r.put("tier", step.tier());
                step.priority().ifPresent(priority -> r.put("priority", priority));
                r.put("action", step.action());
                if (!step.ruleName().isEmpty()) {
                    r.put("ruleName", step.ruleName());
                }
            });
            r.put("message", reason.message());
            reasons.add(r);
        }
        out.put("reasons", reasons);
        return out;
    }

    public static Map<String, Object> endpoint(Endpoint endpoint) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", endpoint.id());
        out.put("kind", endpoint.kind().name());
        if (!endpoint.external()) {
            out.put("namespace", endpoint.namespace());
            out.put("name", endpoint.name());
            out.put("labels", endpoint.labels());
        }
        out.put("ips", endpoint.ips().stream().map(IpAddress::toString).toList());
        if (endpoint.addressAssigned()) {
            out.put("addressAssigned", true);
        }
        if (endpoint.hostNetwork()) {
            out.put("hostNetwork", true);
        }
        return out;
    }

    private static Map<String, Object> probe(Probe probe) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("port", probe.port());
        out.put("protocol", probe.protocol().name());
        return out;
    }

    public static List<Object> problems(List<Problem> problems) {
        List<Object> out = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("message", problem.message());
            p.put("line", problem.line());
            p.put("column", problem.column());
            p.put("path", problem.path());
            out.add(p);
        }
        return out;
    }
}
