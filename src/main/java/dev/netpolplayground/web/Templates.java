package dev.netpolplayground.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates (web/jte) into responses. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object view) {
        StringOutput output = new StringOutput();
        engine.render(template, view, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }
}
