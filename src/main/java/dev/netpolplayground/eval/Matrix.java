package dev.netpolplayground.eval;

import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Scenario;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reachability matrix: for every probe, which endpoint reaches which. Booleans come from the
 * bit rows, which endpoints with the same policies share, so nothing is kept per cell; {@link
 * #verdict} computes a cell's evidence on demand.
 */
public final class Matrix {
    /**
     * Per probe and row: egress rows by source, ingress rows by destination (rows shared between
     * endpoints). A bit of an allowed row means surely allowed; a bit of an undefined row means the
     * tiers leave it to the plugin. The undefined tables are null when nothing is undefined.
     */
    record Rows(long[][][] egress, long[][][] ingress, long[][][] egressUndefined, long[][][] ingressUndefined) {
    }

    private final Scenario scenario;
    private final List<Probe> probes;
    private final Rows rows;
    private final Isolation isolation;
    private final Decider decider;
    private final Map<String, Integer> indexById = new HashMap<>();

    Matrix(Scenario scenario, List<Probe> probes, Rows rows, Isolation isolation) {
        this.scenario = scenario;
        this.probes = List.copyOf(probes);
        this.rows = rows;
        this.isolation = isolation;
        this.decider = new Decider(scenario, isolation);
        for (int i = 0; i < scenario.endpoints().size(); i++) {
            indexById.put(scenario.endpoints().get(i).id(), i);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<Endpoint> endpoints() {
        return scenario.endpoints();
    }

    public List<Probe> probes() {
        return probes;
    }

    /** Which policies select each endpoint, per direction: the index the matrix was computed from. */
    public Isolation isolation() {
        return isolation;
    }

    public Optional<Integer> indexOf(String endpointId) {
        return Optional.ofNullable(indexById.get(endpointId));
    }

    /** A cell exists for every ordered pair except outside-to-outside, which no policy can see. */
    public boolean applicable(int from, int to) {
        return !(endpoints().get(from).external() && endpoints().get(to).external());
    }

    public boolean allowed(int from, int to, int probe) {
        return reach(from, to, probe) == Reach.ALLOWED;
    }

    public Reach reach(int from, int to, int probe) {
        return Verdict.decide(endpoints().get(from), endpoints().get(to), egressReach(from, to, probe),
                ingressReach(from, to, probe));
    }

    public Reach egressReach(int from, int to, int probe) {
        return reach(rows.egress(), rows.egressUndefined(), probe, from, to);
    }

    public Reach ingressReach(int from, int to, int probe) {
        return reach(rows.ingress(), rows.ingressUndefined(), probe, to, from);
    }

    /** Whether some cell's verdict is left to the plugin (equal priorities that disagree). */
    public boolean anyUndefined() {
        return rows.egressUndefined() != null || rows.ingressUndefined() != null;
    }

    private static Reach reach(long[][][] allowed, long[][][] undefined, int probe, int row, int column) {
        if (undefined != null && Bits.get(undefined[probe][row], column)) {
            return Reach.UNDEFINED;
        }
        return Bits.get(allowed[probe][row], column) ? Reach.ALLOWED : Reach.DENIED;
    }

    /** Allowed cells over all probes, counting each applicable ordered pair (loopback included). */
    public long allowedCount() {
        long total = 0;
        for (int p = 0; p < probes.size(); p++) {
            for (int s = 0; s < endpoints().size(); s++) {
                for (int d = 0; d < endpoints().size(); d++) {
                    total += allowed(s, d, p) ? 1 : 0;
                }
            }
        }
        return total;
    }

    /**
     * About how many bytes the matrix holds beyond its scenario: each distinct bit row once (rows
     * are shared by endpoints with the same policies), and the per-endpoint references to them.
     */
    public long bytes() {
        Map<long[], Boolean> distinct = new IdentityHashMap<>();
        long bytes = 0;
        for (long[][][] table : java.util.Arrays.asList(rows.egress(), rows.ingress(), rows.egressUndefined(),
                rows.ingressUndefined())) {
            if (table == null) {
                continue;
            }
            for (long[][] probeRows : table) {
                bytes += 16 + 8L * probeRows.length;
                for (long[] row : probeRows) {
                    if (distinct.put(row, Boolean.TRUE) == null) {
                        bytes += 16 + 8L * row.length;
                    }
                }
            }
        }
        return bytes;
    }

    /** One direction of a cell explained: {@code subject}'s chain for traffic with {@code peer} on the probe. */
    public Chain chain(Direction direction, int subject, int peer, int probe) {
        return decider.chain(direction, endpoints().get(subject), endpoints().get(peer), probes.get(probe));
    }

    public Verdict verdict(int from, int to, int probe) {
        return decider.verdict(endpoints().get(from), endpoints().get(to), probes.get(probe));
    }
}
