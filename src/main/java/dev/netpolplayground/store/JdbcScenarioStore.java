package dev.netpolplayground.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ScenarioStore} over the {@code shared_scenario} table (see db/migration). The same SQL
 * runs on H2 and PostgreSQL; every statement runs in auto-commit.
 */
public final class JdbcScenarioStore implements ScenarioStore {
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final long maxBytes;

    public JdbcScenarioStore(DataSource dataSource, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.dataSource = dataSource;
        this.maxBytes = maxBytes;
    }

    @Override
    public String save(StoredScenario scenario) {
        long size = scenario.sizeBytes();
        if (size > maxBytes) {
            throw new ScenarioTooLargeException(size, maxBytes);
        }
        String id = ScenarioIds.of(scenario);
        Optional<StoredScenario> stored = find(id);
        if (stored.isPresent()) {
            return requireSameContent(id, stored.get(), scenario);
        }
        return insertOrAdopt(id, scenario);
    }

    /**
     * Inserts the row, or, when another thread or server instance inserted {@code id} between
     * our look-up and our insert, checks that its row holds the same content.
     */
    String insertOrAdopt(String id, StoredScenario scenario) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO shared_scenario (id, kind, text_utf8, probes_utf8, externals_utf8)"
                             + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, scenario.kind().code());
            insert.setBytes(3, StoredScenario.utf8(scenario.text()));
            insert.setBytes(4, StoredScenario.utf8(scenario.probes()));
            insert.setBytes(5, StoredScenario.utf8(scenario.externals()));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StoreException("could not store scenario " + id, e);
            }
        }
        StoredScenario winner = find(id).orElseThrow(() -> new StoreException(
                "scenario " + id + " was reported as stored but cannot be read", null));
        return requireSameContent(id, winner, scenario);
    }

    /** Two contents with one id would be a SHA-256 collision in 95 bits: never overwrite, say so. */
    private static String requireSameContent(String id, StoredScenario stored, StoredScenario scenario) {
        if (!stored.equals(scenario)) {
            throw new IllegalStateException("id " + id + " already holds different content");
        }
        return id;
    }

    @Override
    public Optional<StoredScenario> find(String id) {
        if (!ScenarioIds.isWellFormed(id)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, text_utf8, probes_utf8, externals_utf8 FROM shared_scenario WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredScenario(
                        StoredScenario.Kind.ofCode(row.getString(1)),
                        StoredScenario.fromUtf8(row.getBytes(2)),
                        StoredScenario.fromUtf8(row.getBytes(3)),
                        StoredScenario.fromUtf8(row.getBytes(4))));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read scenario " + id, e);
        }
    }

    @Override
    public long count() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM shared_scenario");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("could not count scenarios", e);
        }
    }

    @Override
    public boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
