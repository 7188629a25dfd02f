package dev.netpolplayground.parse;

import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.ClusterPolicy.Api;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.LabelSelector;
import dev.netpolplayground.model.NamespaceScope;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Source;
import dev.netpolplayground.model.Subject;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1),
 * validated as the API server's CRD schema and CEL rules do, every problem at once, and compiled to
 * one {@link ClusterPolicy} shape: v1alpha1 {@code ports} become the v1alpha2 port matches, Allow
 * becomes Accept.
 */
final class ClusterPolicyParser {
    private static final int V1ALPHA2_MAX_ITEMS = 25;
    private static final int V1ALPHA1_MAX_ITEMS = 100;
    private static final int MAX_PRIORITY = 1000;
    private static final int MAX_RULE_NAME = 100;
    private static final int MAX_CIDR_LENGTH = 43;
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("^(\\*\\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.?$");
    private static final List<String> SUBJECT_FIELDS = List.of("namespaces", "pods");
    private static final List<String> POD_PEER_FIELDS = List.of("namespaceSelector", "podSelector");
    private static final List<String> PROTOCOL_FIELDS = List.of("tcp", "udp", "sctp", "destinationNamedPort");
    private static final List<String> PORT_FIELDS = List.of("portNumber", "portRange", "namedPort");

    private final Reader reader;
    private final SelectorParser selectors;

    ClusterPolicyParser(Reader reader, SelectorParser selectors) {
        this.reader = reader;
        this.selectors = selectors;
    }

    Optional<ClusterPolicy> policy(Api api, String name, Reader.Fields object, Source source) {
        Optional<Reader.Fields> maybeSpec = object.fields("spec");
        if (maybeSpec.isEmpty()) {
            reader.error(object.anchor("spec"), object.path("spec"), "a " + api.kind() + " needs a spec");
            return Optional.empty();
        }
        Reader.Fields spec = maybeSpec.get();
        List<String> fields = switch (api) {
            case CLUSTER_NETWORK_POLICY -> List.of("tier", "priority", "subject", "ingress", "egress");
            case ADMIN_NETWORK_POLICY -> List.of("priority", "subject", "ingress", "egress");
            case BASELINE_ADMIN_NETWORK_POLICY -> List.of("subject", "ingress", "egress");
        };
        spec.rejectUnknown(fields, "a " + api.kind() + " spec");
        if (api == Api.BASELINE_ADMIN_NETWORK_POLICY && !name.isEmpty() && !name.equals("default")) {
            reader.error(object.fields("metadata").map(m -> m.anchor("name")).orElse(object.node()),
                    "metadata.name", "a BaselineAdminNetworkPolicy must be named 'default': the cluster has at"
                            + " most one, and the API server refuses any other name");
        }
        Optional<Tier> tier = api == Api.CLUSTER_NETWORK_POLICY ? tier(spec)
                : Optional.of(api == Api.ADMIN_NETWORK_POLICY ? Tier.ADMIN : Tier.BASELINE);
        OptionalInt priority = api == Api.BASELINE_ADMIN_NETWORK_POLICY ? OptionalInt.empty() : priority(spec, api);
        Optional<Subject> subject = subject(spec, api);
        List<TierRule> ingress = rules(spec, Direction.INGRESS, api);
        List<TierRule> egress = rules(spec, Direction.EGRESS, api);
        boolean priorityMissing = api != Api.BASELINE_ADMIN_NETWORK_POLICY && priority.isEmpty();
        if (tier.isEmpty() || priorityMissing || subject.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterPolicy(api, name, tier.get(), priority, subject.get(), ingress, egress, source));
    }

    private Optional<Tier> tier(Reader.Fields spec) {
        if (!spec.has("tier")) {
            reader.error(spec.node(), spec.path("tier"), "tier is required: Admin (consulted before NetworkPolicies)"
                    + " or Baseline (after them)");
            return Optional.empty();
        }
        Optional<String> written = spec.string("tier");
        if (written.isEmpty()) {
            return Optional.empty();
        }
        for (Tier tier : Tier.values()) {
            if (tier.word().equals(written.get())) {
                return Optional.of(tier);
            }
        }
        String hint = Names.closest(written.get(), List.of("Admin", "Baseline"))
                .map(t -> "; did you mean '" + t + "'? (the value is case-sensitive)").orElse("; use Admin or Baseline");
        reader.error(spec.get("tier").orElseThrow(), spec.path("tier"), "tier '" + Reader.abbreviate(written.get())
                + "' is not valid" + hint);
        return Optional.empty();
    }

    private OptionalInt priority(Reader.Fields spec, Api api) {
        if (!spec.has("priority")) {
            reader.error(spec.node(), spec.path("priority"), "priority is required: 0 to " + MAX_PRIORITY
                    + ", lower is consulted first");
            return OptionalInt.empty();
        }
        Optional<Integer> value = spec.integer("priority");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.get() < 0 || value.get() > MAX_PRIORITY) {
            reader.error(spec.get("priority").orElseThrow(), spec.path("priority"), "priority " + value.get()
                    + " must be between 0 and " + MAX_PRIORITY + " in a " + api.kind());
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.get());
    }

    private Optional<Subject> subject(Reader.Fields spec, Api api) {
        if (!spec.has("subject")) {
            reader.error(spec.node(), spec.path("subject"), "subject is required: namespaces (every pod of the"
                    + " selected namespaces) or pods (namespaceSelector and podSelector)");
            return Optional.empty();
        }
        Optional<Reader.Fields> maybeSubject = spec.fields("subject");
        if (maybeSubject.isEmpty()) {
            return Optional.empty();
        }
        Reader.Fields subject = maybeSubject.get();
        subject.rejectUnknown(SUBJECT_FIELDS, "a subject");
        if (!exactlyOne(subject, SUBJECT_FIELDS, "a subject")) {
            return Optional.empty();
        }
        if (subject.has("namespaces")) {
            return namespaceSelector(subject, "namespaces").map(ns -> new Subject(ns, Optional.empty()));
        }
        return podSelectors(subject).map(pair -> new Subject(pair.namespaces(), Optional.of(pair.pods())));
    }

    private record PodSelectors(LabelSelector namespaces, LabelSelector pods) {
    }

    /**
     * {@code namespaces: <LabelSelector>}, refusing the pre-v0.1.3 shape that wrapped the selector
     * in {@code namespaceSelector} or used {@code sameLabels}.
     */
    private Optional<LabelSelector> namespaceSelector(Reader.Fields owner, String key) {
        Node node = owner.get(key).orElseThrow();
        Optional<Reader.Fields> fields = reader.fields(node, owner.path(key));
        if (fields.isPresent()) {
            for (String old : List.of("namespaceSelector", "sameLabels", "notSameLabels")) {
                if (fields.get().has(old)) {
                    reader.error(fields.get().entries().get(old).getKeyNode(), fields.get().path(old), oldShape(old));
                    return Optional.empty();
                }
            }
        }
        return Optional.of(selectors.selector(node, owner.path(key)));
    }

    private static String oldShape(String field) {
        String what = field.equals("namespaceSelector")
                ? "namespaces is itself a label selector now: write namespaces: {matchLabels: ...} instead of"
                + " namespaces: {namespaceSelector: ...}"
                : "sameLabels and notSameLabels were removed and cannot be evaluated faithfully; select the"
                + " namespaces by label instead";
        return "'" + field + "' is the pre-v0.1.3 peer shape, which the API no longer has: " + what
                + " (and pods takes namespaceSelector and podSelector)";
    }

    /** {@code pods: {namespaceSelector, podSelector}}: podSelector required, namespaceSelector absent = all. */
    private Optional<PodSelectors> podSelectors(Reader.Fields owner) {
        Optional<Reader.Fields> maybePods = owner.fields("pods");
        if (maybePods.isEmpty()) {
            reader.error(owner.anchor("pods"), owner.path("pods"), "pods needs podSelector ({} for every pod)");
            return Optional.empty();
        }
        Reader.Fields pods = maybePods.get();
        if (pods.has("namespaces")) {
            reader.error(pods.entries().get("namespaces").getKeyNode(), pods.path("namespaces"),
                    oldShape("namespaceSelector").replace("'namespaceSelector'", "'pods.namespaces'"));
            return Optional.empty();
        }
        pods.rejectUnknown(POD_PEER_FIELDS, "pods");
        if (!pods.has("podSelector")) {
            reader.error(pods.node(), pods.path("podSelector"), "pods needs podSelector; write podSelector: {} for"
                    + " every pod of the selected namespaces");
            return Optional.empty();
        }
        LabelSelector namespaces = pods.get("namespaceSelector")
                .map(node -> selectors.selector(node, pods.path("namespaceSelector"))).orElse(LabelSelector.EVERYTHING);
        return Optional.of(new PodSelectors(namespaces,
                selectors.selector(pods.get("podSelector").orElseThrow(), pods.path("podSelector"))));
    }

    /** Exactly one of {@code fields} is set, as MinProperties=MaxProperties=1 requires. */
    private boolean exactlyOne(Reader.Fields owner, List<String> fields, String what) {
        List<String> set = fields.stream().filter(owner::has).toList();
        if (set.size() == 1) {
            return true;
        }
        reader.error(owner.node(), owner.path(set.isEmpty() ? fields.get(0) : set.get(1)), what + " must set exactly"
                + " one of " + String.join(", ", fields) + (set.isEmpty() ? ", and sets none" : ", not "
                + String.join(" and ", set)) + (set.size() > 1 ? "; write them as separate list items" : ""));
        return false;
    }

    private List<TierRule> rules(Reader.Fields spec, Direction direction, Api api) {
        String key = direction.word();
        List<Node> items = spec.list(key).orElse(List.of());
        int max = api.v1alpha1() ? V1ALPHA1_MAX_ITEMS : V1ALPHA2_MAX_ITEMS;
        if (items.size() > max) {
            reader.error(spec.anchor(key), spec.path(key), "a " + api.kind() + " may have at most " + max + " "
                    + key + " rules, not " + items.size());
        }
        List<TierRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rule(items.get(i), Reader.index(spec.path(key), i), direction, i + 1, api).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<TierRule> rule(Node node, String path, Direction direction, int number, Api api) {
        Optional<Reader.Fields> maybeRule = reader.fields(node, path);
        if (maybeRule.isEmpty()) {
            reader.error(node, path, "a rule needs action and " + direction.peerField());
            return Optional.empty();
        }
        Reader.Fields rule = maybeRule.get();
        String portsField = api.v1alpha1() ? "ports" : "protocols";
        rule.rejectUnknown(List.of("name", "action", direction.peerField(), portsField), "a " + api.kind() + " "
                + direction.word() + " rule");
        String name = rule.string("name").orElse("");
        if (name.length() > MAX_RULE_NAME) {
            reader.error(rule.get("name").orElseThrow(), rule.path("name"), "a rule name may have at most "
                    + MAX_RULE_NAME + " characters, not " + name.length());
        }
        Optional<Action> action = action(rule, api);
        List<Peer> peers = peers(rule, direction, api, action);
        List<PortMatch> ports = api.v1alpha1() ? ports(rule) : protocols(rule);
        boolean namedPort = ports.stream().anyMatch(PortMatch::dependsOnDestination);
        boolean byAddress = peers.stream().anyMatch(Peer::byAddress);
        if (namedPort && byAddress) {
            reader.warn(rule.anchor(portsField), rule.path(portsField), "a named port never matches a networks"
                    + " destination (only pods have named ports); the experimental CRD refuses this combination");
        }
        if (action.isEmpty() || peers.isEmpty() || ports.isEmpty()) {
            return Optional.empty();
        }
        if (peers.contains(EMPTY_PEER)) {
            return Optional.of(failClosed(rule, direction, number, name, action.get()));
        }
        return Optional.of(new TierRule(new Rule(direction, number, peers, ports), name, action.get()));
    }

    /**
     * An empty peer {@code {}}: the API server refuses it, so an object holding one was stored under
     * an older CRD that pruned a field it did not know (nodes, domainNames). The API says to fail
     * closed: an Accept rule matches no traffic, a Deny or Pass rule becomes "Deny all".
     */
    private TierRule failClosed(Reader.Fields rule, Direction direction, int number, String name, Action action) {
        String key = direction.peerField();
        String what = "an empty peer {} sets none of the peer fields; the API server refuses it, so this object was"
                + " probably stored under an older CRD that dropped a field it did not know (such as nodes or"
                + " domainNames). Implementations fail closed: ";
        if (action == Action.ACCEPT) {
            reader.warn(rule.anchor(key), rule.path(key), what + "this Accept rule is treated as matching no traffic");
            return new TierRule(new Rule(direction, number, List.of(EMPTY_PEER), List.of(new PortMatch.AnyPort())),
                    name, action);
        }
        reader.warn(rule.anchor(key), rule.path(key), what + "this " + (action == Action.PASS ? "Pass" : "Deny")
                + " rule is treated as denying all traffic");
        return new TierRule(new Rule(direction, number, List.of(new Peer.AnyPeer()), List.of(new PortMatch.AnyPort())),
                name, Action.DENY);
    }

    /** Marks an empty peer until its rule is known; it matches nothing. */
    private static final Peer EMPTY_PEER = new Peer.UnevaluatedPeer(Peer.UnevaluatedPeer.EMPTY, "{} (fails closed)");

    private Optional<Action> action(Reader.Fields rule, Api api) {
        if (!rule.has("action")) {
            reader.error(rule.node(), rule.path("action"), "action is required: " + String.join(", ", actions(api)));
            return Optional.empty();
        }
        Optional<String> written = rule.string("action");
        if (written.isEmpty()) {
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (actions(api).contains(written.get()) && api.word(action).equals(written.get())) {
                return Optional.of(action);
            }
        }
        String hint;
        if (written.get().equals("Allow") && !api.v1alpha1()) {
            hint = "; did you mean 'Accept'? Allow is the v1alpha1 AdminNetworkPolicy word";
        } else if (written.get().equals("Accept") && api.v1alpha1()) {
            hint = "; did you mean 'Allow'? Accept is the v1alpha2 ClusterNetworkPolicy word";
        } else if (written.get().equals("Pass") && api == Api.BASELINE_ADMIN_NETWORK_POLICY) {
            hint = ": a BaselineAdminNetworkPolicy has no Pass (nothing comes after it but the default)";
        } else {
            hint = Names.closest(written.get(), actions(api)).map(a -> "; did you mean '" + a + "'?")
                    .orElse("; use " + String.join(", ", actions(api)));
        }
        reader.error(rule.get("action").orElseThrow(), rule.path("action"), "action '"
                + Reader.abbreviate(written.get()) + "' is not valid in a " + api.kind() + hint);
        return Optional.empty();
    }

    private static List<String> actions(Api api) {
        return switch (api) {
            case CLUSTER_NETWORK_POLICY -> List.of("Accept", "Deny", "Pass");
            case ADMIN_NETWORK_POLICY -> List.of("Allow", "Deny", "Pass");
            case BASELINE_ADMIN_NETWORK_POLICY -> List.of("Allow", "Deny");
        };
    }

    private List<Peer> peers(Reader.Fields rule, Direction direction, Api api, Optional<Action> action) {
        String key = direction.peerField();
        if (!rule.has(key)) {
            reader.error(rule.node(), rule.path(key), key + " is required and lists at least one peer");
            return List.of();
        }
        List<Node> items = rule.list(key).orElse(List.of());
        int max = api.v1alpha1() ? V1ALPHA1_MAX_ITEMS : V1ALPHA2_MAX_ITEMS;
        if (items.isEmpty()) {
            reader.error(rule.anchor(key), rule.path(key), key + " must list at least one peer");
        } else if (items.size() > max) {
            reader.error(rule.anchor(key), rule.path(key), key + " may list at most " + max + " peers, not "
                    + items.size());
        }
        List<String> fields = peerFields(direction, api);
        List<Peer> peers = new ArrayList<>();
        boolean valid = !items.isEmpty();
        for (int i = 0; i < items.size(); i++) {
            Optional<Peer> peer = peer(items.get(i), Reader.index(rule.path(key), i), direction, fields, api, action);
            peer.ifPresent(peers::add);
            valid &= peer.isPresent();
        }
        return valid ? peers : List.of();
    }

    private static List<String> peerFields(Direction direction, Api api) {
        if (direction == Direction.INGRESS) {
            return List.of("namespaces", "pods");
        }
        return api == Api.BASELINE_ADMIN_NETWORK_POLICY ? List.of("namespaces", "pods", "networks", "nodes")
                : List.of("namespaces", "pods", "networks", "nodes", "domainNames");
    }

    private Optional<Peer> peer(Node node, String path, Direction direction, List<String> fields, Api api,
                                Optional<Action> action) {
        Optional<Reader.Fields> maybePeer = reader.fields(node, path);
        if (maybePeer.isEmpty()) {
            reader.error(node, path, "a peer must set one of " + String.join(", ", fields));
            return Optional.empty();
        }
        Reader.Fields peer = maybePeer.get();
        if (peer.entries().isEmpty()) {
            return Optional.of(EMPTY_PEER);
        }
        if (direction == Direction.INGRESS) {
            for (String egressOnly : List.of("networks", "nodes", "domainNames")) {
                if (peer.has(egressOnly)) {
                    reader.error(peer.entries().get(egressOnly).getKeyNode(), peer.path(egressOnly), egressOnly
                            + " is an egress peer: ingress peers may only be namespaces or pods");
                    return Optional.empty();
                }
            }
        }
        peer.rejectUnknown(fields, "a " + direction.word() + " peer");
        if (!exactlyOne(peer, fields, "a peer")) {
            return Optional.empty();
        }
        if (peer.has("namespaces")) {
            return namespaceSelector(peer, "namespaces").map(ns -> new Peer.PodPeer(scope(ns), LabelSelector.EVERYTHING));
        }
        if (peer.has("pods")) {
            return podSelectors(peer).map(pair -> new Peer.PodPeer(scope(pair.namespaces()), pair.pods()));
        }
        if (peer.has("networks")) {
            return networks(peer, api);
        }
        if (peer.has("nodes")) {
            LabelSelector nodes = selectors.selector(peer.get("nodes").orElseThrow(), peer.path("nodes"));
            reader.warn(peer.anchor("nodes"), peer.path("nodes"), "a nodes peer is not evaluated: it needs the"
                    + " cluster's Node objects and their addresses, which a pasted scenario does not have");
            return Optional.of(new Peer.UnevaluatedPeer("nodes", nodes.isEmpty() ? "{} (every node)" : nodes.toString()));
        }
        return domainNames(peer, action);
    }

    private static NamespaceScope scope(LabelSelector namespaces) {
        return namespaces.isEmpty() ? new NamespaceScope.AllNamespaces() : new NamespaceScope.Matching(namespaces);
    }

    private Optional<Peer> networks(Reader.Fields peer, Api api) {
        List<Node> items = peer.list("networks").orElse(List.of());
        int max = api.v1alpha1() ? V1ALPHA1_MAX_ITEMS : V1ALPHA2_MAX_ITEMS;
        if (items.isEmpty() || items.size() > max) {
            reader.error(peer.anchor("networks"), peer.path("networks"), "networks must list 1 to " + max
                    + " CIDRs, not " + items.size());
            return Optional.empty();
        }
        List<Cidr> cidrs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.index(peer.path("networks"), i);
            Optional<String> text = reader.string(items.get(i), path);
            if (text.isEmpty()) {
                valid = false;
                continue;
            }
            Optional<Cidr> cidr = text.get().length() > MAX_CIDR_LENGTH || !text.get().contains("/")
                    ? Optional.empty() : Cidr.parse(text.get());
            if (cidr.isEmpty()) {
                reader.error(items.get(i), path, "'" + Reader.abbreviate(text.get()) + "' is not a CIDR such as"
                        + " 10.0.0.0/16 or 2001:db8::/64" + (text.get().contains("/") ? "" : " (a single address"
                        + " is written with /32 or /128)"));
                valid = false;
            } else if (!seen.add(text.get())) {
                reader.error(items.get(i), path, "'" + text.get() + "' is listed twice; networks is a set");
                valid = false;
            } else {
                cidrs.add(cidr.get());
            }
        }
        return valid ? Optional.of(new Peer.NetworksPeer(cidrs)) : Optional.empty();
    }

    private Optional<Peer> domainNames(Reader.Fields peer, Optional<Action> action) {
        List<Node> items = peer.list("domainNames").orElse(List.of());
        if (items.isEmpty() || items.size() > V1ALPHA2_MAX_ITEMS) {
            reader.error(peer.anchor("domainNames"), peer.path("domainNames"), "domainNames must list 1 to "
                    + V1ALPHA2_MAX_ITEMS + " names, not " + items.size());
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.index(peer.path("domainNames"), i);
            Optional<String> name = reader.string(items.get(i), path);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            if (!DOMAIN_NAME.matcher(name.get()).matches()) {
                reader.error(items.get(i), path, "'" + Reader.abbreviate(name.get()) + "' is not a domain name such"
                        + " as api.example.com or *.example.com");
                return Optional.empty();
            }
            names.add(name.get());
        }
        if (action.isPresent() && action.get() != Action.ACCEPT) {
            reader.warn(peer.anchor("domainNames"), peer.path("domainNames"), "domainNames is only supported"
                    + " for Accept rules");
        }
        reader.warn(peer.anchor("domainNames"), peer.path("domainNames"), "a domainNames peer is not evaluated:"
                + " it needs DNS answers, which a pasted scenario does not have");
        return Optional.of(new Peer.UnevaluatedPeer("domainNames", String.join(", ", names)));
    }

    /** v1alpha2 {@code protocols}: 1 to 25 entries, each exactly one of tcp, udp, sctp, destinationNamedPort. */
    private List<PortMatch> protocols(Reader.Fields rule) {
        if (!rule.has("protocols")) {
            return List.of(new PortMatch.AnyPort());
        }
        List<Node> items = rule.list("protocols").orElse(List.of());
        if (items.isEmpty() || items.size() > V1ALPHA2_MAX_ITEMS) {
            reader.error(rule.anchor("protocols"), rule.path("protocols"), "protocols must list 1 to "
                    + V1ALPHA2_MAX_ITEMS + " entries, not " + items.size() + "; leave it out to match every port");
            return List.of();
        }
        List<PortMatch> ports = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            Optional<PortMatch> port = protocol(items.get(i), Reader.index(rule.path("protocols"), i));
            port.ifPresent(ports::add);
            valid &= port.isPresent();
        }
        return valid ? ports : List.of();
    }

    private Optional<PortMatch> protocol(Node node, String path) {
        Optional<Reader.Fields> maybeEntry = reader.fields(node, path);
        if (maybeEntry.isEmpty()) {
            reader.error(node, path, "a protocols entry must set one of " + String.join(", ", PROTOCOL_FIELDS));
            return Optional.empty();
        }
        Reader.Fields entry = maybeEntry.get();
        entry.rejectUnknown(PROTOCOL_FIELDS, "a protocols entry");
        if (!exactlyOne(entry, PROTOCOL_FIELDS, "a protocols entry")) {
            return Optional.empty();
        }
        if (entry.has("destinationNamedPort")) {
            return namedPort(entry, "destinationNamedPort");
        }
        String key = entry.has("tcp") ? "tcp" : entry.has("udp") ? "udp" : "sctp";
        Protocol protocol = Protocol.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        Optional<Reader.Fields> body = entry.fields(key);
        if (body.isEmpty() || !body.get().has("destinationPort")) {
            reader.error(entry.anchor(key), entry.path(key), key + " needs destinationPort (number or range): "
                    + key + ": {} is refused by the API server; for every " + protocol + " port write"
                    + " destinationPort: {range: {start: 1, end: 65535}}");
            return Optional.empty();
        }
        body.get().rejectUnknown(List.of("destinationPort"), key);
        Optional<Reader.Fields> port = body.get().fields("destinationPort");
        if (port.isEmpty()) {
            return Optional.empty();
        }
        port.get().rejectUnknown(List.of("number", "range"), "destinationPort");
        if (!exactlyOne(port.get(), List.of("number", "range"), "destinationPort")) {
            return Optional.empty();
        }
        if (port.get().has("number")) {
            return portNumber(port.get(), "number").map(n -> new PortMatch.PortRange(protocol, n, n));
        }
        return range(port.get(), "range", protocol, "start", "end", true);
    }

    private Optional<PortMatch> range(Reader.Fields owner, String key, Protocol protocol, String startKey,
                                      String endKey, boolean strict) {
        Optional<Reader.Fields> range = owner.fields(key);
        if (range.isEmpty()) {
            reader.error(owner.anchor(key), owner.path(key), key + " needs " + startKey + " and " + endKey);
            return Optional.empty();
        }
        return range(range.get(), protocol, startKey, endKey, strict);
    }

    private Optional<PortMatch> range(Reader.Fields range, Protocol protocol, String startKey, String endKey,
                                      boolean strict) {
        for (String required : List.of(startKey, endKey)) {
            if (!range.has(required)) {
                reader.error(range.node(), range.path(required), "a port range needs " + required);
                return Optional.empty();
            }
        }
        Optional<Integer> start = portNumber(range, startKey);
        Optional<Integer> end = portNumber(range, endKey);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (start.get() >= end.get()) {
            String message = "the range's " + startKey + " (" + start.get() + ") must be less than its " + endKey
                    + " (" + end.get() + ")" + (start.get().equals(end.get()) ? "; for one port write a number" : "");
            if (strict || start.get() > end.get()) {
                reader.error(range.anchor(startKey), range.path(startKey), message);
                return Optional.empty();
            }
            reader.warn(range.anchor(startKey), range.path(startKey), message);
        }
        return Optional.of(new PortMatch.PortRange(protocol, start.get(), end.get()));
    }

    private Optional<Integer> portNumber(Reader.Fields owner, String key) {
        Optional<Integer> number = owner.integer(key);
        if (number.isPresent() && (number.get() < 1 || number.get() > 65535)) {
            reader.error(owner.get(key).orElseThrow(), owner.path(key), "port " + number.get()
                    + " must be between 1 and 65535");
            return Optional.empty();
        }
        if (number.isEmpty() && owner.get(key).filter(Reader::isNull).isPresent()) {
            reader.error(owner.get(key).orElseThrow(), owner.path(key), key + " needs a port number");
        }
        return number;
    }

    private Optional<PortMatch> namedPort(Reader.Fields entry, String key) {
        Optional<String> name = entry.string(key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = Names.portName(name.get());
        if (problem.isPresent()) {
            reader.error(entry.get(key).orElseThrow(), entry.path(key), "port name '" + Reader.abbreviate(name.get())
                    + "' " + problem.get());
            return Optional.empty();
        }
        return Optional.of(new PortMatch.DestinationNamedPort(name.get()));
    }

    /** v1alpha1 {@code ports}: portNumber, portRange (protocol defaults to TCP) or namedPort. */
    private List<PortMatch> ports(Reader.Fields rule) {
        if (!rule.has("ports")) {
            return List.of(new PortMatch.AnyPort());
        }
        List<Node> items = rule.list("ports").orElse(List.of());
        if (items.isEmpty() || items.size() > V1ALPHA1_MAX_ITEMS) {
            reader.error(rule.anchor("ports"), rule.path("ports"), "ports must list 1 to " + V1ALPHA1_MAX_ITEMS
                    + " entries, not " + items.size() + "; leave it out to match every port");
            return List.of();
        }
        List<PortMatch> ports = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            Optional<PortMatch> port = port(items.get(i), Reader.index(rule.path("ports"), i));
            port.ifPresent(ports::add);
            valid &= port.isPresent();
        }
        return valid ? ports : List.of();
    }

    private Optional<PortMatch> port(Node node, String path) {
        Optional<Reader.Fields> maybeEntry = reader.fields(node, path);
        if (maybeEntry.isEmpty()) {
            reader.error(node, path, "a ports entry must set one of " + String.join(", ", PORT_FIELDS));
            return Optional.empty();
        }
        Reader.Fields entry = maybeEntry.get();
        entry.rejectUnknown(PORT_FIELDS, "a ports entry");
        if (!exactlyOne(entry, PORT_FIELDS, "a ports entry")) {
            return Optional.empty();
        }
        if (entry.has("namedPort")) {
            return namedPort(entry, "namedPort");
        }
        String key = entry.has("portNumber") ? "portNumber" : "portRange";
        Optional<Reader.Fields> body = entry.fields(key);
        if (body.isEmpty()) {
            reader.error(entry.anchor(key), entry.path(key), key + " needs " + (key.equals("portNumber")
                    ? "port" : "start and end"));
            return Optional.empty();
        }
        Optional<Protocol> protocol = body.get().protocol();
        if (key.equals("portNumber")) {
            body.get().rejectUnknown(List.of("protocol", "port"), key);
            if (!body.get().has("port")) {
                reader.error(body.get().node(), body.get().path("port"), "portNumber needs port");
                return Optional.empty();
            }
            Optional<Integer> number = portNumber(body.get(), "port");
            return protocol.isPresent() && number.isPresent()
                    ? Optional.of(new PortMatch.PortRange(protocol.get(), number.get(), number.get())) : Optional.empty();
        }
        body.get().rejectUnknown(List.of("protocol", "start", "end"), key);
        Optional<PortMatch> range = range(body.get(), protocol.orElse(Protocol.TCP), "start", "end", false);
        return protocol.isPresent() ? range : Optional.empty();
    }

    /** The kinds this parser reads, by (kind, apiVersion), and the group they belong to. */
    static Optional<Api> api(String kind) {
        for (Api api : Api.values()) {
            if (api.kind().equals(kind)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** Who else ships a kind of these names, for the warning that skips it. */
    static String owner(String apiVersion) {
        Map<String, String> known = Map.of("networking.k8s.aws", "AWS's network policy agent");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        return known.getOrDefault(group, "the " + (group.isEmpty() ? "core" : group) + " API group");
    }
}
