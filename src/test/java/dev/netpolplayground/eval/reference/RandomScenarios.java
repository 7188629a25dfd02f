package dev.netpolplayground.eval.reference;

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
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Requirement;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Source;
import dev.netpolplayground.model.Subject;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Small random scenarios built straight from model records (no YAML), with a vocabulary small
 * enough that selectors, CIDRs and named ports match often: a few namespaces, up to a dozen pods
 * and workloads (some on the host network, some dual-stack), up to six policies and a couple of
 * outside addresses. Everything is drawn from the {@link Random} passed in, so a seed
 * reproduces a scenario exactly.
 */
public final class RandomScenarios {
    private static final List<String> NAMESPACE_NAMES = List.of("x", "y", "z", "w");
    private static final List<String> NAMESPACE_KEYS = List.of("team", "env");
    private static final List<String> POD_KEYS = List.of("app", "tier", "role");
    private static final List<String> VALUES = List.of("a", "b", "c");
    private static final List<String> PORT_NAMES = List.of("http", "dns", "metrics");
    private static final List<Integer> PORT_NUMBERS = List.of(53, 80, 81, 443, 8080);
    private static final List<EndpointKind> WORKLOADS = List.of(EndpointKind.Deployment, EndpointKind.StatefulSet,
            EndpointKind.DaemonSet, EndpointKind.Job);
    private static final long POD_NETWORK = 0x0A00_0000L;
    private static final long NODE_NETWORK = 0x0A00_0100L;
    private static final long OUTSIDE_NETWORK = 0xC0A8_0000L;
    private static final long V6_PREFIX = 0xFD00_0000_0000_0000L;

    private final Random random;
    private final List<Namespace> namespaces;
    private final List<Endpoint> endpoints;

    private RandomScenarios(Random random, List<Namespace> namespaces, List<Endpoint> endpoints) {
        this.random = random;
        this.namespaces = namespaces;
        this.endpoints = endpoints;
    }

    /** A fresh random scenario with 1 to 12 pods and workloads; policies and endpoints come in no particular order. */
    public static Scenario generate(Random random) {
        return generate(random, 1, 12);
    }

    /**
     * The same kind of scenario with {@code minPods} to {@code maxPods} pods and workloads (at most 150),
     * for matrices wider than one 64-bit word.
     */
    public static Scenario generate(Random random, int minPods, int maxPods) {
        if (minPods < 1 || maxPods > 150 || maxPods < minPods) {
            throw new IllegalArgumentException("pods " + minPods + ".." + maxPods);
        }
        List<Namespace> namespaces = new ArrayList<>();
        int namespaceCount = 1 + random.nextInt(4);
        for (int i = 0; i < namespaceCount; i++) {
            Map<String, String> labels = new TreeMap<>();
            for (String key : NAMESPACE_KEYS) {
                if (random.nextInt(3) > 0) {
                    labels.put(key, pick(random, VALUES));
                }
            }
            namespaces.add(new Namespace(NAMESPACE_NAMES.get(i), labels, random.nextInt(8) == 0));
        }
        RandomScenarios generator = new RandomScenarios(random, namespaces, new ArrayList<>());
        int podCount = minPods + random.nextInt(maxPods - minPods + 1);
        for (int i = 0; i < podCount; i++) {
            generator.endpoints.add(generator.pod(i));
        }
        int externalCount = random.nextInt(3);
        for (int i = 0; i < externalCount; i++) {
            Endpoint external = Endpoint.external(generator.outsideAddress());
            if (generator.endpoints.stream().noneMatch(e -> e.id().equals(external.id()))) {
                generator.endpoints.add(external);
            }
        }
        List<Policy> policies = new ArrayList<>();
        int policyCount = random.nextInt(7);
        for (int i = 0; i < policyCount; i++) {
            policies.add(generator.policy("np" + i, random.nextInt(20) == 0));
        }
        return new Scenario(namespaces, generator.endpoints, policies);
    }

    /** A policy not yet in {@code scenario} (fresh name) that isolates at least one direction. */
    public static Policy newPolicy(Random random, Scenario scenario) {
        String name = "added" + scenario.policies().size();
        return of(random, scenario).policy(name, false);
    }

    /** A rule that could be appended to {@code policy}'s list for {@code direction}, numbered accordingly. */
    public static Rule newRule(Random random, Scenario scenario, Policy policy, Direction direction) {
        return of(random, scenario).rule(direction, policy.rules(direction).size() + 1, policy.namespace());
    }

    /**
     * One to four probes, mostly ports the scenario mentions (container ports, ends and middles of
     * ranges, protocols of protocol-only entries) so that rules match; now and then one nothing names.
     */
    public static List<Probe> probes(Random random, Scenario scenario) {
        List<Probe> candidates = new ArrayList<>();
        candidates.add(new Probe(80, Protocol.TCP));
        for (Endpoint endpoint : scenario.endpoints()) {
            for (ContainerPort port : endpoint.ports()) {
                candidates.add(new Probe(port.port(), port.protocol()));
            }
        }
        for (Policy policy : scenario.policies()) {
            for (Rule rule : allRules(policy)) {
                for (PortMatch port : rule.ports()) {
                    if (port instanceof PortMatch.PortRange range) {
                        candidates.add(new Probe(range.from(), range.protocol()));
                        candidates.add(new Probe(range.to(), range.protocol()));
                        candidates.add(new Probe(range.from() + random.nextInt(range.to() - range.from() + 1),
                                range.protocol()));
                    } else if (port instanceof PortMatch.AllPortsOf all) {
                        candidates.add(new Probe(pick(random, PORT_NUMBERS), all.protocol()));
                    }
                }
            }
        }
        Set<Probe> chosen = new LinkedHashSet<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            chosen.add(pick(random, candidates));
        }
        if (random.nextInt(10) == 0) {
            chosen.add(new Probe(9000 + random.nextInt(100), pick(random, List.of(Protocol.values()))));
        }
        return new ArrayList<>(chosen);
    }

    /** A few lines a person can read to rebuild the scenario by hand. */
    public static String describe(Scenario scenario) {
        StringBuilder out = new StringBuilder("namespaces:");
        for (Namespace namespace : scenario.namespaces()) {
            Map<String, String> labels = new TreeMap<>(namespace.labels());
            labels.remove(Namespace.NAME_LABEL);
            out.append(' ').append(namespace.name()).append(labels).append(namespace.implicit() ? "(implicit)" : "");
        }
        out.append("\nendpoints:");
        for (Endpoint endpoint : scenario.endpoints()) {
            out.append("\n  ").append(describe(endpoint));
        }
        out.append("\npolicies:").append(scenario.policies().isEmpty() ? " none" : "");
        for (Policy policy : scenario.policies()) {
            out.append("\n  ").append(describe(policy).replace("\n", "\n  "));
        }
        for (ClusterPolicy policy : scenario.clusterPolicies()) {
            out.append("\n  ").append(policy.label()).append(" subject ").append(policy.subject());
            for (TierRule rule : policy.ingress()) {
                out.append("\n    ").append(rule.label()).append(' ').append(rule.action()).append(' ')
                        .append(describe(rule.rule()));
            }
            for (TierRule rule : policy.egress()) {
                out.append("\n    ").append(rule.label()).append(' ').append(rule.action()).append(' ')
                        .append(describe(rule.rule()));
            }
        }
        return out.toString();
    }

    public static String describe(Endpoint endpoint) {
        if (endpoint.external()) {
            return endpoint.id() + " (outside)";
        }
        String ports = endpoint.ports().stream()
                .map(p -> (p.named() ? p.name() + ":" : "") + p.port() + "/" + p.protocol())
                .collect(Collectors.joining(",", " ports[", "]"));
        String ips = endpoint.ips().stream().map(Object::toString).collect(Collectors.joining(","));
        return endpoint.id() + " " + endpoint.kind() + " " + endpoint.labels() + " " + ips
                + (endpoint.ports().isEmpty() ? "" : ports) + (endpoint.hostNetwork() ? " hostNetwork" : "");
    }

    public static String describe(Policy policy) {
        Set<Direction> isolates = EnumSet.noneOf(Direction.class);
        isolates.addAll(policy.isolates());
        StringBuilder out = new StringBuilder(policy.id() + " podSelector " + policy.podSelector() + " isolates "
                + isolates);
        for (Rule rule : allRules(policy)) {
            out.append("\n  ").append(describe(rule));
        }
        return out.toString();
    }

    public static String describe(Rule rule) {
        return rule.label() + " " + rule.direction().peerField() + " " + rule.peers() + " ports " + rule.ports();
    }

    /**
     * The scenario with one to five cluster policies added: both tiers, all three kinds, priorities
     * from a set of three so that ties are common, every action, and peers and ports of every shape
     * a cluster policy has.
     */
    public static Scenario withTiers(Random random, Scenario scenario) {
        RandomScenarios generator = of(random, scenario);
        List<ClusterPolicy> policies = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        boolean baselineAdmin = false;
        for (int i = 0; i < count; i++) {
            ClusterPolicy policy = generator.clusterPolicy("cnp" + i, baselineAdmin);
            baselineAdmin |= policy.api() == ClusterPolicy.Api.BASELINE_ADMIN_NETWORK_POLICY;
            policies.add(policy);
        }
        return new Scenario(scenario.namespaces(), scenario.endpoints(), scenario.policies(), policies);
    }

    private ClusterPolicy clusterPolicy(String name, boolean baselineAdminTaken) {
        int kind = random.nextInt(10);
        ClusterPolicy.Api api = kind < 7 ? ClusterPolicy.Api.CLUSTER_NETWORK_POLICY
                : kind < 9 || baselineAdminTaken ? ClusterPolicy.Api.ADMIN_NETWORK_POLICY
                : ClusterPolicy.Api.BASELINE_ADMIN_NETWORK_POLICY;
        Tier tier = switch (api) {
            case CLUSTER_NETWORK_POLICY -> random.nextBoolean() ? Tier.ADMIN : Tier.BASELINE;
            case ADMIN_NETWORK_POLICY -> Tier.ADMIN;
            case BASELINE_ADMIN_NETWORK_POLICY -> Tier.BASELINE;
        };
        OptionalInt priority = api == ClusterPolicy.Api.BASELINE_ADMIN_NETWORK_POLICY ? OptionalInt.empty()
                : OptionalInt.of(1 + random.nextInt(3));
        LabelSelector namespaces = random.nextInt(3) == 0 ? LabelSelector.EVERYTHING : namespaceSelector();
        Optional<LabelSelector> pods = random.nextBoolean() ? Optional.empty()
                : Optional.of(random.nextInt(3) == 0 ? LabelSelector.EVERYTHING : selector(POD_KEYS, 1));
        return new ClusterPolicy(api, name, tier, priority, new Subject(namespaces, pods),
                tierRules(Direction.INGRESS, api), tierRules(Direction.EGRESS, api), Source.NONE);
    }

    private List<TierRule> tierRules(Direction direction, ClusterPolicy.Api api) {
        List<TierRule> rules = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            List<Action> actions = api == ClusterPolicy.Api.BASELINE_ADMIN_NETWORK_POLICY
                    ? List.of(Action.ACCEPT, Action.DENY) : List.of(Action.values());
            rules.add(new TierRule(tierRule(direction, i + 1), random.nextBoolean() ? "r" + i : "", pick(actions)));
        }
        return rules;
    }

    private Rule tierRule(Direction direction, int number) {
        List<Peer> peers = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(direction == Direction.EGRESS ? 4 : 2);
            LabelSelector namespaces = random.nextInt(3) == 0 ? LabelSelector.EVERYTHING : namespaceSelector();
            NamespaceScope scope = namespaces.isEmpty() ? new NamespaceScope.AllNamespaces()
                    : new NamespaceScope.Matching(namespaces);
            peers.add(switch (kind) {
                case 0 -> new Peer.PodPeer(scope, LabelSelector.EVERYTHING);
                case 1 -> new Peer.PodPeer(scope, random.nextInt(3) == 0 ? LabelSelector.EVERYTHING
                        : selector(POD_KEYS, 2));
                case 2 -> new Peer.NetworksPeer(List.of(((Peer.IpBlockPeer) ipBlock()).cidr()));
                default -> random.nextInt(4) == 0 ? new Peer.UnevaluatedPeer("nodes", "{}")
                        : new Peer.NetworksPeer(List.of(((Peer.IpBlockPeer) ipBlock()).cidr(),
                        ((Peer.IpBlockPeer) ipBlock()).cidr()));
            });
        }
        List<PortMatch> ports = new ArrayList<>();
        if (random.nextInt(10) < 4) {
            ports.add(new PortMatch.AnyPort());
        } else {
            int count2 = 1 + random.nextInt(2);
            for (int i = 0; i < count2; i++) {
                PortMatch port = portMatch();
                if (port instanceof PortMatch.NamedPort named) {
                    port = new PortMatch.DestinationNamedPort(named.name());
                } else if (port instanceof PortMatch.AllPortsOf all) {
                    port = new PortMatch.PortRange(all.protocol(), 1, 65535);
                }
                ports.add(port);
            }
        }
        return new Rule(direction, number, peers, ports);
    }

    private LabelSelector namespaceSelector() {
        List<String> keys = new ArrayList<>(NAMESPACE_KEYS);
        keys.add(Namespace.NAME_LABEL);
        LabelSelector selector = selector(keys, 1);
        return selector.isEmpty() ? new LabelSelector(Map.of(Namespace.NAME_LABEL, pick(namespaces).name()), List.of())
                : selector;
    }

    private static RandomScenarios of(Random random, Scenario scenario) {
        return new RandomScenarios(random, scenario.namespaces(), scenario.endpoints());
    }

    private static List<Rule> allRules(Policy policy) {
        List<Rule> rules = new ArrayList<>(policy.ingress());
        rules.addAll(policy.egress());
        return rules;
    }

    private Endpoint pod(int index) {
        String namespace = pick(namespaces).name();
        EndpointKind kind = random.nextInt(4) == 0 ? pick(WORKLOADS) : EndpointKind.Pod;
        String name = "p" + index;
        Map<String, String> labels = new TreeMap<>();
        for (String key : POD_KEYS) {
            if (random.nextInt(2) == 0) {
                labels.put(key, pick(VALUES));
            }
        }
        boolean hostNetwork = random.nextInt(10) == 0;
        List<IpAddress> ips = new ArrayList<>();
        long host = hostNetwork ? NODE_NETWORK + 1 + random.nextInt(3) : POD_NETWORK + 1 + index;
        ips.add(IpAddress.v4(host));
        if (random.nextInt(4) == 0) {
            ips.add(new IpAddress(true, V6_PREFIX, host & 0xFFFF));
        }
        List<ContainerPort> ports = new ArrayList<>();
        int portCount = random.nextInt(4);
        for (int i = 0; i < portCount; i++) {
            String portName = random.nextInt(10) < 7 ? pick(PORT_NAMES) : "";
            Protocol protocol = protocol();
            boolean clash = ports.stream().anyMatch(p -> p.named() && p.name().equals(portName)
                    && p.protocol() == protocol);
            if (!clash) {
                ports.add(new ContainerPort(portName, pick(PORT_NUMBERS), protocol));
            }
        }
        return new Endpoint(Endpoint.podId(namespace, name), kind, namespace, name, labels, ips, false, ports,
                hostNetwork, Source.NONE);
    }

    private IpAddress outsideAddress() {
        switch (random.nextInt(3)) {
            case 0:
                return IpAddress.v4(OUTSIDE_NETWORK + 1 + random.nextInt(8));
            case 1:
                return IpAddress.v4(POD_NETWORK + 200 + random.nextInt(8));
            default:
                return new IpAddress(true, 0x2001_0db8_0000_0000L, 1 + random.nextInt(8));
        }
    }

    private Policy policy(String name, boolean isolatesNothing) {
        String namespace = pick(namespaces).name();
        LabelSelector podSelector = random.nextInt(10) < 3 ? LabelSelector.EVERYTHING : selector(POD_KEYS, 1);
        Set<Direction> isolates;
        if (isolatesNothing) {
            isolates = Set.of();
        } else {
            int kind = random.nextInt(10);
            isolates = kind < 4 ? Set.of(Direction.INGRESS)
                    : kind < 6 ? Set.of(Direction.EGRESS)
                    : Set.of(Direction.INGRESS, Direction.EGRESS);
        }
        return new Policy(namespace, name, podSelector, isolates, rules(Direction.INGRESS, namespace),
                rules(Direction.EGRESS, namespace), Source.NONE);
    }

    private List<Rule> rules(Direction direction, String policyNamespace) {
        List<Rule> rules = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            rules.add(rule(direction, i + 1, policyNamespace));
        }
        return rules;
    }

    private Rule rule(Direction direction, int number, String policyNamespace) {
        List<Peer> peers = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            peers.add(new Peer.AnyPeer());
        } else {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                peers.add(random.nextInt(3) < 2 ? podPeer(policyNamespace) : ipBlock());
            }
        }
        List<PortMatch> ports = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            ports.add(new PortMatch.AnyPort());
        } else {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ports.add(portMatch());
            }
        }
        return new Rule(direction, number, peers, ports);
    }

    private Peer podPeer(String policyNamespace) {
        LabelSelector pods = random.nextInt(3) == 0 ? LabelSelector.EVERYTHING : selector(POD_KEYS, 2);
        NamespaceScope scope;
        int kind = random.nextInt(3);
        if (kind == 0) {
            scope = new NamespaceScope.PolicyNamespace(policyNamespace);
        } else if (kind == 1) {
            scope = new NamespaceScope.AllNamespaces();
        } else {
            List<String> keys = new ArrayList<>(NAMESPACE_KEYS);
            keys.add(Namespace.NAME_LABEL);
            LabelSelector selector = selector(keys, 1);
            if (selector.isEmpty()) {
                selector = new LabelSelector(Map.of(Namespace.NAME_LABEL, pick(namespaces).name()), List.of());
            }
            scope = new NamespaceScope.Matching(selector);
        }
        return new Peer.PodPeer(scope, pods);
    }

    /** A CIDR around an address the scenario uses, with holes around other such addresses. */
    private Peer ipBlock() {
        IpAddress anchor = anchorAddress();
        int bits = anchor.bits();
        int prefix = random.nextInt(8) == 0 ? 0 : bits - random.nextInt(anchor.v6() ? 17 : 10);
        Cidr cidr = new Cidr(anchor.masked(prefix), prefix);
        List<Cidr> except = new ArrayList<>();
        int holes = prefix == bits ? 0 : random.nextInt(3);
        for (int i = 0; i < holes; i++) {
            IpAddress inside = anchorAddress();
            if (cidr.contains(inside)) {
                int holePrefix = prefix + 1 + random.nextInt(bits - prefix);
                except.add(new Cidr(inside.masked(holePrefix), holePrefix));
            }
        }
        return new Peer.IpBlockPeer(cidr, except);
    }

    private IpAddress anchorAddress() {
        List<IpAddress> used = endpoints.stream().flatMap(e -> e.ips().stream()).collect(Collectors.toList());
        if (used.isEmpty() || random.nextInt(5) == 0) {
            return random.nextInt(4) == 0 ? new IpAddress(true, V6_PREFIX, random.nextInt(16))
                    : IpAddress.v4(POD_NETWORK + random.nextInt(32));
        }
        return pick(used);
    }

    private PortMatch portMatch() {
        int kind = random.nextInt(20);
        if (kind < 3) {
            return new PortMatch.AllPortsOf(protocol());
        }
        if (kind < 12) {
            int from = pick(PORT_NUMBERS);
            int to = random.nextInt(2) == 0 ? from : from + random.nextInt(8000);
            return new PortMatch.PortRange(protocol(), from, Math.min(to, 65535));
        }
        List<ContainerPort> declared = endpoints.stream().flatMap(e -> e.ports().stream())
                .filter(ContainerPort::named).collect(Collectors.toList());
        if (!declared.isEmpty() && random.nextInt(3) > 0) {
            ContainerPort port = pick(declared);
            return new PortMatch.NamedPort(port.protocol(), port.name());
        }
        return new PortMatch.NamedPort(protocol(), pick(PORT_NAMES));
    }

    /** Up to {@code maxTerms} matchLabels pairs and as many expressions, over {@code keys}. */
    private LabelSelector selector(List<String> keys, int maxTerms) {
        Map<String, String> matchLabels = new TreeMap<>();
        int labelCount = random.nextInt(maxTerms + 1);
        for (int i = 0; i < labelCount; i++) {
            String key = pick(keys);
            matchLabels.put(key, pick(valuesFor(key)));
        }
        List<Requirement> expressions = new ArrayList<>();
        int expressionCount = random.nextInt(maxTerms + 1);
        for (int i = 0; i < expressionCount; i++) {
            String key = pick(keys);
            Requirement.Operator operator = pick(List.of(Requirement.Operator.values()));
            List<String> values = new ArrayList<>();
            if (operator == Requirement.Operator.In || operator == Requirement.Operator.NotIn) {
                for (String value : valuesFor(key)) {
                    if (random.nextInt(2) == 0) {
                        values.add(value);
                    }
                }
                if (values.isEmpty()) {
                    values.add(pick(valuesFor(key)));
                }
            }
            expressions.add(new Requirement(key, operator, values));
        }
        return new LabelSelector(matchLabels, expressions);
    }

    private static List<String> valuesFor(String key) {
        return key.equals(Namespace.NAME_LABEL) ? NAMESPACE_NAMES : VALUES;
    }

    private Protocol protocol() {
        int kind = random.nextInt(6);
        return kind < 3 ? Protocol.TCP : kind < 5 ? Protocol.UDP : Protocol.SCTP;
    }

    private <T> T pick(List<T> items) {
        return pick(random, items);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
