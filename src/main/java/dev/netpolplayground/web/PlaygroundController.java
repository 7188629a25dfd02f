package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.analysis.MemoryPool;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.StoredScenario;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Locale;
import java.util.Optional;

/** The playground page, its htmx fragments, sharing and export. */
final class PlaygroundController {
    private final Analysis analysis;
    private final ScenarioStore store;
    private final Examples examples;
    private final Templates templates;

    PlaygroundController(Analysis analysis, ScenarioStore store, Examples examples, Templates templates) {
        this.analysis = analysis;
        this.store = store;
        this.examples = examples;
        this.templates = templates;
    }

    /** GET /: an example, a scenario carried in the link, or the first example (the browser may restore a draft). */
    void page(Context ctx) {
        String probes = Optional.ofNullable(ctx.queryParam(Ids.FIELD_PROBES)).orElse("");
        String externals = Optional.ofNullable(ctx.queryParam(Ids.FIELD_EXTERNAL)).orElse("");
        String z = ctx.queryParam("z");
        if (z != null) {
            Optional<String> text = ShareLinks.decode(z);
            if (text.isPresent()) {
                render(ctx, PlaygroundForm.of(text.get(), probes, externals), "link", "");
            } else {
                Examples.Example first = examples.all().get(0);
                ctx.status(HttpStatus.BAD_REQUEST);
                render(ctx, PlaygroundForm.of(first.text(), first.probes(), first.externals()), "example",
                        "This link is damaged (it may have been cut short), so it could not be opened."
                                + " Here is an example instead.");
            }
            return;
        }
        Examples.Example example = Optional.ofNullable(ctx.queryParam("example")).flatMap(examples::find)
                .orElse(examples.all().get(0));
        String source = ctx.queryParam("example") == null ? "draft" : "example";
        render(ctx, PlaygroundForm.of(example.text(), example.probes(), example.externals()), source, "");
    }

    /** POST /: the page without JavaScript — the form posts here and gets the whole page back. */
    void submit(Context ctx) {
        render(ctx, PlaygroundForm.from(ctx), "form", "");
    }

    /** GET /s/{id}: a shared scenario, evaluated; edits never change the stored one. */
    void shared(Context ctx) {
        Optional<StoredScenario> stored = store.find(ctx.pathParam("id"))
                .filter(s -> s.kind() == StoredScenario.Kind.SCENARIO);
        if (stored.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            templates.render(ctx, "errors/page.jte", new ErrorView("Scenario not found",
                    "No shared scenario has this link. Check that it was copied completely."));
            return;
        }
        StoredScenario scenario = stored.get();
        render(ctx, PlaygroundForm.of(scenario.text(), scenario.probes(), scenario.externals()), "shared",
                "This is a shared scenario. Your edits stay in your browser; share again to get a new link.");
    }

    void evaluateFragment(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        templates.render(ctx, "playground/result.jte", Views.result(run(ctx, form), form));
    }

    void explainFragment(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        Analysis.Result result = run(ctx, form);
        ExplanationView view = result instanceof Analysis.Success
                ? Views.explanation(((Analysis.Success) result).matrix(), form.cell(), form.text())
                : ExplanationView.NONE;
        templates.render(ctx, "playground/explanation.jte", view);
    }

    void shareFragment(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        String id = store.save(StoredScenario.scenario(form.text(), form.probes(), form.externals()));
        templates.render(ctx, "playground/share.jte", new ShareView(true, Routes.shared(id),
                "— anyone with this link sees this scenario."));
    }

    /** POST /share without JavaScript: store, then go to the short link. */
    void share(Context ctx) {
        PlaygroundForm form = PlaygroundForm.from(ctx);
        String id = store.save(StoredScenario.scenario(form.text(), form.probes(), form.externals()));
        ctx.redirect(Routes.shared(id), HttpStatus.SEE_OTHER);
    }

    /** POST /export/{format}: the matrix as a download (csv, md or json), if it is not too large to be one. */
    void export(Context ctx) {
        Optional<Export> format = Export.named(ctx.pathParam("format"));
        if (format.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            templates.render(ctx, "errors/page.jte", new ErrorView("No such export",
                    "Exports come as csv, md or json."));
            return;
        }
        PlaygroundForm form = PlaygroundForm.from(ctx);
        Analysis.Result result = run(ctx, form);
        if (!(result instanceof Analysis.Success)) {
            render(ctx, form, result, "form", "Fix the problems first: there is no matrix to export yet.");
            return;
        }
        Analysis.Success success = (Analysis.Success) result;
        long bytes = format.get().estimatedBytes(success);
        if (bytes > ApiController.MAX_ANSWER_BYTES) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "errors/page.jte", new ErrorView("Too large to export", String.format(Locale.ROOT,
                    "This export would be about %,d MiB, more than the %,d MiB one download may have here. Name fewer"
                    + " probes, or export with the command line (java -jar netpol-playground.jar eval --format %s"
                    + " FILE), which has no such limit.", ApiController.mib(bytes),
                    ApiController.MAX_ANSWER_BYTES >> 20, format.get().extension())));
            return;
        }
        try (MemoryPool.Reservation held = analysis.reserve(ApiController.HEAP_PER_BYTE * bytes)) {
            byte[] body = format.get().write(success);
            ctx.header("Content-Disposition", "attachment; filename=\"reachability." + format.get().extension() + "\"");
            ctx.contentType(format.get().mediaType()).result(body);
        } catch (MatrixReport.TooLarge grew) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "errors/page.jte", new ErrorView("Too large to export", "This export grew past the "
                    + (ApiController.MAX_ANSWER_BYTES >> 20) + " MiB one download may have here. Name fewer probes, or"
                    + " export with the command line (java -jar netpol-playground.jar eval --format "
                    + format.get().extension() + " FILE), which has no such limit."));
        }
    }

    private Analysis.Result run(Context ctx, PlaygroundForm form) {
        return analysis.run(new Analysis.Request(form.text(), form.probes(), form.externals()), ClientWatch.of(ctx));
    }

    private void render(Context ctx, PlaygroundForm form, String source, String notice) {
        render(ctx, form, run(ctx, form), source, notice);
    }

    private void render(Context ctx, PlaygroundForm form, Analysis.Result analysed, String source, String notice) {
        templates.render(ctx, "playground/index.jte", new PageView(form, examples.all(), Views.result(analysed, form),
                source, notice));
    }
}
