package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Matrix;
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

    /** How much to say about each cell. */
    public enum Detail { FULL, NO_REASONS, COMPACT }

    public static Map<String, Object> of(Analysis.Success success, Detail detail, Selection from, Selection to) {
        Matrix matrix = success.matrix();
        List<Endpoint> endpoints = matrix.endpoints();
        Map<String, Object> report = new LinkedHashMap<>();
        List<Object> endpointList = new ArrayList<>();
        endpoints.forEach(endpoint -> endpointList.add(endpoint(endpoint)));
        report.put("endpoints", endpointList);
        List<Object> probeList = new ArrayList<>();
        matrix.probes().forEach(probe -> probeList.add(probe(probe)));
        report.put("probes", probeList);
        report.put("probesDefaulted", success.probesDefaulted());
        List<Integer> sources = indexes(endpoints, from);
        List<Integer> destinations = indexes(endpoints, to);
        long allowed = 0;
        long total = 0;
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
                        row.append(ok ? '.' : 'X');
                        total++;
                        allowed += ok ? 1 : 0;
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
        report.put("warnings", problems(success.warnings()));
        return report;
    }

    /** The count of cells the full form would list, to refuse answers too large to be useful. */
    public static long cellCount(Matrix matrix, Selection from, Selection to) {
        List<Endpoint> endpoints = matrix.endpoints();
        long count = 0;
        List<Integer> destinations = indexes(endpoints, to);
        for (int s : indexes(endpoints, from)) {
            for (int d : destinations) {
                if (s != d && matrix.applicable(s, d)) {
                    count++;
                }
            }
        }
        return count * matrix.probes().size();
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

    public static Map<String, Object> cell(Matrix matrix, int s, int d, int p, boolean withReasons) {
        Map<String, Object> cell = new LinkedHashMap<>();
        Probe probe = matrix.probes().get(p);
        cell.put("from", matrix.endpoints().get(s).id());
        cell.put("to", matrix.endpoints().get(d).id());
        cell.putAll(probe(probe));
        cell.put("allowed", matrix.allowed(s, d, p));
        if (withReasons) {
            Explanation explanation = Explainer.explain(matrix.verdict(s, d, p));
            cell.put("summary", explanation.summary());
            cell.put("egress", side(explanation.egress()));
            cell.put("ingress", side(explanation.ingress()));
            if (!explanation.notes().isEmpty()) {
                cell.put("notes", explanation.notes());
            }
        } else {
            cell.put("egress", Map.of("allowed", matrix.egressAllowed(s, d, p)));
            cell.put("ingress", Map.of("allowed", matrix.ingressAllowed(s, d, p)));
        }
        return cell;
    }

    private static Map<String, Object> side(Explanation.Side side) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowed", side.allowed());
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
