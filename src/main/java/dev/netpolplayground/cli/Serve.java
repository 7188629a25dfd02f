package dev.netpolplayground.cli;

import dev.netpolplayground.store.Database;
import dev.netpolplayground.web.WebApp;
import io.javalin.Javalin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * {@code serve}: runs the playground until stopped. The database is the embedded H2 file
 * database under ./data unless a JDBC URL is given (flag or PLAYGROUND_DB_URL).
 */
final class Serve {
    private Serve() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) {
        Map<String, String> env = System.getenv();
        int port = args.intOption("--port", envInt(env, "PORT", 7070));
        String url = args.option("--db-url", env.getOrDefault("PLAYGROUND_DB_URL", Database.DEFAULT_URL));
        String user = args.option("--db-user", env.getOrDefault("PLAYGROUND_DB_USER", ""));
        String password = args.option("--db-password", env.getOrDefault("PLAYGROUND_DB_PASSWORD", ""));
        int sharesPerMinute = args.intOption("--shares-per-minute", envInt(env, "PLAYGROUND_SHARES_PER_MINUTE",
                WebApp.Settings.DEFAULT.sharesPerMinute()));
        int evaluations = args.intOption("--concurrent-evaluations", envInt(env, "PLAYGROUND_CONCURRENT_EVALUATIONS",
                WebApp.Settings.DEFAULT.concurrentEvaluations()));
        int warmUpSeconds = args.intOption("--warm-up-seconds", envInt(env, "PLAYGROUND_WARM_UP_SECONDS",
                (int) WebApp.Settings.DEFAULT.warmUp().toSeconds()));
        int rememberMib = args.intOption("--remember-mib", envInt(env, "PLAYGROUND_REMEMBER_MIB",
                (int) WebApp.Settings.DEFAULT.rememberMib()));
        if (evaluations < 1 || warmUpSeconds < 0 || sharesPerMinute < 1 || rememberMib < 0) {
            throw new Arguments.UsageException("--concurrent-evaluations and --shares-per-minute need at least 1,"
                    + " --warm-up-seconds and --remember-mib at least 0");
        }
        boolean trustProxy = args.options().containsKey("--trust-proxy")
                || Boolean.parseBoolean(env.getOrDefault("PLAYGROUND_TRUST_PROXY", "false"));
        Database database;
        try {
            database = Database.open(url, user, password);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println("cannot open the database " + redact(url) + ": " + cause.getMessage());
            return 2;
        }
        WebApp.Services services = WebApp.services(database.scenarios(),
                new WebApp.Settings(sharesPerMinute, WebApp.Settings.DEFAULT.stopTimeoutMillis(), trustProxy, evaluations,
                        WebApp.Settings.DEFAULT.queueWait(), Duration.ofSeconds(warmUpSeconds), rememberMib));
        Javalin app = WebApp.create(services);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
        }, "shutdown"));
        app.start(port);
        out.println("netpol-playground listening on http://localhost:" + app.port() + "/ (database "
                + redact(url) + ")");
        return 0;
    }

    private static int envInt(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("environment variable " + name + " needs a whole number, not '" + value + "'");
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^;&]*", "password=***");
    }
}
