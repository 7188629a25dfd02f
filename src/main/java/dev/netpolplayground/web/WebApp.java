package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.analysis.MemoryPool;
import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.exercises.Grader;
import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.parse.ScenarioParser;
import dev.netpolplayground.store.ClassStore;
import dev.netpolplayground.store.NotUnicodeException;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.ScenarioTooLargeException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Builds the web server: the one route table, read top to bottom. */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Largest request body accepted; larger ones get 413. */
    public static final long MAX_BODY_BYTES = 2 * 1024 * 1024;

    private WebApp() {
    }

    /**
     * What one request may make the server read: about the body limit in code points (also once
     * aliases are expanded), 100 aliases, 20,000 objects and a million YAML nodes (a 2 MiB dump
     * written out holds about 200,000).
     */
    public static final ScenarioParser.Limits INPUT_LIMITS = new ScenarioParser.Limits((int) MAX_BODY_BYTES, 100, 20_000,
            1_000_000);
    /** Results lighter than this (a scenario of about 32,000 characters) are computed again, not remembered. */
    static final long REMEMBER_FROM_BYTES = 256 * 1024;
    /** What one request may make the server compute. */
    public static final Analysis.Budget BUDGET = new Analysis.Budget(200_000_000L, Duration.ofSeconds(10));

    /** The parser, pipeline and grader with the server's limits. */
    public static Services services(ScenarioStore store, ClassStore classes, Settings settings) {
        ScenarioParser parser = new ScenarioParser(INPUT_LIMITS);
        Analysis analysis = new Analysis(parser, BUDGET, new Analysis.Memory(settings.rememberMib() * 1024 * 1024,
                REMEMBER_FROM_BYTES), new MemoryPool(settings.memoryBytes(), settings.queueWait()));
        Examples examples = Examples.load();
        Catalog catalog = Catalog.load();
        return new Services(analysis, store, classes, examples, catalog, new Grader(parser, analysis), settings,
                new Gate(settings.concurrentEvaluations(), settings.queueWait()),
                new WarmUp(examples, catalog, settings.warmUp()));
    }

    /** A client did something too often too fast; {@code sentence} says what, and when to try again. */
    static final class TooManyRequests extends RuntimeException {
        private final long seconds;
        private final String title;
        private final String sentence;

        TooManyRequests(long seconds, String title, String sentence) {
            super("rate limited", null, false, false);
            this.seconds = seconds;
            this.title = title;
            this.sentence = sentence;
        }

        long seconds() {
            return seconds;
        }
    }

    /** A page that cannot be answered as asked: its status, and what the person reads. */
    static final class PageError extends RuntimeException {
        private final HttpStatus status;
        private final String title;
        private final String sentence;

        PageError(HttpStatus status, String title, String sentence) {
            super(title, null, false, false);
            this.status = status;
            this.title = title;
            this.sentence = sentence;
        }
    }

    /** What the handlers need, built by the caller (the CLI's serve, or a test). */
    public record Services(Analysis analysis, ScenarioStore store, ClassStore classes, Examples examples, Catalog catalog, Grader grader,
                           Settings settings, Gate gate, WarmUp warmUp) {
    }

    /**
     * @param sharesPerMinute how many scenarios or exercises one client may store per minute
     * @param stopTimeoutMillis how long a stopping server waits for requests in flight
     * @param proxies which reverse proxies stand before the server, whose X-Forwarded-For entries are believed
     * @param concurrentEvaluations how many requests may evaluate at once; the others queue for their turn
     * @param queueWait how long a request waits for its turn to evaluate before it is told the server is busy (503)
     * @param warmUp how long the server sends itself the examples after start before it says it is ready
     * @param rememberMib how much memory (MiB, roughly) the latest results may keep; 0 remembers none
     * @param memoryMib how much memory (MiB, by estimate) the requests being evaluated or answered may hold
     *                  together; 0 for half the heap, less what the remembered results may keep
     */
    public record Settings(int sharesPerMinute, long stopTimeoutMillis, Proxies proxies, int concurrentEvaluations,
                           Duration queueWait, Duration warmUp, long rememberMib, long memoryMib) {
        public static final Settings DEFAULT = new Settings(30, 10_000, Proxies.NONE,
                2 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(15), Duration.ofSeconds(20), 64, 0);

        public Settings withWarmUp(Duration duration) {
            return new Settings(sharesPerMinute, stopTimeoutMillis, proxies, concurrentEvaluations, queueWait,
                    duration, rememberMib, memoryMib);
        }

        public Settings withEvaluations(int concurrent, Duration wait) {
            return new Settings(sharesPerMinute, stopTimeoutMillis, proxies, concurrent, wait, warmUp, rememberMib,
                    memoryMib);
        }

        public Settings withMemory(long mib) {
            return new Settings(sharesPerMinute, stopTimeoutMillis, proxies, concurrentEvaluations, queueWait, warmUp,
                    rememberMib, mib);
        }

        /** Behind proxies: trusts X-Forwarded-For entries written by the proxies in {@code networks}. */
        public Settings behindProxies(List<Cidr> networks) {
            return new Settings(sharesPerMinute, stopTimeoutMillis, new Proxies(true, networks), concurrentEvaluations,
                    queueWait, warmUp, rememberMib, memoryMib);
        }

        /** The memory pool's size in bytes: as set, or half the heap less the remembered results (at least 64 MiB). */
        long memoryBytes() {
            if (memoryMib > 0) {
                return memoryMib << 20;
            }
            return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 2 - (rememberMib << 20));
        }

        /** The client's address: the connection's (IPv6 without Jetty's brackets), or behind proxies what they saw. */
        String client(Context ctx) {
            String remote = ctx.ip();
            if (remote.startsWith("[") && remote.endsWith("]")) {
                remote = remote.substring(1, remote.length() - 1);
            }
            return proxies.client(remote, Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        }
    }

    /** Headers on every response: no inline script, no framing, no sniffing, no referrer (links carry scenarios). */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    public static Javalin create(Services services) {
        Templates templates = new Templates();
        ApiController api = new ApiController(services.analysis());
        ScenarioApiController scenarios = new ScenarioApiController(services.store());
        PlaygroundController playground = new PlaygroundController(services.analysis(), services.store(),
                services.examples(), templates);
        ExerciseLookup lookup = new ExerciseLookup(services.catalog(), services.store());
        ExercisePages exercisePages = new ExercisePages(services.grader());
        ExerciseController exercises = new ExerciseController(lookup, exercisePages, templates);
        ClassController classes = new ClassController(services.classes(), lookup, exercisePages, templates,
                Clock.systemUTC(), services.settings()::client);
        MakeExerciseController maker = new MakeExerciseController(services.analysis(), services.store(), templates);
        Metrics metrics = new Metrics(services.store(), services.gate());
        AccessLog accessLog = new AccessLog();
        RateLimiter limiter = new RateLimiter(services.settings().sharesPerMinute(), 60_000, Clock.systemUTC());
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            AtomicReference<Server> jetty = new AtomicReference<>();
            config.jetty.modifyServer(server -> {
                jetty.set(server);
                server.setStopTimeout(services.settings().stopTimeoutMillis());
                server.setErrorHandler(new ContainerErrors(templates));
            });
            config.events.serverStarted(() -> services.warmUp().start(
                    ((ServerConnector) jetty.get().getConnectors()[0]).getLocalPort()));
            config.requestLogger.http((ctx, millis) -> {
                if (services.warmUp().isOwn(ctx)) {
                    return;
                }
                metrics.observe(ctx, millis);
                long allocated = Allocation.since(ctx);
                accessLog.record(services.settings().client(ctx) + " " + ctx.method() + " " + Routes.loggable(ctx.path()) + " "
                        + ctx.status().getCode() + " " + String.format(Locale.ROOT, "%.1fms", millis)
                        + (allocated < 0 ? "" : String.format(Locale.ROOT, " %.1fMiB", allocated / 1048576.0)));
            });
            config.events.serverStopped(accessLog::close);
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });

            config.router.ignoreTrailingSlashes = false;
            config.routes.before(Allocation::start);
            config.routes.before(Routes.API_PREFIX + "*", Face.API::mark);
            config.routes.before(Routes.FRAGMENT_SHARE, Face.SHARE_FRAGMENT::mark);
            config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
            config.routes.before(WebApp::readableBody);
            config.routes.before(WebApp::withoutTrailingSlash);

            Gate gate = services.gate();
            Function<Handler, Handler> limited = handler -> ctx -> {
                long wait = limiter.retryAfterSeconds(services.settings().client(ctx));
                if (wait > 0) {
                    throw new TooManyRequests(wait, "Too many shares", "Too many shares from your address; try again in "
                            + wait + " s.");
                }
                handler.handle(ctx);
            };
            config.routes.get(Routes.HOME, gate.around(playground::page));
            config.routes.post(Routes.HOME, gate.around(playground::submit));
            config.routes.post(Routes.FRAGMENT_EVALUATE, gate.around(playground::evaluateFragment));
            config.routes.post(Routes.FRAGMENT_EXPLAIN, gate.around(playground::explainFragment));
            config.routes.post(Routes.FRAGMENT_SHARE, limited.apply(playground::shareFragment));
            config.routes.post(Routes.SHARE, limited.apply(playground::share));
            config.routes.get(Routes.SHARED, gate.around(playground::shared));
            config.routes.post(Routes.EXPORT, gate.around(playground::export));

            config.routes.get(Routes.EXERCISES, exercises::catalog);
            config.routes.get(Routes.EXERCISE, gate.around(exercises::builtInPage));
            config.routes.post(Routes.EXERCISE, gate.around(exercises::builtInSubmit));
            config.routes.post(Routes.EXERCISE_CHECK, gate.around(exercises::builtInCheck));
            config.routes.post(Routes.EXERCISE_EXPLAIN, gate.around(exercises::builtInExplain));
            config.routes.post(Routes.MAKE_EXERCISE, gate.around(maker::form));
            config.routes.post(Routes.CREATE_EXERCISE, limited.apply(gate.around(maker::create)));
            config.routes.get(Routes.TEACHER_EXERCISE, gate.around(exercises::teacherPage));
            config.routes.post(Routes.TEACHER_EXERCISE, gate.around(exercises::teacherSubmit));
            config.routes.post(Routes.TEACHER_CHECK, gate.around(exercises::teacherCheck));
            config.routes.get(Routes.TEACHER_CREATED, gate.around(exercises::teacherCreated));
            config.routes.post(Routes.TEACHER_EXPLAIN, gate.around(exercises::teacherExplain));

            config.routes.get(Routes.NEW_CLASS, classes::newForm);
            config.routes.post(Routes.CLASSES, limited.apply(classes::create));
            config.routes.get(Routes.CLASS, classes::home);
            config.routes.post(Routes.CLASS_JOIN, classes::join);
            config.routes.get(Routes.CLASS_EXERCISE, gate.around(classes::exercisePage));
            config.routes.post(Routes.CLASS_EXERCISE, gate.around(classes::submit));
            config.routes.post(Routes.CLASS_CHECK, gate.around(classes::check));
            config.routes.post(Routes.CLASS_EXPLAIN, gate.around(classes::explain));
            config.routes.get(Routes.CLASS_TEACHER, classes::teacher);
            config.routes.get(Routes.CLASS_PROGRESS, classes::progressFragment);
            config.routes.get(Routes.CLASS_ANSWER, gate.around(classes::answer));
            config.routes.post(Routes.CLASS_ANSWER_EXPLAIN, gate.around(classes::answerExplain));
            config.routes.get(Routes.CLASS_RESULTS, classes::results);
            config.routes.post(Routes.CLASS_CLOSE, classes::close);
            config.routes.post(Routes.CLASS_DELETE, classes::delete);

            config.routes.post(Routes.API_EVALUATE, gate.around(api::evaluate));
            config.routes.post(Routes.API_SCENARIOS, limited.apply(scenarios::create));
            config.routes.get(Routes.API_SCENARIO, scenarios::read);
            config.routes.get(Routes.API_EXERCISES, exercises::apiList);
            config.routes.post(Routes.API_EXERCISE_CHECK, gate.around(exercises::apiCheck));
            config.routes.get(Routes.HEALTH, ctx -> ctx.result("ok"));
            config.routes.get(Routes.READY, ctx -> {
                if (services.warmUp().running()) {
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("warming up");
                } else if (!services.store().ping()) {
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("database unreachable");
                } else {
                    ctx.result("ready");
                }
            });
            config.routes.get(Routes.METRICS, metrics::serve);

            config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
                if (ctx.endpoints().lastHttpEndpoint() == null) {
                    fail(ctx, templates, HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.");
                }
            });
            config.routes.exception(TooManyRequests.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.seconds()));
                fail(ctx, templates, HttpStatus.TOO_MANY_REQUESTS, e.title, e.sentence);
            });
            config.routes.exception(PageError.class, (e, ctx) -> fail(ctx, templates, e.status, e.title, e.sentence));
            config.routes.exception(Gate.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                fail(ctx, templates, HttpStatus.SERVICE_UNAVAILABLE, "The playground is busy", "The playground is"
                        + " busy: your scenario waited " + services.settings().queueWait().toMillis() / 1000.0
                        + " s for its turn to be evaluated. Try again in a moment.");
            });
            config.routes.exception(MemoryPool.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                fail(ctx, templates, HttpStatus.SERVICE_UNAVAILABLE, "The playground is busy", "The playground is"
                        + " busy: the memory it gives to evaluations stayed in use for "
                        + services.settings().queueWait().toMillis() / 1000.0 + " s. Try again in a moment.");
            });
            config.routes.exception(MemoryPool.TooLarge.class, (e, ctx) ->
                    fail(ctx, templates, HttpStatus.CONTENT_TOO_LARGE, "Too large to answer", "This answer needs "
                            + e.sentence() + ". Narrow it with filters, name fewer probes, or use the command line"
                            + " (java -jar netpol-playground.jar eval), which has no such limit."));
            config.routes.exception(NotUnicodeException.class, (e, ctx) ->
                    fail(ctx, templates, HttpStatus.BAD_REQUEST, "Not valid Unicode", e.getMessage() + "."));
            config.routes.exception(ScenarioTooLargeException.class, (e, ctx) ->
                    fail(ctx, templates, HttpStatus.CONTENT_TOO_LARGE, "Too large to share", e.getMessage()));
            config.routes.exception(Multipart.class, (e, ctx) ->
                    fail(ctx, templates, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported form encoding",
                            "Forms are read as application/x-www-form-urlencoded, and scenarios as YAML or JSON text;"
                                    + " this server reads no multipart bodies."));
            config.routes.exception(UnsupportedCharset.class, (e, ctx) ->
                    fail(ctx, templates, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported character set",
                            "The request is declared in the character set '" + e.name() + "', which this server does"
                                    + " not know; send UTF-8."));
            config.routes.exception(Exception.class, (e, ctx) -> {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof org.eclipse.jetty.http.HttpException) {
                        fail(ctx, templates, HttpStatus.forStatus(((org.eclipse.jetty.http.HttpException) cause).getCode()),
                                "Bad request", "The request's body could not be read: it ended early or is not well"
                                        + " formed (a chunked body with a bad chunk, or less than its Content-Length).");
                        return;
                    }
                }
                LOG.error("unexpected error on {} {}", ctx.method(), Routes.loggable(ctx.path()), e);
                fail(ctx, templates, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                        "Something went wrong on our side; the error was logged.");
            });
        });
    }

    /** A request in a character set the JVM does not know: 415, before anything reads its body or query. */
    static final class UnsupportedCharset extends RuntimeException {
        private final String name;

        UnsupportedCharset(String name) {
            super("unsupported charset", null, false, false);
            this.name = name.length() <= 40 ? name : name.substring(0, 37) + "...";
        }

        String name() {
            return name;
        }
    }

    /** Nothing here reads multipart bodies: the page's forms are URL-encoded, the API takes the text as it is. */
    static final class Multipart extends RuntimeException {
        Multipart() {
            super("multipart", null, false, false);
        }
    }

    /** The body's declared encoding must be one the server reads, before anything reads the body or query. */
    private static void readableBody(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return;
        }
        if (type.trim().regionMatches(true, 0, "multipart/", 0, 10)) {
            throw new Multipart();
        }
        for (String parameter : type.split(";")) {
            String trimmed = parameter.trim();
            if (!trimmed.regionMatches(true, 0, "charset", 0, 7)) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? "" : trimmed.substring(equals + 1).trim().replace("\"", "");
            boolean supported;
            try {
                supported = !name.isEmpty() && Charset.isSupported(name);
            } catch (IllegalCharsetNameException badName) {
                supported = false;
            }
            if (!supported) {
                throw new UnsupportedCharset(name);
            }
        }
    }

    /**
     * One path per resource: {@code /exercises/} and {@code /api/v1/scenarios/} are permanently
     * redirected (308 keeps the method and body) to the same path without the slash, for every
     * route alike, so that limits attached to a route hold whatever the spelling. Leading slashes
     * are collapsed too: {@code //example.com/} must not become a redirect to another site.
     */
    private static void withoutTrailingSlash(Context ctx) {
        String path = ctx.path();
        if (path.length() > 1 && path.endsWith("/")) {
            String canonical = "/" + path.replaceAll("^/+|/+$", "");
            String query = ctx.queryString();
            ctx.redirect(query == null ? canonical : canonical + "?" + query, HttpStatus.PERMANENT_REDIRECT);
            ctx.skipRemainingHandlers();
        }
    }

    /** An error answer in the face its route was marked with ({@link Face}). */
    private static void fail(Context ctx, Templates templates, HttpStatus status, String title, String message) {
        switch (Face.of(ctx)) {
            case API:
                ApiController.errors(ctx, status, List.of(Problem.error(message, 0, 0, "")), List.of());
                break;
            case SHARE_FRAGMENT:
                templates.render(ctx, "playground/share.jte", new ShareView(false, "", message));
                break;
            default:
                ctx.status(status);
                templates.render(ctx, "errors/page.jte", new ErrorView(title, message));
        }
    }
}
