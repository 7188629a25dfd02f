package dev.netpolplayground.eval;

import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.NamespaceScope;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides one cell with all its evidence. Slower than {@link Engine} but it says why; the matrix
 * calls it only for the cells someone asks about.
 */
public final class Decider {
    private final Isolation isolation;
    private final Map<String, Namespace> namespaces;

    public Decider(Scenario scenario, Isolation isolation) {
        this.isolation = isolation;
        this.namespaces = scenario.namespacesByName();
    }

    public Verdict verdict(Endpoint from, Endpoint to, Probe probe) {
        return new Verdict(from, to, probe, decide(Direction.EGRESS, from, to, probe),
                decide(Direction.INGRESS, to, from, probe));
    }

    /**
     * The decision for one direction.
     * 1. Outside addresses and host-network pods are not governed by NetworkPolicy.
     * 2. The subject is isolated for the direction when some policy selects it with that policyType.
     * 3. An isolated subject is allowed exactly when some rule of some isolating policy matches both
     *    the peer and the port; policies are a union, so one match is enough.
     * Named ports are looked up on the destination: the peer for egress, the subject for ingress.
     */
    public Decision decide(Direction direction, Endpoint subject, Endpoint peer, Probe probe) {
        if (subject.external()) {
            return new Decision.Unrestricted(direction, subject, Decision.Freedom.OUTSIDE_CLUSTER, List.of());
        }
        if (subject.hostNetwork()) {
            return new Decision.Unrestricted(direction, subject, Decision.Freedom.HOST_NETWORK, List.of());
        }
        List<Policy> isolating = isolation.isolating(subject, direction);
        if (isolating.isEmpty()) {
            List<Policy> otherDirection = isolation.selecting(subject).stream()
                    .filter(policy -> !policy.isolates(direction)).toList();
            return new Decision.Unrestricted(direction, subject, Decision.Freedom.NOT_ISOLATED, otherDirection);
        }
        Endpoint destination = direction == Direction.EGRESS ? peer : subject;
        List<Decision.RuleMatch> matches = new ArrayList<>();
        List<Decision.PolicyMiss> misses = new ArrayList<>();
        for (Policy policy : isolating) {
            List<Decision.RuleMiss> ruleMisses = new ArrayList<>();
            boolean matched = false;
            for (Rule rule : policy.rules(direction)) {
                Optional<Peer> matchedPeer = rule.peers().stream().filter(p -> peerMatches(p, peer)).findFirst();
                Optional<PortMatch> matchedPort = rule.ports().stream()
                        .filter(p -> p.matches(probe, destination)).findFirst();
                if (matchedPeer.isPresent() && matchedPort.isPresent()) {
                    matches.add(new Decision.RuleMatch(policy, rule, matchedPeer.get(), matchedPort.get()));
                    matched = true;
                } else {
                    ruleMisses.add(new Decision.RuleMiss(rule, matchedPeer,
                            matchedPeer.isPresent() ? List.of() : peerMisses(rule, peer),
                            matchedPort,
                            matchedPort.isPresent() ? List.of() : portMisses(rule, probe, destination)));
                }
            }
            if (!matched) {
                misses.add(new Decision.PolicyMiss(policy, ruleMisses));
            }
        }
        return new Decision.Isolated(direction, subject, isolating, matches, misses);
    }

    private boolean peerMatches(Peer peer, Endpoint endpoint) {
        return peer.matches(endpoint, namespaces.get(endpoint.namespace()));
    }

    private List<Decision.Miss<Peer>> peerMisses(Rule rule, Endpoint endpoint) {
        return rule.peers().stream().map(p -> new Decision.Miss<>(p, peerMismatch(p, endpoint)))
                .collect(Collectors.toList());
    }

    /** Why a peer entry does not match {@code endpoint}; asked only of entries that do not match. */
    private Mismatch peerMismatch(Peer peer, Endpoint endpoint) {
        return peer.accept(new Peer.Visitor<>() {
            @Override
            public Mismatch any(Peer.AnyPeer any) {
                throw new IllegalStateException("any peer matches every endpoint");
            }

            @Override
            public Mismatch ipBlock(Peer.IpBlockPeer block) {
                for (IpAddress address : endpoint.ips()) {
                    if (block.cidr().contains(address)) {
                        String hole = block.except().stream().filter(c -> c.contains(address)).findFirst()
                                .map(Object::toString).orElse("");
                        return new Mismatch.InExcept(address.toString(), hole);
                    }
                }
                String addresses = endpoint.ips().stream().map(Object::toString).collect(Collectors.joining(", "));
                return new Mismatch.OutsideCidr(addresses, block.cidr().toString());
            }

            @Override
            public Mismatch pods(Peer.PodPeer pods) {
                if (endpoint.external()) {
                    return new Mismatch.NotAPod(endpoint.display());
                }
                if (endpoint.hostNetwork()) {
                    return new Mismatch.HostNetworkPeer(endpoint.display());
                }
                Namespace namespace = namespaces.get(endpoint.namespace());
                if (!pods.namespaces().matches(namespace)) {
                    if (pods.namespaces() instanceof NamespaceScope.PolicyNamespace) {
                        return new Mismatch.OtherNamespace(endpoint.namespace(),
                                ((NamespaceScope.PolicyNamespace) pods.namespaces()).name());
                    }
                    String wanted = ((NamespaceScope.Matching) pods.namespaces()).selector()
                            .firstFailure(namespace.labels()).orElse("");
                    return new Mismatch.NamespaceLabels(namespace.name(), wanted);
                }
                return new Mismatch.PodLabels(endpoint.display(), pods.pods().firstFailure(endpoint.labels()).orElse(""));
            }
        });
    }

    private static List<Decision.Miss<PortMatch>> portMisses(Rule rule, Probe probe, Endpoint destination) {
        return rule.ports().stream().map(p -> new Decision.Miss<>(p, portMismatch(p, probe, destination)))
                .collect(Collectors.toList());
    }

    /** Why a port entry does not admit {@code probe} to {@code destination}; asked only of entries that do not. */
    private static Mismatch portMismatch(PortMatch port, Probe probe, Endpoint destination) {
        return port.accept(new PortMatch.Visitor<>() {
            @Override
            public Mismatch any(PortMatch.AnyPort any) {
                throw new IllegalStateException("any port matches every probe");
            }

            @Override
            public Mismatch allOf(PortMatch.AllPortsOf all) {
                return new Mismatch.WrongProtocol(probe.toString(), all.toString());
            }

            @Override
            public Mismatch range(PortMatch.PortRange range) {
                return range.protocol() != probe.protocol() ? new Mismatch.WrongProtocol(probe.toString(), range.toString())
                        : new Mismatch.WrongPort(probe.toString(), range.toString());
            }

            @Override
            public Mismatch named(PortMatch.NamedPort named) {
                if (named.protocol() != probe.protocol()) {
                    return new Mismatch.WrongProtocol(probe.toString(), named.name() + "/" + named.protocol());
                }
                if (destination.external()) {
                    return new Mismatch.NamedPortExternal(destination.display(), named.name());
                }
                int declared = named.declaredOn(destination);
                if (declared < 0) {
                    return new Mismatch.NamedPortMissing(destination.display(), named.name(), named.protocol().name());
                }
                return new Mismatch.NamedPortElsewhere(destination.display(), named.name(), declared, probe.toString());
            }
        });
    }
}
