package dev.netpolplayground.parse;

import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointKind;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.Source;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what users paste — one or many YAML documents or JSON, {@code kubectl get -o yaml} output
 * included — into a {@link Scenario}, or into every problem found, each with line, column and path.
 * All Kubernetes defaulting and validation lives in this package.
 */
public final class ScenarioParser {
    /** Pods without an address in their status get one from this range, chosen by a hash of their id. */
    public static final String ASSIGNED_RANGE = "10.244.0.0/16";
    private static final long ASSIGNED_BASE = (10L << 24) | (244L << 16);
    /** Host-network pods without an address stand on a node: they get one from this range instead. */
    public static final String ASSIGNED_NODE_RANGE = "10.240.0.0/16";
    private static final long NODE_BASE = (10L << 24) | (240L << 16);
    private static final int MAX_DEPTH = 64;
    private static final Set<String> YAML11_BOOLEANS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No",
            "NO", "on", "On", "ON", "off", "Off", "OFF");
    private static final Map<String, EndpointKind> WORKLOADS = Map.of(
            "Deployment", EndpointKind.Deployment, "StatefulSet", EndpointKind.StatefulSet,
            "DaemonSet", EndpointKind.DaemonSet, "ReplicaSet", EndpointKind.ReplicaSet,
            "ReplicationController", EndpointKind.ReplicationController, "Job", EndpointKind.Job,
            "CronJob", EndpointKind.CronJob);

    /** snakeyaml-engine's default read size, in chars, and the largest one used (2^10 … 2^20). */
    private static final int SMALLEST_BUFFER_BITS = 10;
    private static final int LARGEST_BUFFER_BITS = 20;

    private final Limits limits;
    /**
     * By read size: element i reads 2^(10+i) chars at a time. Immutable, and the schema keeps no
     * state: shared by every parse of this parser.
     */
    private final LoadSettings[] settings = new LoadSettings[LARGEST_BUFFER_BITS - SMALLEST_BUFFER_BITS + 1];

    /**
     * Input limits; {@link #DEFAULT} suits files on disk, the web server passes tighter ones.
     *
     * @param maxCodePoints the text's length, and also what its scalars may add up to once aliases are expanded
     * @param maxAliases    aliases to collections (snakeyaml's own limit)
     * @param maxObjects    Kubernetes objects, List items included
     * @param maxNodes      YAML nodes once every alias is expanded: what every walk over the documents visits
     */
    public record Limits(int maxCodePoints, int maxAliases, int maxObjects, long maxNodes) {
        public static final Limits DEFAULT = new Limits(256 * 1024 * 1024, 100, 200_000, 100_000_000);
    }

    public ScenarioParser(Limits limits) {
        this.limits = limits;
        FastCoreSchema schema = new FastCoreSchema();
        for (int i = 0; i < settings.length; i++) {
            settings[i] = LoadSettings.builder().setLabel("input").setSchema(schema)
                    .setBufferSize(1 << (SMALLEST_BUFFER_BITS + i)).setCodePointLimit(limits.maxCodePoints())
                    .setMaxAliasesForCollections(limits.maxAliases()).setAllowRecursiveKeys(false)
                    .setAllowDuplicateKeys(true).build();
        }
    }

    /**
     * snakeyaml-engine's StreamReader reads bufferSize chars at a time and copies everything it
     * holds unconsumed on every read (StreamReader.prepareWindowFor), and the scanner peeks a
     * comment, plain or quoted scalar to its end before consuming it: a token of n chars costs
     * n²/bufferSize (a 2 MiB comment line took seconds at the default 1,024). The read size grows
     * with the text, up to 1 MiB, which keeps reading linear at the server's limits.
     */
    private LoadSettings settingsFor(String text) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, text.length() - 1));
        return settings[Math.max(0, Math.min(settings.length - 1, bits - SMALLEST_BUFFER_BITS))];
    }

    public ScenarioParser() {
        this(Limits.DEFAULT);
    }

    public Parsed parse(String text) {
        return parse(text, Deadline.NONE);
    }

    /** @param deadline checked for every object read; past it the parse stops with {@link Deadline.Passed} */
    public Parsed parse(String text, Deadline deadline) {
        return new Run(deadline).parse(text);
    }

    /** The state of one parse; a parser instance is reusable and thread-safe. */
    private final class Run {
        private final Reader reader = new Reader();
        private final SelectorParser selectors = new SelectorParser(reader);
        private final PolicyParser policies = new PolicyParser(reader, selectors);
        private final ClusterPolicyParser clusterPolicies = new ClusterPolicyParser(reader, selectors);
        private final WorkloadParser workloads = new WorkloadParser(reader);
        private final Map<String, NamespaceDraft> namespaces = new LinkedHashMap<>();
        private final List<EndpointDraft> endpoints = new ArrayList<>();
        private final List<Policy> policyList = new ArrayList<>();
        private final List<ClusterPolicy> clusterPolicyList = new ArrayList<>();
        private final Map<String, Node> seen = new HashMap<>();
        private final Map<String, Reference> firstReference = new LinkedHashMap<>();
        private final Map<String, List<String>> skipped = new TreeMap<>();
        private final Deadline deadline;
        private int objects;

        Run(Deadline deadline) {
            this.deadline = deadline;
        }

        Parsed parse(String text) {
            List<Node> documents = new ArrayList<>();
            try {
                for (Node document : new Compose(settingsFor(text)).composeAllFromString(text)) {
                    documents.add(document);
                    if (documents.size() > limits.maxObjects()) {
                        return tooManyObjects();
                    }
                }
            } catch (MarkedYamlEngineException e) {
                Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
                String message = e.getProblem() == null ? "not valid YAML" : e.getProblem();
                if (e.getContext() != null) {
                    message = message + " (" + e.getContext() + ")";
                }
                return syntaxError(message, mark.map(m -> m.getLine() + 1).orElse(0),
                        mark.map(m -> m.getColumn() + 1).orElse(0));
            } catch (YamlEngineException e) {
                return syntaxError(e.getMessage(), 0, 0);
            } catch (StackOverflowError e) {
                return syntaxError("the input is nested too deeply", 0, 0);
            }
            Optional<Parsed> tooLarge = tooLarge(documents);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            for (Node document : documents) {
                if (!shapeIsSafe(document, Where.TOP, Collections.newSetFromMap(new IdentityHashMap<>()))) {
                    continue;
                }
                if (!Reader.isNull(document)) {
                    object(document, "");
                }
                if (objects > limits.maxObjects()) {
                    return tooManyObjects();
                }
            }
            skipped.forEach((kind, names) -> reader.add(Problem.warning(Reader.abbreviate(kind) + " skipped ("
                    + String.join(", ", names.subList(0, Math.min(5, names.size())).stream().map(Reader::abbreviate)
                    .toList()) + (names.size() > 5 ? ", ..." : "") + "): only Namespaces, Pods, workloads,"
                    + " NetworkPolicies and the cluster-scoped network policies affect reachability", 0, 0, "")));
            if (reader.hasErrors()) {
                return new Parsed.Failed(reader.errors(), Parsed.Refusal.INVALID, reader.warnings());
            }
            Scenario scenario = assemble();
            if (reader.hasErrors()) {
                return new Parsed.Failed(reader.errors(), Parsed.Refusal.TOO_LARGE, reader.warnings());
            }
            return new Parsed.Ok(scenario, reader.warnings());
        }

        /**
         * Measures the documents with every alias expanded before anything walks them: the walks
         * below visit the tree, and a few hundred bytes of aliases can make it as large as wanted.
         */
        private Optional<Parsed> tooLarge(List<Node> documents) {
            Expansion expansion = Expansion.of(documents, MAX_DEPTH);
            if (expansion.tooDeep().isPresent()) {
                Node deep = expansion.tooDeep().get();
                return Optional.of(refused("nested more than " + MAX_DEPTH + " levels deep (aliases expanded)",
                        Reader.line(deep), Reader.column(deep)));
            }
            if (expansion.nodes() > limits.maxNodes()) {
                return Optional.of(refused(String.format(Locale.ROOT, "once its aliases (*name) are expanded, the"
                        + " input has %s YAML nodes, more than the %,d read here; write the objects out"
                        + " without aliases, or send fewer", count(expansion.nodes()), limits.maxNodes()), 0, 0));
            }
            if (expansion.characters() > limits.maxCodePoints()) {
                return Optional.of(refused(String.format(Locale.ROOT, "once its aliases (*name) are expanded, the"
                        + " input's values add up to %s characters, more than the %,d read here; repeat"
                        + " long values less often", count(expansion.characters()), limits.maxCodePoints()), 0, 0));
            }
            return Optional.empty();
        }

        private static String count(long value) {
            return value == Long.MAX_VALUE ? "more than 9 × 10^18" : String.format(Locale.ROOT, "%,d", value);
        }

        private Parsed syntaxError(String message, int line, int column) {
            return new Parsed.Failed(List.of(Problem.error(message, line, column, "")), Parsed.Refusal.SYNTAX, List.of());
        }

        /** Each document is at least one object: composing stops as soon as there are too many. */
        private Parsed tooManyObjects() {
            return refused(String.format(Locale.ROOT, "the input has more than %,d objects, the most one evaluation"
                    + " reads here; split it, or use the command line", limits.maxObjects()), 0, 0);
        }

        private Parsed refused(String message, int line, int column) {
            return new Parsed.Failed(List.of(Problem.error(message, line, column, "")), Parsed.Refusal.TOO_LARGE,
                    List.of());
        }

        /**
         * Where a node is, as a chain to its parent; the field path string is built only when a
         * problem is reported (the walk visits every node of the input).
         */
        private record Where(Where parent, String key, int index) {
            static final Where TOP = new Where(null, null, 0);

            Where field(String name) {
                return new Where(this, name, 0);
            }

            Where item(int i) {
                return new Where(this, null, i);
            }

            String path() {
                if (parent == null) {
                    return "";
                }
                return key != null ? Reader.join(parent.path(), key) : Reader.index(parent.path(), index);
            }
        }

        /**
         * Rejects cyclic aliases before anything reads the tree, and warns about plain words that
         * kubectl's YAML 1.1 would read as booleans. The tree is known to be small enough to walk
         * ({@link #tooLarge}).
         */
        private boolean shapeIsSafe(Node node, Where where, Set<Node> ancestors) {
            if (!ancestors.add(node)) {
                reader.error(node, where.path(), "this value refers to itself through an alias");
                return false;
            }
            boolean safe = true;
            if (node instanceof MappingNode) {
                for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                    Where field = where.field(tuple.getKeyNode() instanceof ScalarNode
                            ? ((ScalarNode) tuple.getKeyNode()).getValue() : "?");
                    safe &= shapeIsSafe(tuple.getKeyNode(), field, ancestors);
                    safe &= safe && shapeIsSafe(tuple.getValueNode(), field, ancestors);
                }
            } else if (node instanceof SequenceNode) {
                List<Node> items = ((SequenceNode) node).getValue();
                for (int i = 0; i < items.size() && safe; i++) {
                    safe = shapeIsSafe(items.get(i), where.item(i), ancestors);
                }
            } else {
                ScalarNode scalar = (ScalarNode) node;
                if (scalar.isPlain() && scalar.getTag().equals(Tag.STR) && YAML11_BOOLEANS.contains(scalar.getValue())) {
                    reader.warn(node, where.path(), "'" + scalar.getValue() + "' is a string here, but kubectl (YAML 1.1)"
                            + " reads it as a boolean and will reject or change it; quote it: \""
                            + scalar.getValue() + "\"");
                }
            }
            ancestors.remove(node);
            return safe;
        }

        private void object(Node node, String path) {
            Optional<Reader.Fields> maybeObject = reader.fields(node, path);
            if (maybeObject.isEmpty()) {
                return;
            }
            objects++;
            deadline.check();
            Reader.Fields object = maybeObject.get();
            Optional<String> kind = object.string("kind");
            if (kind.isEmpty()) {
                if (!object.has("kind")) {
                    reader.error(node, object.path("kind"), "every object needs a kind (Namespace, Pod,"
                            + " NetworkPolicy, a workload or a List)");
                }
                return;
            }
            if (kind.get().equals("List") || (kind.get().endsWith("List") && object.has("items"))) {
                List<Node> items = object.list("items").orElse(List.of());
                for (int i = 0; i < items.size(); i++) {
                    object(items.get(i), Reader.index(object.path("items"), i));
                }
                return;
            }
            Optional<String> apiVersion = object.string("apiVersion");
            if (!object.has("apiVersion")) {
                reader.error(node, object.path("apiVersion"), "apiVersion is required");
            }
            switch (kind.get()) {
                case "Namespace":
                    namespace(object);
                    break;
                case "Pod":
                    endpoint(object, EndpointKind.Pod);
                    break;
                case "NetworkPolicy":
                    networkPolicy(object, apiVersion);
                    break;
                default:
                    Optional<ClusterPolicy.Api> clusterKind = ClusterPolicyParser.api(kind.get());
                    if (clusterKind.isPresent()) {
                        clusterPolicy(object, clusterKind.get(), apiVersion);
                    } else if (WORKLOADS.containsKey(kind.get())) {
                        endpoint(object, WORKLOADS.get(kind.get()));
                    } else {
                        String name = object.fields("metadata").flatMap(m -> m.get("name"))
                                .filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).getValue())
                                .orElse("?");
                        List<String> names = skipped.computeIfAbsent(kind.get(), k -> new ArrayList<>());
                        if (names.size() <= 5) {
                            names.add(name);
                        }
                    }
            }
        }

        /** metadata: name (required, validated by {@code nameRule}), namespace, labels. */
        private Optional<Meta> meta(Reader.Fields object, String kind, boolean namespaced) {
            Optional<Reader.Fields> metadata = object.fields("metadata");
            if (metadata.isEmpty()) {
                reader.error(object.anchor("metadata"), object.path("metadata"), kind + " needs metadata with a name");
                return Optional.empty();
            }
            Reader.Fields meta = metadata.get();
            Optional<String> name = meta.string("name");
            if (name.isEmpty()) {
                if (!meta.has("name") || Reader.isNull(meta.get("name").orElseThrow())) {
                    reader.error(meta.anchor("name"), meta.path("name"), kind + " needs metadata.name");
                }
                return Optional.empty();
            }
            Optional<String> nameProblem = kind.equals("Namespace") ? Names.dnsLabel(name.get())
                    : Names.dnsSubdomain(name.get());
            nameProblem.ifPresent(problem -> reader.error(meta.get("name").orElseThrow(), meta.path("name"),
                    "name '" + Reader.abbreviate(name.get()) + "' " + problem));
            String namespace = "default";
            if (namespaced) {
                Optional<String> written = meta.string("namespace");
                if (written.isPresent()) {
                    Names.dnsLabel(written.get()).ifPresent(problem -> reader.error(meta.get("namespace").orElseThrow(),
                            meta.path("namespace"), "namespace '" + Reader.abbreviate(written.get()) + "' " + problem));
                    namespace = written.get();
                }
                firstReference.putIfAbsent(namespace, new Reference(meta.anchor("namespace"), meta.path("namespace")));
            }
            Map<String, String> labels = meta.fields("labels").map(selectors::labels).orElse(Map.of());
            String key = kind + "/" + (namespaced ? namespace + "/" : "") + name.get();
            Node nameNode = meta.get("name").orElseThrow();
            Node earlier = seen.putIfAbsent(key, nameNode);
            if (earlier != null) {
                reader.error(nameNode, meta.path("name"), kind + " '" + (namespaced ? namespace + "/" : "")
                        + name.get() + "' is defined twice (first at line " + Reader.line(earlier) + ")");
                return Optional.empty();
            }
            return Optional.of(new Meta(name.get(), namespace, labels, meta));
        }

        private void namespace(Reader.Fields object) {
            meta(object, "Namespace", false).ifPresent(meta -> {
                String written = meta.labels().get(Namespace.NAME_LABEL);
                if (written != null && !written.equals(meta.name())) {
                    reader.warn(meta.fields().anchor("labels"), meta.fields().path("labels"), "label "
                            + Namespace.NAME_LABEL + "=" + written + " is replaced by " + meta.name()
                            + ": the API server always sets it to the namespace's name");
                }
                namespaces.put(meta.name(), new NamespaceDraft(meta.labels(), false));
            });
        }

        /** A pod or workload; its spec is checked even when its metadata is wrong, to report everything. */
        private void endpoint(Reader.Fields object, EndpointKind kind) {
            Optional<Meta> meta = meta(object, kind.name(), true);
            Source source = new Source(Reader.line(object.node()), Reader.lastLine(object.node()));
            if (kind == EndpointKind.Pod) {
                WorkloadParser.PodSpec spec = object.fields("spec").map(workloads::podSpec)
                        .orElse(new WorkloadParser.PodSpec(List.of(), false));
                List<IpAddress> addresses = workloads.podAddresses(object);
                meta.ifPresent(m -> endpoints.add(new EndpointDraft(kind, m.namespace(), m.name(), m.labels(),
                        addresses, spec, source)));
                return;
            }
            Optional<Reader.Fields> template = templateOf(object, kind);
            if (template.isEmpty()) {
                reader.error(object.anchor("spec"), object.path("spec"), kind + " needs a pod template ("
                        + (kind == EndpointKind.CronJob ? "spec.jobTemplate.spec.template" : "spec.template") + ")");
                return;
            }
            Map<String, String> labels = template.get().fields("metadata")
                    .flatMap(m -> m.fields("labels")).map(selectors::labels).orElse(Map.of());
            WorkloadParser.PodSpec spec = template.get().fields("spec").map(workloads::podSpec)
                    .orElse(new WorkloadParser.PodSpec(List.of(), false));
            meta.ifPresent(m -> endpoints.add(new EndpointDraft(kind, m.namespace(), m.name(), labels, List.of(), spec,
                    source)));
        }

        private Optional<Reader.Fields> templateOf(Reader.Fields object, EndpointKind kind) {
            Optional<Reader.Fields> spec = object.fields("spec");
            if (kind == EndpointKind.CronJob) {
                spec = spec.flatMap(s -> s.fields("jobTemplate")).flatMap(j -> j.fields("spec"));
            }
            return spec.flatMap(s -> s.fields("template"));
        }

        private void networkPolicy(Reader.Fields object, Optional<String> apiVersion) {
            if (apiVersion.isPresent() && !apiVersion.get().equals("networking.k8s.io/v1")) {
                reader.error(object.get("apiVersion").orElseThrow(), object.path("apiVersion"), "NetworkPolicy"
                        + " apiVersion must be networking.k8s.io/v1, not " + Reader.abbreviate(apiVersion.get()));
            }
            Optional<Meta> meta = meta(object, "NetworkPolicy", true);
            Source source = new Source(Reader.line(object.node()), Reader.lastLine(object.node()));
            Optional<Policy> policy = policies.policy(meta.map(Meta::namespace).orElse("default"),
                    meta.map(Meta::name).orElse(""), object, source);
            if (meta.isPresent()) {
                policy.ifPresent(policyList::add);
            }
        }

        /**
         * A cluster-scoped policy, dispatched on kind and apiVersion together: a same-named kind of
         * another API group (AWS ships its own ClusterNetworkPolicy) is skipped with a warning.
         */
        private void clusterPolicy(Reader.Fields object, ClusterPolicy.Api api, Optional<String> apiVersion) {
            if (apiVersion.isEmpty()) {
                return;
            }
            String group = apiVersion.get().contains("/")
                    ? apiVersion.get().substring(0, apiVersion.get().indexOf('/')) : "";
            Node versionNode = object.get("apiVersion").orElseThrow();
            if (!group.equals("policy.networking.k8s.io")) {
                reader.warn(versionNode, object.path("apiVersion"), api.kind() + " of " + Reader.abbreviate(
                        apiVersion.get()) + " is " + ClusterPolicyParser.owner(apiVersion.get()) + "'s own kind, not"
                        + " the Kubernetes " + api.apiVersion() + " one; it is skipped");
                return;
            }
            if (!apiVersion.get().equals(api.apiVersion())) {
                reader.error(versionNode, object.path("apiVersion"), api.kind() + " apiVersion must be "
                        + api.apiVersion() + ", not " + Reader.abbreviate(apiVersion.get())
                        + (api.v1alpha1() ? "" : " (AdminNetworkPolicy and BaselineAdminNetworkPolicy are the"
                        + " v1alpha1 kinds)"));
                return;
            }
            Optional<Meta> meta = meta(object, api.kind(), false);
            meta.flatMap(m -> m.fields().get("namespace")).filter(node -> !Reader.isNull(node)).ifPresent(node ->
                    reader.warn(node, "metadata.namespace", "a " + api.kind() + " is cluster-scoped: its"
                            + " metadata.namespace is ignored"));
            Source source = new Source(Reader.line(object.node()), Reader.lastLine(object.node()));
            Optional<ClusterPolicy> policy = clusterPolicies.policy(api, meta.map(Meta::name).orElse(""), object, source);
            if (meta.isPresent()) {
                policy.ifPresent(clusterPolicyList::add);
            }
        }

        /** v1alpha1 and v1alpha2 policies in one tier: the API defines no order between them. */
        private void warnMixedVersions() {
            for (Tier tier : Tier.values()) {
                List<ClusterPolicy> inTier = clusterPolicyList.stream().filter(p -> p.tier() == tier).toList();
                Optional<ClusterPolicy> old = inTier.stream().filter(p -> p.api().v1alpha1()).findFirst();
                Optional<ClusterPolicy> current = inTier.stream().filter(p -> !p.api().v1alpha1()).findFirst();
                if (old.isPresent() && current.isPresent()) {
                    reader.add(Problem.warning(old.get().label() + " and " + current.get().label() + " are both in"
                            + " the " + tier.word() + " tier: the API defines no order between v1alpha1 and v1alpha2"
                            + " policies, so where they match the same traffic with equal priorities (or the"
                            + " BaselineAdminNetworkPolicy, which has none) with different actions, the cell is"
                            + " undefined", old.get().source().firstLine(), 1, ""));
                }
            }
        }

        /**
         * Builds the scenario: namespaces referenced but not declared are created (with a warning),
         * pods without an address get one from {@link #ASSIGNED_RANGE}, everything is sorted by
         * namespace and name so that the matrix reads the same whatever the input order.
         */
        private Scenario assemble() {
            for (Map.Entry<String, Reference> reference : firstReference.entrySet()) {
                if (!namespaces.containsKey(reference.getKey())) {
                    namespaces.put(reference.getKey(), new NamespaceDraft(Map.of(), true));
                    if (reference.getKey().equals("default")) {
                        continue;
                    }
                    Node at = reference.getValue().node();
                    reader.add(Problem.warning("namespace '" + reference.getKey() + "' is not declared; it is assumed"
                            + " to exist with no labels but " + Namespace.NAME_LABEL + "=" + reference.getKey(),
                            Reader.line(at), Reader.column(at), reference.getValue().path())
                            .withCode(Problem.UNDECLARED_NAMESPACE));
                }
            }
            List<Namespace> namespaceList = new ArrayList<>();
            namespaces.forEach((name, draft) -> namespaceList.add(new Namespace(name, draft.labels(), draft.implicit())));
            namespaceList.sort(Comparator.comparing(Namespace::name));

            Set<IpAddress> used = new HashSet<>();
            endpoints.forEach(draft -> used.addAll(draft.ips()));
            endpoints.sort(Comparator.comparing(EndpointDraft::namespace).thenComparing(EndpointDraft::name)
                    .thenComparing(EndpointDraft::kind));
            List<Endpoint> endpointList = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int assigned = 0;
            for (EndpointDraft draft : endpoints) {
                String id = Endpoint.podId(draft.namespace(), draft.name());
                if (!ids.add(id)) {
                    id = id + "@" + draft.kind().name().toLowerCase();
                    ids.add(id);
                }
                List<IpAddress> ips = draft.ips();
                boolean assign = ips.isEmpty();
                if (assign) {
                    boolean onNode = draft.spec().hostNetwork();
                    Optional<IpAddress> address = assignAddress(id, used, onNode ? NODE_BASE : ASSIGNED_BASE);
                    if (address.isEmpty()) {
                        reader.add(Problem.error("more than 65,534 " + (onNode ? "host-network " : "") + "pods and"
                                + " workloads have no IP in status, so " + (onNode ? ASSIGNED_NODE_RANGE : ASSIGNED_RANGE)
                                + " has no address left to give them; write their status.podIP", draft.source()
                                .firstLine(), 1, ""));
                        break;
                    }
                    ips = List.of(address.get());
                    assigned++;
                }
                endpointList.add(new Endpoint(id, draft.kind(), draft.namespace(), draft.name(), draft.labels(), ips,
                        assign, draft.spec().ports(), draft.spec().hostNetwork(), draft.source()));
            }
            boolean ipBlocksUsed = Stream.concat(policyList.stream().flatMap(p -> Stream.concat(
                    p.ingress().stream(), p.egress().stream())), clusterPolicyList.stream().flatMap(p -> Stream.concat(
                    p.ingress().stream(), p.egress().stream())).map(TierRule::rule)).map(Rule::peers)
                    .flatMap(List::stream).anyMatch(Peer::byAddress);
            if (assigned > 0 && ipBlocksUsed) {
                reader.add(Problem.warning(assigned + " pod(s) or workloads have no IP in status, so"
                        + " they were given addresses from " + ASSIGNED_RANGE + "; ipBlock rules are evaluated"
                        + " against those addresses", 0, 0, ""));
            }
            policyList.sort(Comparator.comparing(Policy::namespace).thenComparing(Policy::name));
            clusterPolicyList.sort(Comparator.comparing((ClusterPolicy p) -> p.api().kind())
                    .thenComparing(ClusterPolicy::name));
            warnMixedVersions();
            return new Scenario(namespaceList, endpointList, policyList, clusterPolicyList);
        }

        /** The first free address from the id's hash on, in a /16 without its first and last; empty when it is full. */
        private Optional<IpAddress> assignAddress(String id, Set<IpAddress> used, long base) {
            int slot = Math.floorMod(id.hashCode(), 65534) + 1;
            for (int tried = 0; tried < 65534; tried++) {
                IpAddress candidate = IpAddress.v4(base + slot);
                if (used.add(candidate)) {
                    return Optional.of(candidate);
                }
                slot = slot % 65534 + 1;
            }
            return Optional.empty();
        }
    }

    private record Meta(String name, String namespace, Map<String, String> labels, Reader.Fields fields) {
    }

    /** Where a namespace was first named, to point a warning at. */
    private record Reference(Node node, String path) {
    }

    private record NamespaceDraft(Map<String, String> labels, boolean implicit) {
    }

    private record EndpointDraft(EndpointKind kind, String namespace, String name, Map<String, String> labels,
                                 List<IpAddress> ips, WorkloadParser.PodSpec spec, Source source) {
    }
}
