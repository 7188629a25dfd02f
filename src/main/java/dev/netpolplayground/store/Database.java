package dev.netpolplayground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.time.Clock;
import java.util.Locale;

/**
 * The connection pool and schema behind the stores. {@link #open} migrates the schema (Flyway,
 * classpath:db/migration), so an empty database is ready to use; {@link #close} releases it.
 *
 * <p>H2 ({@code jdbc:h2:}, one process at a time) is the default; PostgreSQL
 * ({@code jdbc:postgresql:}) may be shared by several server instances, which may also start
 * and migrate at the same moment.
 */
public final class Database implements AutoCloseable {
    /** An H2 file database under the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:./data/playground";
    public static final long DEFAULT_MAX_SCENARIO_BYTES = 512 * 1024;

    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    private final HikariDataSource dataSource;
    private final ScenarioStore scenarios;
    private final ClassStore classes;

    private Database(HikariDataSource dataSource, ScenarioStore scenarios, ClassStore classes) {
        this.dataSource = dataSource;
        this.scenarios = scenarios;
        this.classes = classes;
    }

    /** Opens with the default size limit for shared scenarios. */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, DEFAULT_MAX_SCENARIO_BYTES);
    }

    /**
     * Connects, migrates the schema and returns the open database.
     *
     * @param url              {@code jdbc:h2:…} (file URLs start with ./ or are absolute) or
     *                         {@code jdbc:postgresql://…}
     * @param user             empty to leave it to the URL
     * @param password         empty to leave it to the URL
     * @param maxScenarioBytes UTF-8 bytes of text, probes and externals together that one shared
     *                         scenario may take
     * @throws IllegalArgumentException for other kinds of URL
     * @throws RuntimeException         (from HikariCP or Flyway) when the database cannot be
     *                                  reached or migrated
     */
    public static Database open(String url, String user, String password, long maxScenarioBytes) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("netpol-store");
        config.setJdbcUrl(withDefaults(url));
        if (!user.isEmpty()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            if (url.startsWith("jdbc:h2:")) {
                synchronized (H2_MIGRATIONS) {
                    migrate(dataSource);
                }
            } else {
                migrate(dataSource);
            }
            return new Database(dataSource, new JdbcScenarioStore(dataSource, maxScenarioBytes),
                    new JdbcClassStore(dataSource, Clock.systemUTC()));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Flyway locks PostgreSQL with an advisory lock, but two instances migrating one fresh H2
     * database inside one JVM can race; they take turns instead.
     */
    private static final Object H2_MIGRATIONS = new Object();

    private static void migrate(HikariDataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public ScenarioStore scenarios() {
        return scenarios;
    }

    public ClassStore classes() {
        return classes;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Adds to an H2 URL the settings it does not name itself:
     * <ol>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would close the database under
     *       requests still being answered; {@link #close} closes it instead.</li>
     *   <li>{@code WRITE_DELAY=0} for files: by default H2 writes commits to the file up to 500 ms
     *       later, so a commit acknowledged to a user could be lost to kill -9.</li>
     * </ol>
     * PostgreSQL URLs are used as given.
     */
    static String withDefaults(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException(
                    "database URL must start with jdbc:h2: or jdbc:postgresql: but is " + url);
        }
        String settings = url.toUpperCase(Locale.ROOT);
        int firstSetting = settings.indexOf(';');
        settings = firstSetting < 0 ? "" : settings.substring(firstSetting) + ";";
        StringBuilder result = new StringBuilder(url);
        if (!settings.contains(";DB_CLOSE_ON_EXIT=")) {
            result.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        boolean inMemory = url.startsWith("jdbc:h2:mem:");
        if (!inMemory && !settings.contains(";WRITE_DELAY=")) {
            result.append(";WRITE_DELAY=0");
        }
        return result.toString();
    }
}
