package dev.netpolplayground.cli;

import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.store.Database;
import dev.netpolplayground.web.Proxies;
import dev.netpolplayground.web.WebApp;
import io.javalin.Javalin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
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
        int memoryMib = args.intOption("--memory-mib", envInt(env, "PLAYGROUND_MEMORY_MIB",
                (int) WebApp.Settings.DEFAULT.memoryMib()));
        if (evaluations < 1 || warmUpSeconds < 0 || sharesPerMinute < 1 || rememberMib < 0 || memoryMib < 0) {
            throw new Arguments.UsageException("--concurrent-evaluations and --shares-per-minute need at least 1,"
                    + " --warm-up-seconds, --remember-mib and --memory-mib at least 0");
        }
        boolean trustProxy = args.options().containsKey("--trust-proxy")
                || Boolean.parseBoolean(env.getOrDefault("PLAYGROUND_TRUST_PROXY", "false"));
        String proxyNetworks = args.option("--trusted-proxies", env.getOrDefault("PLAYGROUND_TRUSTED_PROXIES",
                Proxies.PRIVATE_NETWORKS));
        List<Cidr> trusted = Proxies.networks(proxyNetworks).orElseThrow(() -> new Arguments.UsageException(
                "--trusted-proxies needs networks such as 10.0.0.0/8,192.168.1.7, not '" + proxyNetworks + "'"));
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
        WebApp.Settings settings = new WebApp.Settings(sharesPerMinute, WebApp.Settings.DEFAULT.stopTimeoutMillis(),
                WebApp.Settings.DEFAULT.proxies(), evaluations, WebApp.Settings.DEFAULT.queueWait(),
                Duration.ofSeconds(warmUpSeconds), rememberMib, memoryMib);
        WebApp.Services services = WebApp.services(database.scenarios(), database.classes(),
                trustProxy ? settings.behindProxies(trusted) : settings);
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
