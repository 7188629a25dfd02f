package dev.netpolplayground.eval.reference;

import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.ContainerPort;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointKind;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.LabelSelector;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.NamespaceScope;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Requirement;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Subject;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Map;

/**
 * A deliberately plain NetworkPolicy (networking.k8s.io/v1) evaluator, and a brute-force tier chain
 * over it ({@link #reach}) for one cell at a time: no
 * bit rows, no caching, no shared code with the engine. It re-derives selector, CIDR and port
 * matching from the model's fields so that a bug in a shared helper cannot hide in both.
 * <p>
 * 1. A pod reaching itself is always allowed (loopback never leaves the pod).
 * 2. Otherwise the source's egress and the destination's ingress must both allow the connection.
 * 3. A direction is unrestricted at an outside address, at a host-network pod, and at a pod that no
 *    policy selects with that direction in its policyTypes.
 * 4. An isolated direction is allowed when some rule of some isolating policy has a peer matching
 *    the other end and a port entry matching the probe; policies only ever add allowances.
 * 5. Named ports are resolved on the destination: its container ports must declare that name and
 *    protocol with the probe's number.
 */
public final class ReferenceEvaluator {
    private ReferenceEvaluator() {
    }

    /** Whether {@code from} reaches {@code to} on {@code probe}. Not meant for outside-to-outside pairs. */
    public static boolean allowed(Scenario scenario, Endpoint from, Endpoint to, Probe probe) {
        if (!isExternal(from) && from.id().equals(to.id())) {
            return true;
        }
        return egressAllowed(scenario, from, to, probe) && ingressAllowed(scenario, from, to, probe);
    }

    /** Whether the source's egress side lets the connection out. */
    public static boolean egressAllowed(Scenario scenario, Endpoint from, Endpoint to, Probe probe) {
        return directionAllowed(scenario, Direction.EGRESS, from, to, to, probe);
    }

    /** Whether the destination's ingress side lets the connection in. */
    public static boolean ingressAllowed(Scenario scenario, Endpoint from, Endpoint to, Probe probe) {
        return directionAllowed(scenario, Direction.INGRESS, to, from, to, probe);
    }

    /** Whether some policy selects {@code subject} and isolates it for {@code direction}. */
    public static boolean isolated(Scenario scenario, Endpoint subject, Direction direction) {
        for (Policy policy : scenario.policies()) {
            if (policy.isolates().contains(direction) && selects(policy, subject)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code policy} applies to {@code endpoint}: a governed pod of its namespace with matching labels. */
    public static boolean selects(Policy policy, Endpoint endpoint) {
        return isGovernedPod(endpoint) && endpoint.namespace().equals(policy.namespace())
                && selectorMatches(policy.podSelector(), endpoint.labels());
    }

    private static boolean directionAllowed(Scenario scenario, Direction direction, Endpoint subject, Endpoint other,
                                            Endpoint destination, Probe probe) {
        if (!isGovernedPod(subject)) {
            return true;
        }
        boolean isolated = false;
        for (Policy policy : scenario.policies()) {
            if (!policy.isolates().contains(direction) || !selects(policy, subject)) {
                continue;
            }
            isolated = true;
            List<Rule> rules = direction == Direction.INGRESS ? policy.ingress() : policy.egress();
            for (Rule rule : rules) {
                if (somePeerMatches(scenario, rule, other) && somePortMatches(rule, probe, destination)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /**
     * The cell through the tier chain, by brute force: every order of each tier's policies that the
     * priorities allow (a smaller priority strictly first; ties and a missing priority in any order)
     * is walked, and the cell is undefined when the orders reach different verdicts.
     * 1. Admin: the first matching rule in the order decides (Accept, Deny) or leaves the tier (Pass).
     * 2. Left undecided, a NetworkPolicy that isolates the subject decides as a union of allows.
     * 3. Otherwise the Baseline tier, walked the same way; undecided there is allowed.
     */
    public static Reach reach(Scenario scenario, Endpoint from, Endpoint to, Probe probe) {
        if (isExternal(from) && isExternal(to)) {
            return Reach.DENIED;
        }
        if (from.id().equals(to.id())) {
            return Reach.ALLOWED;
        }
        return directionReach(scenario, Direction.EGRESS, from, to, to, probe)
                .and(directionReach(scenario, Direction.INGRESS, to, from, to, probe));
    }

    public static Reach directionReach(Scenario scenario, Direction direction, Endpoint subject, Endpoint other,
                                       Endpoint destination, Probe probe) {
        Set<Boolean> verdicts = new HashSet<>();
        for (List<ClusterPolicy> admin : orders(subjectsOf(scenario, subject, Tier.ADMIN))) {
            Action first = firstAction(scenario, admin, direction, other, destination, probe);
            if (first == Action.ACCEPT || first == Action.DENY) {
                verdicts.add(first == Action.ACCEPT);
            } else if (isolated(scenario, subject, direction)) {
                verdicts.add(directionAllowed(scenario, direction, subject, other, destination, probe));
            } else {
                for (List<ClusterPolicy> baseline : orders(subjectsOf(scenario, subject, Tier.BASELINE))) {
                    verdicts.add(firstAction(scenario, baseline, direction, other, destination, probe) != Action.DENY);
                }
            }
        }
        if (verdicts.size() == 2) {
            return Reach.UNDEFINED;
        }
        return verdicts.contains(true) ? Reach.ALLOWED : Reach.DENIED;
    }

    private static List<ClusterPolicy> subjectsOf(Scenario scenario, Endpoint subject, Tier tier) {
        List<ClusterPolicy> selecting = new ArrayList<>();
        if (!isGovernedPod(subject)) {
            return selecting;
        }
        for (ClusterPolicy policy : scenario.clusterPolicies()) {
            Subject s = policy.subject();
            if (policy.tier() == tier && selectorMatches(s.namespaces(), namespaceOf(scenario, subject).labels())
                    && (s.pods().isEmpty() || selectorMatches(s.pods().get(), subject.labels()))) {
                selecting.add(policy);
            }
        }
        return selecting;
    }

    /** Every permutation in which no policy comes after one with a strictly larger priority. */
    private static List<List<ClusterPolicy>> orders(List<ClusterPolicy> policies) {
        List<List<ClusterPolicy>> orders = new ArrayList<>();
        permute(new ArrayList<>(policies), 0, orders);
        return orders;
    }

    private static void permute(List<ClusterPolicy> items, int at, List<List<ClusterPolicy>> out) {
        if (at == items.size()) {
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    OptionalInt earlier = items.get(i).priority();
                    OptionalInt later = items.get(j).priority();
                    if (earlier.isPresent() && later.isPresent() && later.getAsInt() < earlier.getAsInt()) {
                        return;
                    }
                }
            }
            out.add(List.copyOf(items));
            return;
        }
        for (int i = at; i < items.size(); i++) {
            java.util.Collections.swap(items, at, i);
            permute(items, at + 1, out);
            java.util.Collections.swap(items, at, i);
        }
    }

    /** The action of the first rule, in this order of policies, matching both the peer and the port; null if none. */
    private static Action firstAction(Scenario scenario, List<ClusterPolicy> order, Direction direction,
                                      Endpoint other, Endpoint destination, Probe probe) {
        for (ClusterPolicy policy : order) {
            for (TierRule rule : direction == Direction.INGRESS ? policy.ingress() : policy.egress()) {
                if (somePeerMatches(scenario, rule.rule(), other) && somePortMatches(rule.rule(), probe, destination)) {
                    return rule.action();
                }
            }
        }
        return null;
    }

    private static boolean somePeerMatches(Scenario scenario, Rule rule, Endpoint endpoint) {
        for (Peer peer : rule.peers()) {
            if (peerMatches(scenario, peer, endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(Scenario scenario, Peer peer, Endpoint endpoint) {
        if (peer instanceof Peer.AnyPeer) {
            return true;
        }
        if (peer instanceof Peer.PodPeer pods) {
            return isGovernedPod(endpoint)
                    && scopeMatches(pods.namespaces(), namespaceOf(scenario, endpoint))
                    && selectorMatches(pods.pods(), endpoint.labels());
        }
        if (peer instanceof Peer.NetworksPeer networks) {
            for (IpAddress address : endpoint.ips()) {
                if (inAnyCidr(address, networks.cidrs())) {
                    return true;
                }
            }
            return false;
        }
        if (peer instanceof Peer.UnevaluatedPeer) {
            return false;
        }
        Peer.IpBlockPeer block = (Peer.IpBlockPeer) peer;
        for (IpAddress address : endpoint.ips()) {
            if (inCidr(address, block.cidr()) && !inAnyCidr(address, block.except())) {
                return true;
            }
        }
        return false;
    }

    private static boolean scopeMatches(NamespaceScope scope, Namespace namespace) {
        if (scope instanceof NamespaceScope.PolicyNamespace own) {
            return namespace.name().equals(own.name());
        }
        if (scope instanceof NamespaceScope.AllNamespaces) {
            return true;
        }
        return selectorMatches(((NamespaceScope.Matching) scope).selector(), namespace.labels());
    }

    private static Namespace namespaceOf(Scenario scenario, Endpoint endpoint) {
        for (Namespace namespace : scenario.namespaces()) {
            if (namespace.name().equals(endpoint.namespace())) {
                return namespace;
            }
        }
        return new Namespace(endpoint.namespace(), Map.of(), true);
    }

    private static boolean somePortMatches(Rule rule, Probe probe, Endpoint destination) {
        for (PortMatch port : rule.ports()) {
            if (portMatches(port, probe, destination)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(PortMatch port, Probe probe, Endpoint destination) {
        if (port instanceof PortMatch.AnyPort) {
            return true;
        }
        if (port instanceof PortMatch.AllPortsOf all) {
            return all.protocol() == probe.protocol();
        }
        if (port instanceof PortMatch.PortRange range) {
            return range.protocol() == probe.protocol() && range.from() <= probe.port() && probe.port() <= range.to();
        }
        if (port instanceof PortMatch.DestinationNamedPort named) {
            if (isExternal(destination)) {
                return false;
            }
            for (ContainerPort declared : destination.ports()) {
                if (declared.name().equals(named.name()) && declared.protocol() == probe.protocol()
                        && declared.port() == probe.port()) {
                    return true;
                }
            }
            return false;
        }
        PortMatch.NamedPort named = (PortMatch.NamedPort) port;
        if (named.protocol() != probe.protocol() || isExternal(destination)) {
            return false;
        }
        for (ContainerPort declared : destination.ports()) {
            if (declared.name().equals(named.name()) && declared.protocol() == named.protocol()
                    && declared.port() == probe.port()) {
                return true;
            }
        }
        return false;
    }

    private static boolean selectorMatches(LabelSelector selector, Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : selector.matchLabels().entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : selector.expressions()) {
            String value = labels.get(requirement.key());
            boolean holds;
            switch (requirement.operator()) {
                case In:
                    holds = value != null && requirement.values().contains(value);
                    break;
                case NotIn:
                    holds = value == null || !requirement.values().contains(value);
                    break;
                case Exists:
                    holds = value != null;
                    break;
                case DoesNotExist:
                    holds = value == null;
                    break;
                default:
                    throw new AssertionError(requirement.operator());
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean inAnyCidr(IpAddress address, List<Cidr> cidrs) {
        for (Cidr cidr : cidrs) {
            if (inCidr(address, cidr)) {
                return true;
            }
        }
        return false;
    }

    /** Same family, and the first {@code prefix} bits are equal. */
    private static boolean inCidr(IpAddress address, Cidr cidr) {
        if (address.v6() != cidr.base().v6()) {
            return false;
        }
        int hostBits = (address.v6() ? 128 : 32) - cidr.prefix();
        return asNumber(address).shiftRight(hostBits).equals(asNumber(cidr.base()).shiftRight(hostBits));
    }

    private static BigInteger asNumber(IpAddress address) {
        BigInteger hi = new BigInteger(Long.toUnsignedString(address.hi()));
        BigInteger lo = new BigInteger(Long.toUnsignedString(address.lo()));
        return hi.shiftLeft(64).or(lo);
    }

    private static boolean isExternal(Endpoint endpoint) {
        return endpoint.kind() == EndpointKind.External;
    }

    private static boolean isGovernedPod(Endpoint endpoint) {
        return !isExternal(endpoint) && !endpoint.hostNetwork();
    }
}
