package dev.netpolplayground.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates (web/jte) into responses, straight to UTF-8 bytes. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object view) {
        ctx.contentType("text/html; charset=utf-8").result(bytes(template, view));
    }

    byte[] bytes(String template, Object view) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, view, output);
        return output.toByteArray();
    }
}
