package dev.netpolplayground.eval;

import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Computes the whole matrix with bit rows instead of cell by cell, so that a cluster dump with
 * thousands of pods and hundreds of policies stays fast:
 * 1. Endpoints that share namespace and labels form a class; selectors are matched once per class.
 * 2. Every distinct peer becomes the bit row of endpoints it matches.
 * 3. Egress: a source's allowed destinations per probe are the union, over the egress rules of the
 *    policies isolating it, of (peer row AND destinations whose ports match). Sources isolated by
 *    the same policies share one row.
 * 4. Ingress: a destination's allowed sources per probe are the union of peer rows of the rules
 *    whose ports match on that destination; shared by destinations with the same policies and ports.
 * 5. Nothing per cell is stored: {@link Matrix#allowed} reads a cell's two bits from these shared
 *    rows and decides it by {@link Verdict#decide}, the one cell rule.
 * {@link Decider} answers the same question for one cell with reasons; tests keep them in agreement.
 */
final class Engine {
    private final List<Endpoint> endpoints;
    private final List<Probe> probes;
    private final int size;
    private final Map<String, Namespace> namespaces;
    private final List<Endpoint> classRepresentative = new ArrayList<>();
    private final List<long[]> classMembers = new ArrayList<>();
    private final Map<Peer, long[]> peerRows = new HashMap<>();
    private final Map<Rule, long[][]> destinationPortRows = new IdentityHashMap<>();

    private final Isolation isolation;
    private final Deadline deadline;
    /** The undefined row of a subject where nothing is undefined: shared, never written. */
    private final long[] none;

    Engine(Scenario scenario, List<Probe> probes, Isolation isolation, Deadline deadline) {
        this.isolation = isolation;
        this.deadline = deadline;
        this.endpoints = scenario.endpoints();
        this.probes = probes;
        this.size = endpoints.size();
        this.namespaces = scenario.namespacesByName();
        this.none = Bits.empty(size);
        groupIntoClasses();
    }

    Matrix.Rows compute() {
        DirectionRows egress = rows(Direction.EGRESS);
        DirectionRows ingress = rows(Direction.INGRESS);
        return new Matrix.Rows(egress.allowed(), ingress.allowed(), egress.undefined(), ingress.undefined());
    }


    private void groupIntoClasses() {
        Map<List<Object>, Integer> classes = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Endpoint endpoint = endpoints.get(i);
            List<Object> key = endpoint.policyApplies()
                    ? List.of(endpoint.namespace(), endpoint.labels())
                    : List.of(endpoint.id());
            int index = classes.computeIfAbsent(key, k -> {
                classRepresentative.add(endpoint);
                classMembers.add(Bits.empty(size));
                return classRepresentative.size() - 1;
            });
            Bits.set(classMembers.get(index), i);
        }
    }

    private long[] peerRow(Peer peer) {
        long[] row = peerRows.get(peer);
        if (row != null) {
            return row;
        }
        if (peer.byAddress()) {
            row = Bits.empty(size);
            for (int i = 0; i < size; i++) {
                Endpoint endpoint = endpoints.get(i);
                if (peer.matches(endpoint, namespaces.get(endpoint.namespace()))) {
                    Bits.set(row, i);
                }
            }
        } else {
            row = Bits.empty(size);
            for (int c = 0; c < classRepresentative.size(); c++) {
                Endpoint representative = classRepresentative.get(c);
                if (peer.matches(representative, namespaces.get(representative.namespace()))) {
                    Bits.orInto(row, classMembers.get(c));
                }
            }
        }
        peerRows.put(peer, row);
        return row;
    }

    private long[] ruleRow(Rule rule) {
        if (rule.peers().size() == 1) {
            return peerRow(rule.peers().get(0));
        }
        long[] row = Bits.empty(size);
        for (Peer peer : rule.peers()) {
            Bits.orInto(row, peerRow(peer));
        }
        return row;
    }

    /** Per probe, the destinations on which one of the rule's port entries matches (null = none). */
    private long[][] destinationPorts(Rule rule) {
        return destinationPortRows.computeIfAbsent(rule, r -> {
            long[][] perProbe = new long[probes.size()][];
            long[] all = Bits.full(size);
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                long[] row = null;
                for (PortMatch port : r.ports()) {
                    Optional<Boolean> everywhere = port.everywhere(probe);
                    if (everywhere.isPresent()) {
                        if (everywhere.get()) {
                            row = all;
                            break;
                        }
                        continue;
                    }
                    for (int d = 0; d < size; d++) {
                        if (port.matches(probe, endpoints.get(d))) {
                            if (row == null) {
                                row = Bits.empty(size);
                            }
                            Bits.set(row, d);
                        }
                    }
                }
                perProbe[p] = row;
            }
            return perProbe;
        });
    }

    /** One direction's rows per probe and subject: surely allowed, and undefined (null when nothing is). */
    private record DirectionRows(long[][][] allowed, long[][][] undefined) {
    }

    /** One subject's rows for one probe. */
    private record Row(long[] allowed, long[] undefined) {
    }

    /**
     * Every subject's row for {@code direction}. Subjects with the same NetworkPolicies and tier
     * policies share their rows; for ingress, so must their container ports when a rule names a port.
     */
    private DirectionRows rows(Direction direction) {
        long[][][] allowed = new long[probes.size()][size][];
        long[][][] undefined = new long[probes.size()][size][];
        boolean anyUndefined = false;
        long[] all = Bits.full(size);
        Map<List<Object>, Row[]> shared = new HashMap<>();
        Map<SharedRows, Row[]> sameLists = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if ((i & 255) == 0) {
                deadline.check();
            }
            Endpoint subject = endpoints.get(i);
            List<Policy> policies = isolation.isolating(subject, direction);
            List<ClusterPolicy> admin = isolation.tierPolicies(subject, Tier.ADMIN);
            List<ClusterPolicy> baseline = isolation.tierPolicies(subject, Tier.BASELINE);
            Row[] perProbe = null;
            if (!policies.isEmpty() || !admin.isEmpty() || !baseline.isEmpty()) {
                boolean named = direction == Direction.INGRESS && namesPorts(policies, admin, baseline);
                List<?> ports = named ? subject.ports() : List.of();
                SharedRows key = new SharedRows(policies, admin, baseline, ports);
                perProbe = sameLists.get(key);
                if (perProbe == null) {
                    perProbe = shared.computeIfAbsent(List.of(policies, admin, baseline, ports),
                            k -> subjectRows(direction, subject, policies, admin, baseline));
                    sameLists.put(key, perProbe);
                }
            }
            for (int p = 0; p < probes.size(); p++) {
                allowed[p][i] = perProbe == null ? all : perProbe[p].allowed();
                undefined[p][i] = perProbe == null ? none : perProbe[p].undefined();
                anyUndefined |= undefined[p][i] != none;
            }
        }
        return new DirectionRows(allowed, anyUndefined ? undefined : null);
    }

    /**
     * Subjects that share their rows for certain: the very policy lists that {@link Isolation} hands
     * out once per class of endpoints, compared by identity, and the same ports where a rule names
     * ports. Lists that are only equal are found through a map keyed by their contents, hashed once
     * per class rather than once per endpoint (a thousand policies each).
     */
    private record SharedRows(List<Policy> policies, List<ClusterPolicy> admin, List<ClusterPolicy> baseline,
                              List<?> ports) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SharedRows that && policies == that.policies && admin == that.admin
                    && baseline == that.baseline && ports.equals(that.ports);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * System.identityHashCode(policies) + System.identityHashCode(admin))
                    + System.identityHashCode(baseline)) + ports.hashCode();
        }
    }

    private static boolean namesPorts(List<Policy> policies, List<ClusterPolicy> admin, List<ClusterPolicy> baseline) {
        return Stream.concat(policies.stream().flatMap(policy -> policy.ingress().stream()),
                        Stream.concat(admin.stream(), baseline.stream())
                                .flatMap(policy -> policy.ingress().stream().map(TierRule::rule)))
                .flatMap(rule -> rule.ports().stream()).anyMatch(PortMatch::dependsOnDestination);
    }

    /**
     * The chain with masks over the peers: the Admin walk splits them into accepted, denied and handed
     * on; what is handed on goes to the NetworkPolicy row when one isolates the subject, else to the
     * Baseline walk, whose hand-on is the default allow. A peer that may end both ways is undefined.
     */
    private Row[] subjectRows(Direction direction, Endpoint subject, List<Policy> policies, List<ClusterPolicy> admin,
                              List<ClusterPolicy> baseline) {
        Row[] perProbe = new Row[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            long[] isolated = policies.isEmpty() ? null : networkPolicyRow(direction, subject, policies, p);
            if (admin.isEmpty() && baseline.isEmpty()) {
                perProbe[p] = new Row(isolated, none);
                continue;
            }
            Walk first = walk(admin, direction, subject, p);
            long[] canAllow = first.accept().clone();
            long[] canDeny = first.deny().clone();
            if (isolated != null) {
                Bits.orAndInto(canAllow, first.next(), isolated);
                Bits.orAndNotInto(canDeny, first.next(), isolated);
            } else {
                Walk last = walk(baseline, direction, subject, p);
                long[] lastAllows = last.accept().clone();
                Bits.orInto(lastAllows, last.next());
                Bits.orAndInto(canAllow, first.next(), lastAllows);
                Bits.orAndInto(canDeny, first.next(), last.deny());
            }
            long[] allowed = canAllow.clone();
            Bits.andNotInto(allowed, canDeny);
            long[] undefined = canAllow;
            Bits.andInto(undefined, canDeny);
            perProbe[p] = new Row(allowed, Bits.isEmpty(undefined) ? none : undefined);
        }
        return perProbe;
    }

    /** The peers a tier accepts, denies or hands on (a Pass, or no match); with rivals a peer may be in several. */
    private record Walk(long[] accept, long[] deny, long[] next) {
    }

    /**
     * One tier over all peers at once, priority by priority: a peer still in the tier meets each
     * policy of the next priority, whose first matching rule takes it; policies of one priority each
     * see the same peers, as their order is the plugin's. Policies without a priority may come
     * anywhere, so they add their action for every peer they match.
     */
    private Walk walk(List<ClusterPolicy> policies, Direction direction, Endpoint subject, int probe) {
        long[] accept = Bits.empty(size);
        long[] deny = Bits.empty(size);
        long[] next = Bits.empty(size);
        long[] inTier = Bits.full(size);
        int i = 0;
        while (i < policies.size() && policies.get(i).priority().isPresent()) {
            int priority = policies.get(i).priority().getAsInt();
            long[] matched = Bits.empty(size);
            for (; i < policies.size() && policies.get(i).priority().orElse(-1) == priority; i++) {
                firstMatches(policies.get(i), direction, subject, probe, inTier, matched, accept, deny, next);
            }
            Bits.andNotInto(inTier, matched);
        }
        long[] matched = Bits.empty(size);
        for (; i < policies.size(); i++) {
            firstMatches(policies.get(i), direction, subject, probe, Bits.full(size), matched, accept, deny, next);
        }
        Bits.andNotInto(inTier, matched);
        Bits.orInto(next, inTier);
        return new Walk(accept, deny, next);
    }

    /** Among {@code reaching}, the peers each rule of the policy takes first, into the mask of its action. */
    private void firstMatches(ClusterPolicy policy, Direction direction, Endpoint subject, int probe, long[] reaching,
                              long[] matched, long[] accept, long[] deny, long[] next) {
        deadline.check();
        long[] remaining = reaching.clone();
        for (TierRule rule : policy.rules(direction)) {
            if (Bits.isEmpty(remaining)) {
                return;
            }
            long[] taken = takenFrom(remaining, rule.rule(), direction, subject, probe);
            if (taken == null) {
                continue;
            }
            long[] into = switch (rule.action()) {
                case ACCEPT -> accept;
                case DENY -> deny;
                case PASS -> next;
            };
            Bits.orInto(into, taken);
            Bits.orInto(matched, taken);
            Bits.andNotInto(remaining, taken);
        }
    }

    /** The peers among {@code remaining} that a rule matches on the probe, in a new row (null = none). */
    private long[] takenFrom(long[] remaining, Rule rule, Direction direction, Endpoint subject, int probe) {
        long[] taken;
        if (direction == Direction.EGRESS) {
            long[] ports = destinationPorts(rule)[probe];
            if (ports == null) {
                return null;
            }
            taken = remaining.clone();
            Bits.andInto(taken, ports);
        } else {
            Probe tried = probes.get(probe);
            if (rule.ports().stream().noneMatch(port -> port.matches(tried, subject))) {
                return null;
            }
            taken = remaining.clone();
        }
        Bits.andInto(taken, ruleRow(rule));
        return taken;
    }

    /** The peers a rule matches on the probe, peers and ports both (null = none). */
    private long[] ruleMatches(Rule rule, Direction direction, Endpoint subject, int probe) {
        if (direction == Direction.EGRESS) {
            long[] ports = destinationPorts(rule)[probe];
            if (ports == null) {
                return null;
            }
            long[] row = Bits.empty(size);
            Bits.orAndInto(row, ruleRow(rule), ports);
            return row;
        }
        Probe tried = probes.get(probe);
        return rule.ports().stream().anyMatch(port -> port.matches(tried, subject)) ? ruleRow(rule) : null;
    }

    /** The NetworkPolicy tier for an isolated subject: the union of its isolating policies' rules. */
    private long[] networkPolicyRow(Direction direction, Endpoint subject, List<Policy> policies, int probe) {
        long[] row = Bits.empty(size);
        for (Policy policy : policies) {
            for (Rule rule : policy.rules(direction)) {
                long[] matches = ruleMatches(rule, direction, subject, probe);
                if (matches != null) {
                    Bits.orInto(row, matches);
                }
            }
        }
        return row;
    }
}
