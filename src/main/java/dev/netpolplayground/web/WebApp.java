package dev.netpolplayground.web;

import dev.netpolplayground.explain.Analysis;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.ScenarioTooLargeException;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Builds the web server: the one route table, read top to bottom. */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Largest request body accepted; larger ones get 413. */
    public static final long MAX_BODY_BYTES = 2 * 1024 * 1024;

    private WebApp() {
    }

    /** What the handlers need, built by the caller (the CLI's serve, or a test). */
    public record Services(Analysis analysis, ScenarioStore store, Examples examples) {
    }

    public static Javalin create(Services services) {
        Templates templates = new Templates();
        ApiController api = new ApiController(services.analysis());
        ScenarioApiController scenarios = new ScenarioApiController(services.store());
        PlaygroundController playground = new PlaygroundController(services.analysis(), services.store(),
                services.examples(), templates);
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });

            config.routes.get(Routes.HOME, playground::page);
            config.routes.post(Routes.HOME, playground::submit);
            config.routes.post(Routes.FRAGMENT_EVALUATE, playground::evaluateFragment);
            config.routes.post(Routes.FRAGMENT_EXPLAIN, playground::explainFragment);
            config.routes.post(Routes.FRAGMENT_SHARE, playground::shareFragment);
            config.routes.post(Routes.SHARE, playground::share);
            config.routes.get(Routes.SHARED, playground::shared);
            config.routes.post(Routes.EXPORT, playground::export);

            config.routes.post(Routes.API_EVALUATE, api::evaluate);
            config.routes.post(Routes.API_SCENARIOS, scenarios::create);
            config.routes.get(Routes.API_SCENARIO, scenarios::read);
            config.routes.get(Routes.HEALTH, ctx -> ctx.result("ok"));

            config.routes.exception(ScenarioTooLargeException.class, (e, ctx) -> ApiController.errors(ctx,
                    HttpStatus.CONTENT_TOO_LARGE, List.of(Problem.error(e.getMessage(), 0, 0, "")), List.of()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ApiController.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR, List.of(Problem.error(
                        "something went wrong on our side; the error was logged", 0, 0, "")), List.of());
            });
        });
    }
}
