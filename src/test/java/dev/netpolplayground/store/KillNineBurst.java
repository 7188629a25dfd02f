package dev.netpolplayground.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A burst of shares that a kill -9 cuts short: starts {@link ShareBurst} in a JVM of its own,
 * reads each acknowledged id as it arrives and, at the {@value #KILL_AFTER}th, runs the kill
 * (SIGKILL to that JVM, and perhaps to the database server too) while the other saves are still
 * in flight. Every id the child printed, before or after that moment, was acknowledged and must
 * then be readable, with its exact content, once the database is open again.
 */
final class KillNineBurst {
    /** How many distinct scenarios the child means to share; the kill comes long before the end. */
    static final int SHARES = 1_000;
    static final int THREADS = 8;
    static final int KILL_AFTER = 50;
    private static final long TIMEOUT_SECONDS = 20;

    /** What ends the burst; gets the child's process, which it must kill -9 at the latest. */
    interface Kill {
        void kill(Process child) throws Exception;
    }

    /**
     * SIGKILL to {@code process}, which is what {@link Process#destroyForcibly} sends on Linux too;
     * but that one also closes our end of its stdout, and the ids still in the pipe were
     * acknowledged as well.
     */
    static void kill9(Process process) {
        process.toHandle().destroyForcibly();
    }

    private final String tag = UUID.randomUUID().toString();
    /** The ids the child printed, by share index, in the order they came. */
    private final Map<Integer, String> acknowledged = new LinkedHashMap<>();
    private boolean aliveWhenKilled;
    private boolean killed;
    private boolean finished;
    private Path log;

    private KillNineBurst() {
    }

    /**
     * The content of share {@code index} of burst {@code tag}: a NetworkPolicy of about 1 to 3 KB,
     * different for every index, both kinds, with and without probes and externals.
     */
    static StoredScenario share(String tag, int index) {
        String text = "# burst " + tag + ", share " + index + "\n"
                + "apiVersion: networking.k8s.io/v1\n"
                + "kind: NetworkPolicy\n"
                + "metadata:\n"
                + "  name: burst-" + index + "\n"
                + "  namespace: team-" + (index % 7) + "\n"
                + "spec:\n"
                + "  podSelector:\n"
                + "    matchLabels: {app: \"api-" + index + "\", tier: \"café-日本-🚀\"}\n"
                + "  policyTypes: [Ingress, Egress]\n"
                + "  ingress:\n"
                + "  - from:\n"
                + "    - podSelector: {matchLabels: {role: client-" + index + "}}\n"
                + "    ports:\n"
                + "    - {port: " + (1024 + index) + ", protocol: TCP}\n"
                + "  egress:\n"
                + "  - to:\n"
                + "    - ipBlock: {cidr: 10." + (index % 256) + ".0.0/16}\n"
                + "# " + "padding ".repeat(index % 256) + "\r\n";
        String probes = index % 3 == 0 ? "" : (1024 + index) + "/TCP, 53/UDP";
        String externals = index % 5 == 0 ? "" : "10." + (index % 256) + ".1.1\n203.0.113.0/24";
        return index % 4 == 0
                ? StoredScenario.exercise(text, probes, externals)
                : StoredScenario.scenario(text, probes, externals);
    }

    /**
     * Runs a burst against {@code url} (which the child opens as a server instance would) and
     * kills it with {@code kill} at the {@value #KILL_AFTER}th acknowledgement.
     *
     * @param workDirectory where the child's stderr is kept
     */
    static KillNineBurst run(String url, String user, String password, Path workDirectory, Kill kill)
            throws Exception {
        KillNineBurst burst = new KillNineBurst();
        burst.log = workDirectory.resolve("share-burst-" + burst.tag + ".err");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShareBurst.class.getName(), url, user, password, burst.tag,
                String.valueOf(SHARES), String.valueOf(THREADS))
                .redirectError(burst.log.toFile())
                .start();
        child.getOutputStream().close();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<?> reading = reader.submit(() -> {
                burst.read(child, kill);
                return null;
            });
            try {
                reading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("the burst failed" + burst.childSaid(), e.getCause());
            } catch (TimeoutException e) {
                kill9(child);
                try {
                    reading.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // the failure below says what matters
                }
                fail("the child acknowledged " + burst.acknowledged.size() + " shares in "
                        + TIMEOUT_SECONDS + " s and was not killed" + burst.childSaid());
            }
        } finally {
            child.destroyForcibly();
            reader.shutdownNow();
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child outlived kill -9");
        System.out.println("kill -9 burst on " + url.replaceAll("[?;].*", "") + ": "
                + burst.acknowledged.size() + " of " + SHARES + " shares acknowledged");
        return burst;
    }

    /** Reads the child's stdout to its end, running the kill when enough shares are acknowledged. */
    private void read(Process child, Kill kill) throws Exception {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("done")) {
                    finished = true;
                } else if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Integer.valueOf(parts[1]), parts[2]);
                    if (acknowledged.size() == KILL_AFTER) {
                        aliveWhenKilled = child.isAlive();
                        kill.kill(child);
                        killed = true;
                    }
                }
            }
        }
    }

    /** That the kill came while the child was still saving: it never finished the burst. */
    void assertKilledMidBurst() {
        assertTrue(killed, () -> "the child stopped after " + acknowledged.size()
                + " acknowledgements, before the kill" + childSaid());
        assertTrue(aliveWhenKilled, () -> "the child had died before the kill" + childSaid());
        assertTrue(!finished && acknowledged.size() < SHARES, () -> "all " + SHARES
                + " shares were acknowledged before the kill took effect: not a kill in mid-burst"
                + childSaid());
    }

    /** That every acknowledged share is in {@code store}, under the id it was acknowledged with. */
    void assertEveryAcknowledgedShareIsIn(ScenarioStore store) {
        int lost = 0;
        StringBuilder losses = new StringBuilder();
        for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
            StoredScenario shared = share(tag, ack.getKey());
            assertEquals(ScenarioIds.of(shared), ack.getValue(),
                    () -> "share " + ack.getKey() + " was acknowledged with another id" + childSaid());
            Optional<StoredScenario> found = store.find(ack.getValue());
            if (!Optional.of(shared).equals(found)) {
                lost++;
                losses.append("\n  share ").append(ack.getKey()).append(" (").append(ack.getValue())
                        .append("): ").append(found.isEmpty() ? "missing" : "other content");
            }
        }
        if (lost > 0) {
            fail(lost + " of " + acknowledged.size() + " acknowledged shares were lost:" + losses + childSaid());
        }
        assertTrue(store.count() >= acknowledged.size(), "fewer rows than acknowledged shares");
    }

    /** The child's stderr, for failure messages. */
    String childSaid() {
        String said;
        try {
            said = Files.readString(log);
        } catch (IOException e) {
            said = e.toString();
        }
        return "\nthe child's stderr (" + log + "):\n" + (said.isBlank() ? "(empty)" : said);
    }
}
