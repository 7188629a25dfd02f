package dev.netpolplayground.cli;

import dev.netpolplayground.explain.Analysis;
import dev.netpolplayground.parse.ScenarioParser;
import dev.netpolplayground.web.WebApp;
import io.javalin.Javalin;

import java.io.PrintStream;

/** {@code serve}: runs the playground until stopped. */
final class Serve {
    private Serve() {
    }

    static int run(Arguments args, PrintStream out) {
        int port = args.intOption("--port", Integer.parseInt(System.getenv().getOrDefault("PORT", "7070")));
        Javalin app = WebApp.create(new WebApp.Services(new Analysis(new ScenarioParser())));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        app.start(port);
        out.println("netpol-playground listening on http://localhost:" + app.port() + "/");
        return 0;
    }
}
