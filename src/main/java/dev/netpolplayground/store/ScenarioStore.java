package dev.netpolplayground.store;

import java.util.Optional;

/** Shared scenarios, kept forever under ids derived from their content. */
public interface ScenarioStore {

    /**
     * Stores {@code scenario} unless the same content is already stored, and returns its id.
     * Saving the same content again, from any number of threads or server instances at once,
     * returns the same id and keeps the one row.
     *
     * @throws ScenarioTooLargeException when text, probes and externals together exceed the limit
     * @throws StoreException            when the database fails
     */
    String save(StoredScenario scenario);

    /**
     * The scenario stored under {@code id}; empty for unknown ids and, without asking the
     * database, for ids that are not well formed.
     *
     * @throws StoreException when the database fails
     */
    Optional<StoredScenario> find(String id);

    /** @throws StoreException when the database fails */
    long count();

    /** Whether the database answers now; never throws. For readiness probes. */
    boolean ping();
}
