package dev.netpolplayground.deploy;

import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.explain.Explainer;
import dev.netpolplayground.explain.Explanation;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.parse.ScenarioParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The manifests in deploy/kubernetes do what they are meant to: run through the project's own
 * evaluator together with stand-ins for the other parties (the ingress controller, Prometheus,
 * CoreDNS, an attacker pod, the external PostgreSQL and the internet), the playground is reachable
 * only from ingress-nginx and monitoring on 7070/TCP, and reaches only DNS and PostgreSQL.
 */
class DeployManifestsTest {
    private static final Path MANIFESTS = Path.of("deploy/kubernetes");
    private static final String PROBES = "7070/TCP,53/UDP,53/TCP,5432/TCP,443/TCP";
    private static final String EXTERNALS = "8.8.8.8,10.20.0.5";

    private static final String PLAYGROUND = "netpol-playground/netpol-playground";
    private static final String INGRESS = "ingress-nginx/ingress-nginx-controller";
    private static final String PROMETHEUS = "monitoring/prometheus";
    private static final String COREDNS = "kube-system/coredns";
    private static final String OTHER_KUBE_SYSTEM = "kube-system/metrics-server";
    private static final String ATTACKER = "default/attacker";
    /** Some other pod in the playground's namespace (a debug pod, a job): covered by the default deny only. */
    private static final String STRAY = "netpol-playground/stray";
    private static final String DATABASE = "ip:10.20.0.5";
    private static final String INTERNET = "ip:8.8.8.8";

    private static final Probe HTTP = new Probe(7070, Protocol.TCP);
    private static final Probe DNS_UDP = new Probe(53, Protocol.UDP);
    private static final Probe DNS_TCP = new Probe(53, Protocol.TCP);
    private static final Probe POSTGRES = new Probe(5432, Protocol.TCP);
    private static final Probe HTTPS = new Probe(443, Protocol.TCP);

    /** The rest of the cluster, as the evaluator needs to see it. */
    private static final String OTHER_PARTIES = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: ingress-nginx}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: kube-system}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: default}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: ingress-nginx-controller
              namespace: ingress-nginx
              labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
            spec:
              containers:
                - name: controller
                  image: registry.k8s.io/ingress-nginx/controller
                  ports: [{name: http, containerPort: 80}, {name: https, containerPort: 443}]
            status: {podIP: 10.244.1.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: prometheus
              namespace: monitoring
              labels: {app.kubernetes.io/name: prometheus}
            spec:
              containers:
                - name: prometheus
                  image: prom/prometheus
                  ports: [{name: web, containerPort: 9090}]
            status: {podIP: 10.244.2.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
              labels: {k8s-app: kube-dns}
            spec:
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns
                  ports:
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: dns-tcp, containerPort: 53, protocol: TCP}
            status: {podIP: 10.244.3.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: metrics-server
              namespace: kube-system
              labels: {k8s-app: metrics-server}
            spec:
              containers:
                - name: metrics-server
                  image: registry.k8s.io/metrics-server/metrics-server
                  ports: [{name: https, containerPort: 443}]
            status: {podIP: 10.244.3.11}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: attacker
              namespace: default
              labels: {app.kubernetes.io/name: netpol-playground}
            spec:
              containers:
                - name: shell
                  image: busybox
                  ports: [{name: http, containerPort: 7070}]
            status: {podIP: 10.244.4.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: stray
              namespace: netpol-playground
              labels: {app: debug}
            spec:
              containers:
                - name: shell
                  image: busybox
                  ports: [{name: http, containerPort: 8080}]
            status: {podIP: 10.244.5.10}
            """;

    private static List<Path> files;
    private static Analysis.Success result;
    private static Matrix matrix;

    @BeforeAll
    static void evaluate() throws IOException {
        assertTrue(Files.isDirectory(MANIFESTS), "run from the repository root: " + MANIFESTS.toAbsolutePath());
        try (Stream<Path> listing = Files.list(MANIFESTS)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append("# ").append(file).append('\n')
                    .append(Files.readString(file, StandardCharsets.UTF_8)).append("\n---\n");
        }
        text.append(OTHER_PARTIES);
        Analysis.Result run = new Analysis(new ScenarioParser()).run(new Analysis.Request(text.toString(), PROBES,
                EXTERNALS));
        if (run instanceof Analysis.Invalid) {
            fail("the manifests do not parse: " + ((Analysis.Invalid) run).errors());
        }
        result = assertInstanceOf(Analysis.Success.class, run);
        matrix = result.matrix();
    }

    @Test
    void everyExpectedManifestIsThere() {
        Set<String> names = files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("namespace.yaml", "deployment.yaml", "service.yaml",
                "postgres-secret.example.yaml", "networkpolicy.yaml")), "found " + names);
        assertTrue(Files.isRegularFile(MANIFESTS.resolve("README.md")));
    }

    /**
     * No lint fires: only the kinds the evaluator ignores, the note about assigned addresses and
     * the (intended) DNS warning for the stray pod, which the default deny cuts off completely.
     */
    @Test
    void noWarningsButSkippedKinds() {
        List<Problem> unexpected = new ArrayList<>();
        for (Problem warning : result.warnings()) {
            String message = warning.message();
            boolean skippedKind = message.contains(" skipped (");
            boolean assignedAddress = message.contains("have no IP in status");
            boolean strayWithoutDns = message.startsWith(STRAY + " is isolated for egress");
            if (!skippedKind && !assignedAddress && !strayWithoutDns) {
                unexpected.add(warning);
            }
        }
        assertEquals(List.of(), unexpected);
        assertTrue(result.warnings().stream().anyMatch(w -> w.message().startsWith("Service skipped")));
        assertTrue(result.warnings().stream().anyMatch(w -> w.message().startsWith("Secret skipped")));
    }

    @Test
    void thePlaygroundIsOneDeploymentWithItsPort() {
        Endpoint playground = matrix.endpoints().get(index(PLAYGROUND));
        assertEquals("Deployment", playground.kind().name());
        assertEquals("netpol-playground", playground.labels().get("app.kubernetes.io/name"));
        assertTrue(playground.ports().stream().anyMatch(p -> p.name().equals("http") && p.port() == 7070
                && p.protocol() == Protocol.TCP), "ports: " + playground.ports());
        assertEquals(5, matrix.probes().size());
    }

    @Test
    void ingressControllerReachesThePlayground() {
        assertAllowed(INGRESS, PLAYGROUND, HTTP);
    }

    @Test
    void prometheusReachesThePlaygroundForMetrics() {
        assertAllowed(PROMETHEUS, PLAYGROUND, HTTP);
    }

    /** The attacker even wears the playground's label: labels on pods in other namespaces do not count. */
    @Test
    void attackerDoesNotReachThePlayground() {
        for (Probe probe : matrix.probes()) {
            assertDenied(ATTACKER, PLAYGROUND, probe);
        }
    }

    @Test
    void thePlaygroundResolvesNames() {
        assertAllowed(PLAYGROUND, COREDNS, DNS_UDP);
        assertAllowed(PLAYGROUND, COREDNS, DNS_TCP);
    }

    @Test
    void thePlaygroundReachesPostgres() {
        assertAllowed(PLAYGROUND, DATABASE, POSTGRES);
    }

    @Test
    void thePlaygroundDoesNotReachTheInternet() {
        assertDenied(PLAYGROUND, INTERNET, HTTPS);
        for (Probe probe : matrix.probes()) {
            assertDenied(PLAYGROUND, INTERNET, probe);
        }
    }

    /** Ingress is limited to 7070/TCP, even from the allowed namespaces. */
    @Test
    void allowedNamespacesReachOnlyTheHttpPort() {
        for (String source : List.of(INGRESS, PROMETHEUS)) {
            for (Probe probe : matrix.probes()) {
                if (!probe.equals(HTTP)) {
                    assertDenied(source, PLAYGROUND, probe);
                }
            }
        }
    }

    /** The whole row and column of the playground: exactly the intended cells are allowed. */
    @Test
    void nothingElseIsAllowedToOrFromThePlayground() {
        Map<String, Set<Probe>> egress = Map.of(COREDNS, Set.of(DNS_UDP, DNS_TCP), DATABASE, Set.of(POSTGRES));
        Map<String, Set<Probe>> ingress = Map.of(INGRESS, Set.of(HTTP), PROMETHEUS, Set.of(HTTP));
        int playground = index(PLAYGROUND);
        List<String> wrong = new ArrayList<>();
        for (int other = 0; other < matrix.endpoints().size(); other++) {
            if (other == playground) {
                continue;
            }
            String id = matrix.endpoints().get(other).id();
            for (int p = 0; p < matrix.probes().size(); p++) {
                Probe probe = matrix.probes().get(p);
                boolean out = egress.getOrDefault(id, Set.of()).contains(probe);
                boolean in = ingress.getOrDefault(id, Set.of()).contains(probe);
                if (matrix.allowed(playground, other, p) != out) {
                    wrong.add(PLAYGROUND + " -> " + id + " " + probe + " should be " + (out ? "allowed" : "denied"));
                }
                if (matrix.allowed(other, playground, p) != in) {
                    wrong.add(id + " -> " + PLAYGROUND + " " + probe + " should be " + (in ? "allowed" : "denied"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** DNS is allowed to CoreDNS only, not to anything listening on 53 elsewhere in kube-system or outside. */
    @Test
    void dnsGoesOnlyToCoreDns() {
        assertDenied(PLAYGROUND, OTHER_KUBE_SYSTEM, DNS_UDP);
        assertDenied(PLAYGROUND, INTERNET, DNS_UDP);
        assertDenied(PLAYGROUND, DATABASE, DNS_UDP);
    }

    /** default-deny-all isolates every other pod in the namespace in both directions. */
    @Test
    void defaultDenyCoversEveryOtherPodInTheNamespace() {
        int stray = index(STRAY);
        for (int other = 0; other < matrix.endpoints().size(); other++) {
            if (other == stray) {
                continue;
            }
            for (int p = 0; p < matrix.probes().size(); p++) {
                String id = matrix.endpoints().get(other).id();
                assertDenied(STRAY, id, matrix.probes().get(p));
                assertDenied(id, STRAY, matrix.probes().get(p));
            }
        }
    }

    /** The policies isolate only the playground's namespace: the rest of the cluster is untouched. */
    @Test
    void otherNamespacesAreNotAffected() {
        assertAllowed(ATTACKER, COREDNS, DNS_UDP);
        assertAllowed(ATTACKER, INTERNET, HTTPS);
        assertAllowed(INGRESS, PROMETHEUS, HTTPS);
    }

    /** The Deployment, Secret template and Service agree on names and keys; the container is locked down. */
    @Test
    void deploymentSecretAndServiceFitTogether() throws IOException {
        Map<String, Object> deployment = single("deployment.yaml");
        Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container = map(list(podSpec, "containers").get(0));

        Map<String, Object> secret = single("postgres-secret.example.yaml");
        String secretName = (String) map(secret, "metadata").get("name");
        Set<String> secretKeys = map(secret, "stringData").keySet();
        Set<String> envNames = new HashSet<>();
        for (Object item : list(container, "env")) {
            Map<String, Object> env = map(item);
            envNames.add((String) env.get("name"));
            if ("PLAYGROUND_TRUSTED_PROXIES".equals(env.get("name"))) {
                assertTrue(dev.netpolplayground.web.Proxies.networks((String) env.get("value")).isPresent(),
                        "trusted proxies the server reads: " + env.get("value"));
            }
            if (env.containsKey("valueFrom")) {
                Map<String, Object> ref = map(map(env, "valueFrom"), "secretKeyRef");
                assertEquals(secretName, ref.get("name"));
                assertTrue(secretKeys.contains((String) ref.get("key")), "missing key " + ref.get("key"));
            }
        }
        assertTrue(envNames.containsAll(Set.of("PLAYGROUND_DB_URL", "PLAYGROUND_DB_USER", "PLAYGROUND_DB_PASSWORD",
                "JAVA_TOOL_OPTIONS", "PLAYGROUND_TRUST_PROXY", "PLAYGROUND_TRUSTED_PROXIES")), "env: " + envNames);

        assertEquals("/readyz", map(map(container, "readinessProbe"), "httpGet").get("path"));
        assertEquals("/healthz", map(map(container, "livenessProbe"), "httpGet").get("path"));
        assertTrue(container.containsKey("startupProbe"));

        Map<String, Object> security = map(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(10001, security.get("runAsUser"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), map(security, "capabilities").get("drop"));
        assertTrue(list(container, "volumeMounts").stream().map(DeployManifestsTest::map)
                .anyMatch(m -> "/tmp".equals(m.get("mountPath"))));

        Map<String, Object> service = single("service.yaml");
        Map<String, Object> port = map(list(map(service, "spec"), "ports").get(0));
        assertEquals(80, port.get("port"));
        assertEquals("http", port.get("targetPort"));
        assertEquals("ClusterIP", map(service, "spec").get("type"));
    }

    private static Map<String, Object> single(String file) throws IOException {
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(
                Files.readString(MANIFESTS.resolve(file), StandardCharsets.UTF_8)).forEach(documents::add);
        assertEquals(1, documents.size(), file);
        return map(documents.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertTrue(parent.containsKey(key), "missing " + key);
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertTrue(parent.containsKey(key), "missing " + key);
        return (List<Object>) parent.get(key);
    }

    private static int index(String id) {
        return matrix.indexOf(id).orElseThrow(() -> new AssertionError("no endpoint " + id + " among "
                + matrix.endpoints().stream().map(Endpoint::id).toList()));
    }

    private static int probe(Probe probe) {
        int i = matrix.probes().indexOf(probe);
        assertTrue(i >= 0, "probe " + probe + " not evaluated; probes: " + matrix.probes());
        return i;
    }

    private static void assertAllowed(String from, String to, Probe probe) {
        assertTrue(matrix.allowed(index(from), index(to), probe(probe)), () -> "should be allowed; "
                + why(from, to, probe));
    }

    private static void assertDenied(String from, String to, Probe probe) {
        assertFalse(matrix.allowed(index(from), index(to), probe(probe)), () -> "should be denied; "
                + why(from, to, probe));
    }

    /** The evaluator's own explanation of a cell, for failure messages. */
    private static String why(String from, String to, Probe probe) {
        Explanation explanation = Explainer.explain(matrix.verdict(index(from), index(to), probe(probe)));
        return explanation.summary();
    }
}
