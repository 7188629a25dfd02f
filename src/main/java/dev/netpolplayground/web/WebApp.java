package dev.netpolplayground.web;

import dev.netpolplayground.explain.Analysis;
import dev.netpolplayground.model.Problem;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
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
    public record Services(Analysis analysis) {
    }

    public static Javalin create(Services services) {
        ApiController api = new ApiController(services.analysis());
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.routes.get(Routes.HEALTH, ctx -> ctx.result("ok"));
            config.routes.post(Routes.API_EVALUATE, api::evaluate);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ApiController.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR, List.of(Problem.error(
                        "something went wrong on our side; the error was logged", 0, 0, "")), List.of());
            });
        });
    }
}
