package dev.netpolplayground.eval;

import dev.netpolplayground.model.ClusterPolicy;
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
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

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
        return new Verdict(from, to, probe, chain(Direction.EGRESS, from, to, probe),
                chain(Direction.INGRESS, to, from, probe));
    }

    /** One direction through the tiers present in the scenario: Admin, NetworkPolicy, Baseline. */
    public Chain chain(Direction direction, Endpoint subject, Endpoint peer, Probe probe) {
        Optional<TierDecision> admin = isolation.hasTier(Tier.ADMIN)
                ? Optional.of(walk(Tier.ADMIN, direction, subject, peer, probe)) : Optional.empty();
        Optional<TierDecision> baseline = isolation.hasTier(Tier.BASELINE)
                ? Optional.of(walk(Tier.BASELINE, direction, subject, peer, probe)) : Optional.empty();
        return Chain.of(decide(direction, subject, peer, probe), admin, baseline);
    }

    /**
     * The walk through one tier: policies by priority, rules in written order, the first match
     * decides. Policies of equal priority are each tried on the same traffic, since their order is
     * the plugin's; so are those without a priority (the BaselineAdminNetworkPolicy), which may come
     * anywhere. A match among them with another action is a rival: the direction may be undefined.
     */
    TierDecision walk(Tier tier, Direction direction, Endpoint subject, Endpoint peer, Probe probe) {
        List<ClusterPolicy> selecting = isolation.tierPolicies(subject, tier);
        Endpoint destination = direction == Direction.EGRESS ? peer : subject;
        List<TierDecision.Checked> checked = new ArrayList<>();
        List<TierDecision.Hit> hits = new ArrayList<>();
        List<ClusterPolicy> unprioritized = selecting.stream().filter(p -> p.priority().isEmpty()).toList();
        List<ClusterPolicy> prioritized = selecting.stream().filter(p -> p.priority().isPresent()).toList();
        for (int i = 0; i < prioritized.size() && hits.isEmpty(); ) {
            int priority = prioritized.get(i).priority().getAsInt();
            for (; i < prioritized.size() && prioritized.get(i).priority().getAsInt() == priority; i++) {
                firstMatch(prioritized.get(i), direction, peer, probe, destination, checked).ifPresent(hits::add);
            }
        }
        for (ClusterPolicy policy : unprioritized) {
            firstMatch(policy, direction, peer, probe, destination, checked).ifPresent(hits::add);
        }
        Optional<TierDecision.Hit> hit = hits.stream().findFirst();
        List<TierDecision.Hit> rivals = hits.stream().skip(1)
                .filter(h -> h.rule().action() != hit.orElseThrow().rule().action()).toList();
        return new TierDecision(tier, selecting, checked, hit, rivals);
    }

    private Optional<TierDecision.Hit> firstMatch(ClusterPolicy policy, Direction direction, Endpoint peer,
                                                  Probe probe, Endpoint destination,
                                                  List<TierDecision.Checked> checked) {
        for (TierRule rule : policy.rules(direction)) {
            Optional<Peer> matchedPeer = matchingPeer(rule.rule(), peer);
            Optional<PortMatch> matchedPort = matchingPort(rule.rule(), probe, destination);
            if (matchedPeer.isPresent() && matchedPort.isPresent()) {
                return Optional.of(new TierDecision.Hit(policy, rule, matchedPeer.get(), matchedPort.get()));
            }
            checked.add(new TierDecision.Checked(policy, rule,
                    miss(rule.rule(), matchedPeer, matchedPort, peer, probe, destination)));
        }
        return Optional.empty();
    }

    /**
     * The NetworkPolicy decision for one direction.
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
                Optional<Peer> matchedPeer = matchingPeer(rule, peer);
                Optional<PortMatch> matchedPort = matchingPort(rule, probe, destination);
                if (matchedPeer.isPresent() && matchedPort.isPresent()) {
                    matches.add(new Decision.RuleMatch(policy, rule, matchedPeer.get(), matchedPort.get()));
                    matched = true;
                } else {
                    ruleMisses.add(miss(rule, matchedPeer, matchedPort, peer, probe, destination));
                }
            }
            if (!matched) {
                misses.add(new Decision.PolicyMiss(policy, ruleMisses));
            }
        }
        return new Decision.Isolated(direction, subject, isolating, matches, misses);
    }

    private Optional<Peer> matchingPeer(Rule rule, Endpoint peer) {
        return rule.peers().stream().filter(p -> peerMatches(p, peer)).findFirst();
    }

    private static Optional<PortMatch> matchingPort(Rule rule, Probe probe, Endpoint destination) {
        return rule.ports().stream().filter(p -> p.matches(probe, destination)).findFirst();
    }

    private Decision.RuleMiss miss(Rule rule, Optional<Peer> matchedPeer, Optional<PortMatch> matchedPort,
                                   Endpoint peer, Probe probe, Endpoint destination) {
        return new Decision.RuleMiss(rule, matchedPeer, matchedPeer.isPresent() ? List.of() : peerMisses(rule, peer),
                matchedPort, matchedPort.isPresent() ? List.of() : portMisses(rule, probe, destination));
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
            public Mismatch networks(Peer.NetworksPeer networks) {
                String addresses = endpoint.ips().stream().map(Object::toString).collect(Collectors.joining(", "));
                return new Mismatch.OutsideCidr(addresses, networks.cidrs().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")));
            }

            @Override
            public Mismatch unevaluated(Peer.UnevaluatedPeer unevaluated) {
                return new Mismatch.NotEvaluated(unevaluated.field());
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
                    return pods.namespaces().accept(new NamespaceScope.Visitor<Mismatch>() {
                        public Mismatch policyNamespace(NamespaceScope.PolicyNamespace scope) {
                            return new Mismatch.OtherNamespace(endpoint.namespace(), scope.name());
                        }

                        public Mismatch all(NamespaceScope.AllNamespaces scope) {
                            throw new IllegalStateException("every namespace matches " + scope);
                        }

                        public Mismatch matching(NamespaceScope.Matching scope) {
                            return new Mismatch.NamespaceLabels(namespace.name(),
                                    scope.selector().firstFailure(namespace.labels()).orElse(""));
                        }
                    });
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

            @Override
            public Mismatch destinationNamed(PortMatch.DestinationNamedPort named) {
                if (destination.external()) {
                    return new Mismatch.NamedPortExternal(destination.display(), named.name());
                }
                int declared = named.declaredOn(destination, probe.protocol());
                if (declared < 0) {
                    return new Mismatch.NamedPortMissing(destination.display(), named.name(), probe.protocol().name());
                }
                return new Mismatch.NamedPortElsewhere(destination.display(), named.name(), declared, probe.toString());
            }
        });
    }
}
