package dev.netpolplayground.eval;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    Engine(Scenario scenario, List<Probe> probes, Isolation isolation, Deadline deadline) {
        this.isolation = isolation;
        this.deadline = deadline;
        this.endpoints = scenario.endpoints();
        this.probes = probes;
        this.size = endpoints.size();
        this.namespaces = scenario.namespacesByName();
        groupIntoClasses();
    }

    Matrix.Rows compute() {
        return new Matrix.Rows(egressRows(), ingressRows());
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
        if (peer instanceof Peer.IpBlockPeer) {
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

    private long[][][] egressRows() {
        long[][][] rows = new long[probes.size()][size][];
        long[] all = Bits.full(size);
        Map<List<Policy>, long[][]> shared = new HashMap<>();
        for (int s = 0; s < size; s++) {
            if ((s & 255) == 0) {
                deadline.check();
            }
            List<Policy> policies = isolation.isolating(endpoints.get(s), Direction.EGRESS);
            long[][] perProbe = policies.isEmpty() ? null : shared.computeIfAbsent(policies, this::egressFor);
            for (int p = 0; p < probes.size(); p++) {
                rows[p][s] = perProbe == null ? all : perProbe[p];
            }
        }
        return rows;
    }

    private long[][] egressFor(List<Policy> policies) {
        long[][] perProbe = new long[probes.size()][];
        for (int p = 0; p < probes.size(); p++) {
            long[] row = Bits.empty(size);
            for (Policy policy : policies) {
                for (Rule rule : policy.egress()) {
                    long[] ports = destinationPorts(rule)[p];
                    if (ports != null) {
                        Bits.orAndInto(row, ruleRow(rule), ports);
                    }
                }
            }
            perProbe[p] = row;
        }
        return perProbe;
    }

    private long[][][] ingressRows() {
        long[][][] rows = new long[probes.size()][size][];
        long[] all = Bits.full(size);
        Map<List<Object>, long[][]> shared = new HashMap<>();
        for (int d = 0; d < size; d++) {
            if ((d & 255) == 0) {
                deadline.check();
            }
            Endpoint destination = endpoints.get(d);
            List<Policy> policies = isolation.isolating(destination, Direction.INGRESS);
            long[][] perProbe = null;
            if (!policies.isEmpty()) {
                boolean named = policies.stream().flatMap(policy -> policy.ingress().stream())
                        .flatMap(rule -> rule.ports().stream()).anyMatch(port -> port instanceof PortMatch.NamedPort);
                List<Object> key = List.of(policies, named ? destination.ports() : List.of());
                perProbe = shared.computeIfAbsent(key, k -> ingressFor(policies, destination));
            }
            for (int p = 0; p < probes.size(); p++) {
                rows[p][d] = perProbe == null ? all : perProbe[p];
            }
        }
        return rows;
    }

    private long[][] ingressFor(List<Policy> policies, Endpoint destination) {
        long[][] perProbe = new long[probes.size()][];
        for (int p = 0; p < probes.size(); p++) {
            Probe probe = probes.get(p);
            long[] row = Bits.empty(size);
            for (Policy policy : policies) {
                for (Rule rule : policy.ingress()) {
                    if (rule.ports().stream().anyMatch(port -> port.matches(probe, destination))) {
                        Bits.orInto(row, ruleRow(rule));
                    }
                }
            }
            perProbe[p] = row;
        }
        return perProbe;
    }
}
