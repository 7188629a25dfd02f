package dev.netpolplayground.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How every {@link ScenarioStore} behaves, whatever database is behind it. A subclass names the
 * database; tests share it, so each test stores content of its own and counts relatively.
 */
abstract class ScenarioStoreContract {
    static final long LIMIT = 64 * 1024;
    private static final int THREADS = 8;

    /** The database under test: the same database on every call. */
    abstract String url();

    /** A database nobody has opened yet: a new one on every call. */
    abstract String freshUrl();

    abstract String user();

    abstract String password();

    private Database database;
    private ScenarioStore store;

    @BeforeEach
    void open() {
        database = open(url());
        store = database.scenarios();
    }

    @AfterEach
    void close() {
        database.close();
    }

    Database open(String url) {
        return Database.open(url, user(), password(), LIMIT);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static StoredScenario scenario(String text) {
        return StoredScenario.scenario(text, "", "");
    }

    @Test
    void the_text_comes_back_byte_for_byte() {
        String text = "# " + unique() + "  \n"
                + "kind: NetworkPolicy\r\n"
                + "metadata: {name: \"café-ñ-日本語-שלום-🚀\"}   \t\n"
                + "# e\u0301 is not é; \u00a0no-break, \u200bzero width, \ufeffBOM, \u0000NUL\n"
                + "\n\n   ";
        String id = store.save(scenario(text));

        String found = store.find(id).orElseThrow().text();

        assertEquals(text, found);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), found.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kind_probes_and_externals_come_back_as_given() {
        StoredScenario exercise = StoredScenario.exercise(
                "text " + unique(), " 80/TCP, 53/UDP ", "10.0.0.1\n203.0.113.0/24 ");
        StoredScenario bare = scenario("text " + unique());

        assertEquals(Optional.of(exercise), store.find(store.save(exercise)));
        assertEquals(Optional.of(bare), store.find(store.save(bare)));
    }

    @Test
    void ids_are_sixteen_url_safe_characters_derived_from_the_content() {
        StoredScenario scenario = scenario("text " + unique());

        String id = store.save(scenario);

        assertTrue(ScenarioIds.isWellFormed(id), id);
        assertEquals(ScenarioIds.of(scenario), id);
    }

    @Test
    void saving_the_same_content_again_returns_the_same_id_and_keeps_one_row() {
        String text = "text " + unique();
        String first = store.save(scenario(text));
        long countAfterFirst = store.count();

        String second = store.save(scenario(text));

        assertEquals(first, second);
        assertEquals(countAfterFirst, store.count());
    }

    @Test
    void content_that_differs_in_any_field_gets_another_id() {
        String text = "text " + unique();
        Set<String> ids = new HashSet<>(List.of(
                store.save(StoredScenario.scenario(text, "", "")),
                store.save(StoredScenario.scenario(text, "80/TCP", "")),
                store.save(StoredScenario.scenario(text, "53/UDP", "")),
                store.save(StoredScenario.scenario(text, "", "80/TCP")),
                store.save(StoredScenario.exercise(text, "", "")),
                store.save(StoredScenario.scenario(text + " ", "", ""))));

        assertEquals(6, ids.size(), ids.toString());
    }

    @Test
    void fields_do_not_bleed_into_each_other() {
        String text = "text " + unique();

        assertNotEquals(
                store.save(StoredScenario.scenario(text + "80/TCP", "", "")),
                store.save(StoredScenario.scenario(text, "80/TCP", "")));
    }

    @Test
    void an_unknown_id_finds_nothing() {
        String unknown = ScenarioIds.of(scenario("never saved " + unique()));

        assertEquals(Optional.empty(), store.find(unknown));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "0123456789abcdef0", "0123456789abcde", "0123456789abcde-",
            "0123456789abcde_", "' OR '1'='1' --x", "0123456789abcd\u00e9f", "0123456789abcd\u0661f",
            " 0123456789abcdef", "0123456789abcdef\n"})
    void malformed_ids_find_nothing_without_asking_the_database(String id) {
        database.close();

        assertEquals(Optional.empty(), store.find(id));
        assertThrows(StoreException.class, () -> store.find("0123456789abcdef"));
    }

    @Test
    void count_grows_by_one_for_each_new_content_only() {
        long before = store.count();
        String text = "text " + unique();

        store.save(scenario(text));
        store.save(scenario(text));
        store.save(scenario(text + "!"));

        assertEquals(before + 2, store.count());
    }

    @Test
    void eight_threads_on_two_instances_saving_the_same_content_get_one_id_and_one_row() throws Exception {
        try (Database secondInstance = open(url())) {
            List<ScenarioStore> instances = List.of(store, secondInstance.scenarios());
            for (int round = 0; round < 5; round++) {
                StoredScenario scenario = StoredScenario.scenario("text " + unique(), "80/TCP", "");
                long before = store.count();
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Callable<String>> saves = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    ScenarioStore instance = instances.get(t % instances.size());
                    saves.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return instance.save(scenario);
                    });
                }

                Set<String> ids = runAll(saves);

                assertEquals(Set.of(ScenarioIds.of(scenario)), ids);
                assertEquals(before + 1, store.count());
                assertEquals(Optional.of(scenario), secondInstance.scenarios().find(ScenarioIds.of(scenario)));
            }
        }
    }

    @Test
    void a_save_that_loses_the_insert_race_returns_the_winners_id() {
        StoredScenario scenario = scenario("text " + unique());
        String id = store.save(scenario);
        long count = store.count();

        assertEquals(id, ((JdbcScenarioStore) store).insertOrAdopt(id, scenario));
        assertEquals(count, store.count());
    }

    @Test
    void an_id_is_never_overwritten_with_other_content() {
        StoredScenario original = scenario("text " + unique());
        String id = store.save(original);

        assertThrows(IllegalStateException.class,
                () -> ((JdbcScenarioStore) store).insertOrAdopt(id, scenario("other " + unique())));
        assertEquals(Optional.of(original), store.find(id));
    }

    @Test
    void scenarios_survive_closing_and_reopening_the_database() {
        StoredScenario scenario = StoredScenario.scenario("text " + unique() + "\n", "443/TCP", "8.8.8.8");
        String id = store.save(scenario);
        database.close();

        try (Database reopened = open(url())) {
            assertEquals(Optional.of(scenario), reopened.scenarios().find(id));
        }
    }

    @Test
    void scenarios_over_the_limit_are_refused_with_their_size() {
        String prefix = unique();
        String fitsExactly = prefix + "x".repeat((int) LIMIT - prefix.length() - 2);
        long before = store.count();

        store.save(StoredScenario.scenario(fitsExactly, "8", "0"));
        ScenarioTooLargeException byOneByte = assertThrows(ScenarioTooLargeException.class,
                () -> store.save(StoredScenario.scenario(fitsExactly + "x", "8", "0")));
        ScenarioTooLargeException inUtf8 = assertThrows(ScenarioTooLargeException.class,
                () -> store.save(scenario(prefix + "é".repeat((int) LIMIT / 2))));

        assertEquals(LIMIT + 1, byOneByte.sizeBytes());
        assertEquals(LIMIT, byOneByte.limitBytes());
        assertEquals(prefix.length() + LIMIT, inUtf8.sizeBytes());
        assertEquals(before + 1, store.count());
    }

    @Test
    void ping_answers_while_the_database_is_open_and_not_after_close() {
        assertTrue(store.ping());

        database.close();

        assertFalse(store.ping());
    }

    @Test
    void several_instances_starting_on_a_fresh_database_at_once_all_open() throws Exception {
        String url = freshUrl();
        CyclicBarrier start = new CyclicBarrier(4);
        List<Callable<String>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                try (Database instance = open(url)) {
                    return instance.scenarios().save(scenario("first"));
                }
            });
        }

        assertEquals(1, runAll(instances).size());
        try (Database instance = open(url)) {
            assertEquals(1, instance.scenarios().count());
        }
    }

    /**
     * The durability check: a server instance (a JVM of its own, {@link ShareBurst}) is
     * killed with kill -9 in the middle of a burst of shares from several threads, and every share
     * it had acknowledged is then found, with its exact content, by a new instance.
     */
    @Test
    void every_share_acknowledged_before_kill_9_of_the_server_is_there_after_restart(@TempDir Path work)
            throws Exception {
        String url = freshUrl();

        KillNineBurst burst = KillNineBurst.run(url, user(), password(), work, KillNineBurst::kill9);

        burst.assertKilledMidBurst();
        try (Database restarted = open(url)) {
            burst.assertEveryAcknowledgedShareIsIn(restarted.scenarios());
        }
    }

    private static Set<String> runAll(List<Callable<String>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            Set<String> results = new HashSet<>();
            for (Future<String> result : pool.invokeAll(tasks)) {
                results.add(result.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
