package dev.netpolplayground.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredScenarioIdTest {
    /** Expected values computed outside Java from the derivation documented on ScenarioIds. */
    @Test
    void ids_never_change_between_releases() {
        assertEquals("YgYeqmScVPLhgE7Y", ScenarioIds.of(StoredScenario.scenario("kind: Pod\n", "80/TCP", "")));
        assertEquals("gNHlETrQzM8Ynxro", ScenarioIds.of(StoredScenario.exercise("", "", "")));
    }

    @Test
    void ids_are_well_formed() {
        String id = ScenarioIds.of(StoredScenario.scenario("x", "", ""));

        assertEquals(16, id.length());
        assertTrue(ScenarioIds.isWellFormed(id));
        assertFalse(ScenarioIds.isWellFormed(id.substring(1)));
    }

    @Test
    void text_with_an_unpaired_surrogate_is_a_bug_not_a_scenario() {
        assertThrows(IllegalArgumentException.class, () -> StoredScenario.scenario("a\ud83d", "", ""));
        assertThrows(IllegalArgumentException.class, () -> StoredScenario.scenario("", "", "\udc00"));
    }
}
