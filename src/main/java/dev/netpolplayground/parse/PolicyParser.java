package dev.netpolplayground.parse;

import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.Digits;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.LabelSelector;
import dev.netpolplayground.model.NamespaceScope;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Source;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A NetworkPolicy spec, validated and defaulted: every absent-versus-empty subtlety becomes an
 * explicit model value here, so the evaluator never sees a null or a map.
 */
final class PolicyParser {
    private static final List<String> SPEC_FIELDS = List.of("podSelector", "policyTypes", "ingress", "egress");
    private static final List<String> PEER_FIELDS = List.of("podSelector", "namespaceSelector", "ipBlock");
    private static final List<String> PORT_FIELDS = List.of("protocol", "port", "endPort");
    private static final List<String> IPBLOCK_FIELDS = List.of("cidr", "except");

    private final Reader reader;
    private final SelectorParser selectors;

    PolicyParser(Reader reader, SelectorParser selectors) {
        this.reader = reader;
        this.selectors = selectors;
    }

    Optional<Policy> policy(String namespace, String name, Reader.Fields object, Source source) {
        Optional<Reader.Fields> maybeSpec = object.fields("spec");
        if (maybeSpec.isEmpty()) {
            reader.error(object.anchor("spec"), object.path("spec"), "a NetworkPolicy needs a spec");
            return Optional.empty();
        }
        Reader.Fields spec = maybeSpec.get();
        spec.rejectUnknown(SPEC_FIELDS, "a NetworkPolicy spec");
        if (!spec.has("podSelector")) {
            reader.error(spec.node(), spec.path("podSelector"),
                    "podSelector is required; write podSelector: {} to select every pod in the namespace");
        }
        LabelSelector podSelector = spec.get("podSelector")
                .map(node -> selectors.selector(node, spec.path("podSelector"))).orElse(LabelSelector.EVERYTHING);
        List<Rule> ingress = rules(spec, Direction.INGRESS, namespace);
        List<Rule> egress = rules(spec, Direction.EGRESS, namespace);
        Set<Direction> isolates = policyTypes(spec, ingress, egress);
        return Optional.of(new Policy(namespace, name, podSelector, isolates, ingress, egress, source));
    }

    /**
     * Effective policyTypes: as written, or when absent or empty, Ingress plus Egress if the spec has
     * at least one egress rule (an empty {@code egress: []} does not count), as the API server defaults.
     */
    private Set<Direction> policyTypes(Reader.Fields spec, List<Rule> ingress, List<Rule> egress) {
        List<Node> written = spec.list("policyTypes").orElse(List.of());
        if (written.size() > 2) {
            reader.error(spec.anchor("policyTypes"), spec.path("policyTypes"),
                    "policyTypes may list at most two values: Ingress and Egress");
        }
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        for (int i = 0; i < written.size(); i++) {
            String path = Reader.index(spec.path("policyTypes"), i);
            Node node = written.get(i);
            reader.string(node, path).ifPresent(value -> {
                Optional<Direction> type = List.of(Direction.values()).stream()
                        .filter(d -> d.policyType().equals(value)).findFirst();
                if (type.isEmpty()) {
                    String hint = Names.closest(value, List.of("Ingress", "Egress"))
                            .map(t -> "; did you mean '" + t + "'?").orElse("; use Ingress or Egress");
                    reader.error(node, path, "policy type '" + value + "' is not valid" + hint);
                } else if (!types.add(type.get())) {
                    reader.warn(node, path, "policy type " + value + " is listed twice");
                }
            });
        }
        boolean hasEgressRules = !egress.isEmpty();
        if (written.isEmpty()) {
            types.add(Direction.INGRESS);
            if (hasEgressRules) {
                types.add(Direction.EGRESS);
            }
            if (spec.get("egress").filter(node -> node instanceof SequenceNode).isPresent() && !hasEgressRules) {
                reader.warn(spec.anchor("egress"), spec.path("egress"), "egress: [] without policyTypes does not"
                        + " isolate egress: policyTypes defaults to Ingress only when there are no egress rules."
                        + " Add policyTypes: [Ingress, Egress] (or [Egress]) to deny all egress");
            }
        }
        for (Direction direction : Direction.values()) {
            boolean hasRules = !(direction == Direction.INGRESS ? ingress : egress).isEmpty();
            if (hasRules && !types.contains(direction)) {
                reader.warn(spec.anchor(direction.word()), spec.path(direction.word()), "these "
                        + direction.word() + " rules are ignored: policyTypes does not include "
                        + direction.policyType());
            }
        }
        return types;
    }

    private List<Rule> rules(Reader.Fields spec, Direction direction, String namespace) {
        String key = direction.word();
        List<Node> items = spec.list(key).orElse(List.of());
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(items.get(i), Reader.index(spec.path(key), i), direction, i + 1, namespace));
        }
        return rules;
    }

    private Rule rule(Node node, String path, Direction direction, int number, String namespace) {
        Optional<Reader.Fields> maybeRule = reader.fields(node, path);
        if (maybeRule.isEmpty()) {
            return new Rule(direction, number, List.of(new Peer.AnyPeer()), List.of(new PortMatch.AnyPort()));
        }
        Reader.Fields rule = maybeRule.get();
        rule.rejectUnknown(List.of(direction.peerField(), "ports"), "an " + direction.word() + " rule");
        List<Peer> peers = new ArrayList<>();
        List<Node> peerNodes = rule.list(direction.peerField()).orElse(List.of());
        for (int i = 0; i < peerNodes.size(); i++) {
            peer(peerNodes.get(i), Reader.index(rule.path(direction.peerField()), i), namespace).ifPresent(peers::add);
        }
        List<PortMatch> ports = new ArrayList<>();
        List<Node> portNodes = rule.list("ports").orElse(List.of());
        for (int i = 0; i < portNodes.size(); i++) {
            port(portNodes.get(i), Reader.index(rule.path("ports"), i)).ifPresent(ports::add);
        }
        if (peerNodes.isEmpty()) {
            peers.add(new Peer.AnyPeer());
        }
        if (portNodes.isEmpty()) {
            ports.add(new PortMatch.AnyPort());
        }
        if (peers.isEmpty() || ports.isEmpty()) {
            return new Rule(direction, number, List.of(new Peer.AnyPeer()), List.of(new PortMatch.AnyPort()));
        }
        return new Rule(direction, number, peers, ports);
    }

    private Optional<Peer> peer(Node node, String path, String namespace) {
        Optional<Reader.Fields> maybePeer = reader.fields(node, path);
        if (maybePeer.isEmpty()) {
            reader.error(node, path, "must specify a peer: podSelector, namespaceSelector or ipBlock");
            return Optional.empty();
        }
        Reader.Fields peer = maybePeer.get();
        peer.rejectUnknown(PEER_FIELDS, "a peer");
        boolean pods = present(peer, "podSelector");
        boolean namespaces = present(peer, "namespaceSelector");
        boolean block = present(peer, "ipBlock");
        if (!pods && !namespaces && !block) {
            reader.error(peer.node(), path, "must specify a peer: podSelector, namespaceSelector or ipBlock");
            return Optional.empty();
        }
        if (block && (pods || namespaces)) {
            reader.error(peer.anchor("ipBlock"), peer.path("ipBlock"),
                    "ipBlock may not be combined with podSelector or namespaceSelector in one peer;"
                            + " write them as separate list items");
            return Optional.empty();
        }
        if (block) {
            return ipBlock(peer.get("ipBlock").orElseThrow(), peer.path("ipBlock"));
        }
        LabelSelector podSelector = pods
                ? selectors.selector(peer.get("podSelector").orElseThrow(), peer.path("podSelector"))
                : LabelSelector.EVERYTHING;
        NamespaceScope scope = new NamespaceScope.PolicyNamespace(namespace);
        if (namespaces) {
            LabelSelector namespaceSelector =
                    selectors.selector(peer.get("namespaceSelector").orElseThrow(), peer.path("namespaceSelector"));
            scope = namespaceSelector.isEmpty() ? new NamespaceScope.AllNamespaces()
                    : new NamespaceScope.Matching(namespaceSelector);
        }
        return Optional.of(new Peer.PodPeer(scope, podSelector));
    }

    /** A field counts as present unless it is absent or null, as a JSON decoder would see it. */
    private static boolean present(Reader.Fields fields, String key) {
        return fields.get(key).filter(node -> !Reader.isNull(node)).isPresent();
    }

    private Optional<Peer> ipBlock(Node node, String path) {
        Optional<Reader.Fields> maybeBlock = reader.fields(node, path);
        if (maybeBlock.isEmpty()) {
            return Optional.empty();
        }
        Reader.Fields block = maybeBlock.get();
        block.rejectUnknown(IPBLOCK_FIELDS, "an ipBlock");
        if (!block.has("cidr")) {
            reader.error(block.node(), block.path("cidr"), "ipBlock needs a cidr, e.g. 10.0.0.0/16");
            return Optional.empty();
        }
        Optional<Cidr> cidr = cidr(block.get("cidr").orElseThrow(), block.path("cidr"));
        List<Cidr> except = new ArrayList<>();
        List<Node> exceptNodes = block.list("except").orElse(List.of());
        boolean valid = cidr.isPresent();
        for (int i = 0; i < exceptNodes.size(); i++) {
            String exceptPath = Reader.index(block.path("except"), i);
            Node exceptNode = exceptNodes.get(i);
            Optional<Cidr> hole = cidr(exceptNode, exceptPath);
            if (hole.isEmpty()) {
                valid = false;
                continue;
            }
            if (cidr.isPresent()) {
                if (hole.get().v6() != cidr.get().v6()) {
                    reader.error(exceptNode, exceptPath, "except " + hole.get() + " is "
                            + (hole.get().v6() ? "IPv6" : "IPv4") + " but cidr " + cidr.get() + " is "
                            + (cidr.get().v6() ? "IPv6" : "IPv4") + "; both must be the same family");
                    valid = false;
                } else if (!cidr.get().covers(hole.get()) || hole.get().prefix() == cidr.get().prefix()) {
                    reader.error(exceptNode, exceptPath, "except " + hole.get() + " must be a strict subset of cidr "
                            + cidr.get());
                    valid = false;
                }
            }
            except.add(hole.get());
        }
        return valid ? Optional.of(new Peer.IpBlockPeer(cidr.get(), except)) : Optional.empty();
    }

    private Optional<Cidr> cidr(Node node, String path) {
        Optional<String> text = reader.string(node, path);
        if (text.isEmpty()) {
            if (Reader.isNull(node)) {
                reader.error(node, path, "a CIDR is required, e.g. 10.0.0.0/16");
            }
            return Optional.empty();
        }
        Optional<Cidr> cidr = Cidr.parse(text.get());
        if (cidr.isEmpty()) {
            reader.error(node, path, "'" + Reader.abbreviate(text.get()) + "' is not a valid CIDR such as"
                    + " 10.0.0.0/16 or 2001:db8::/64");
            return Optional.empty();
        }
        String written = text.get();
        if (!written.equals(cidr.get().toString()) && !sameAddress(written, cidr.get())) {
            reader.warn(node, path, "'" + written + "' has host bits set; it means " + cidr.get());
        }
        return cidr;
    }

    /** True when the text names the same network as {@code cidr}, written differently (e.g. IPv6 zeros). */
    private static boolean sameAddress(String written, Cidr cidr) {
        int slash = written.indexOf('/');
        return IpAddress.parse(written.substring(0, slash))
                .map(address -> address.equals(cidr.base())).orElse(false);
    }

    private Optional<PortMatch> port(Node node, String path) {
        Optional<Reader.Fields> maybePort = reader.fields(node, path);
        if (maybePort.isEmpty()) {
            return Optional.of(new PortMatch.AllPortsOf(Protocol.TCP));
        }
        Reader.Fields port = maybePort.get();
        port.rejectUnknown(PORT_FIELDS, "a ports entry");
        Optional<Protocol> parsedProtocol = port.protocol();
        Protocol protocol = parsedProtocol.orElse(Protocol.TCP);
        Optional<Node> portNode = port.get("port").filter(n -> !Reader.isNull(n));
        Optional<Integer> endPort = port.integer("endPort");
        Optional<PortMatch> match = portMatch(port, protocol, portNode, endPort);
        return parsedProtocol.isPresent() ? match : Optional.empty();
    }

    /** The port and endPort of one entry, validated whatever the protocol turned out to be. */
    private Optional<PortMatch> portMatch(Reader.Fields port, Protocol protocol, Optional<Node> portNode,
                                          Optional<Integer> endPort) {
        if (portNode.isEmpty()) {
            if (endPort.isPresent()) {
                reader.error(port.anchor("endPort"), port.path("endPort"), "endPort needs a numeric port to start from");
                return Optional.empty();
            }
            return Optional.of(new PortMatch.AllPortsOf(protocol));
        }
        Node value = portNode.get();
        String portPath = port.path("port");
        if (value instanceof ScalarNode && value.getTag().equals(Tag.STR)) {
            String name = ((ScalarNode) value).getValue();
            if (!name.isEmpty() && Digits.decimal(name)) {
                reader.error(value, portPath, "port \"" + name + "\" is quoted, so it is read as a port name (and"
                        + " names need a letter); write the number without quotes: port: " + name);
                return Optional.empty();
            }
            Optional<String> problem = Names.portName(name);
            if (problem.isPresent()) {
                reader.error(value, portPath, "port name '" + Reader.abbreviate(name) + "' " + problem.get());
                return Optional.empty();
            }
            if (endPort.isPresent()) {
                reader.error(port.anchor("endPort"), port.path("endPort"),
                        "endPort cannot be used with a named port; use a numeric port");
                return Optional.empty();
            }
            return Optional.of(new PortMatch.NamedPort(protocol, name));
        }
        Optional<Integer> number = reader.integer(value, portPath);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (number.get() < 1 || number.get() > 65535) {
            reader.error(value, portPath, "port " + number.get() + " must be between 1 and 65535");
            return Optional.empty();
        }
        int last = endPort.orElse(number.get());
        if (endPort.isPresent() && (last < number.get() || last > 65535)) {
            reader.error(port.anchor("endPort"), port.path("endPort"), "endPort " + last
                    + " must be between port " + number.get() + " and 65535");
            return Optional.empty();
        }
        if (number.get() == 53 && port.get("protocol").filter(n -> !Reader.isNull(n)).isEmpty()) {
            reader.warn(value, portPath, "port 53 without protocol means TCP only; DNS mostly uses UDP."
                    + " Add a second entry with protocol: UDP");
        }
        return Optional.of(new PortMatch.PortRange(protocol, number.get(), last));
    }
}
