package dev.netpolplayground.web;

import dev.netpolplayground.explain.Json;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.store.ScenarioStore;
import dev.netpolplayground.store.StoredScenario;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** POST /api/v1/scenarios and GET /api/v1/scenarios/{id}: sharing, as data. */
final class ScenarioApiController {
    private final ScenarioStore store;

    ScenarioApiController(ScenarioStore store) {
        this.store = store;
    }

    void create(Context ctx) {
        if (!ApiController.acceptsBody(ctx)) {
            return;
        }
        String probes = Optional.ofNullable(ctx.queryParam(Ids.FIELD_PROBES)).orElse("");
        String externals = Optional.ofNullable(ctx.queryParam(Ids.FIELD_EXTERNAL)).orElse("");
        String id = store.save(StoredScenario.scenario(ctx.body(), probes, externals));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("url", Routes.shared(id));
        ctx.status(HttpStatus.CREATED).header("Location", Routes.shared(id)).contentType("application/json")
                .result(Json.bytes(body));
    }

    void read(Context ctx) {
        Optional<StoredScenario> stored = store.find(ctx.pathParam("id"))
                .filter(s -> s.kind() == StoredScenario.Kind.SCENARIO);
        if (stored.isEmpty()) {
            ApiController.errors(ctx, HttpStatus.NOT_FOUND, List.of(Problem.error(
                    "no scenario with id " + ctx.pathParam("id"), 0, 0, "")), List.of());
            return;
        }
        ctx.contentType("text/yaml; charset=utf-8").result(stored.get().text());
    }
}
