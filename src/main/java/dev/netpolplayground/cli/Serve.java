package dev.netpolplayground.cli;

import dev.netpolplayground.store.Database;
import dev.netpolplayground.web.WebApp;
import io.javalin.Javalin;

import java.io.PrintStream;
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
        int port = args.intOption("--port", Integer.parseInt(env.getOrDefault("PORT", "7070")));
        String url = args.option("--db-url", env.getOrDefault("PLAYGROUND_DB_URL", Database.DEFAULT_URL));
        String user = args.option("--db-user", env.getOrDefault("PLAYGROUND_DB_USER", ""));
        String password = args.option("--db-password", env.getOrDefault("PLAYGROUND_DB_PASSWORD", ""));
        int sharesPerMinute = args.intOption("--shares-per-minute",
                Integer.parseInt(env.getOrDefault("PLAYGROUND_SHARES_PER_MINUTE", "30")));
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
        Javalin app = WebApp.create(WebApp.services(database.scenarios(), new WebApp.Settings(sharesPerMinute, 10_000, trustProxy)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
        }, "shutdown"));
        app.start(port);
        out.println("netpol-playground listening on http://localhost:" + app.port() + "/ (database "
                + redact(url) + ")");
        return 0;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^;&]*", "password=***");
    }
}
