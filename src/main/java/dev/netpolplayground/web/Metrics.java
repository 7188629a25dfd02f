package dev.netpolplayground.web;

import dev.netpolplayground.store.ScenarioStore;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Prometheus metrics of one server: request latency by route, evaluations and their queue, errors, stored scenarios, JVM. */
final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram latency = Histogram.builder().name("http_request_duration_seconds")
            .help("Time to answer a request, by route").labelNames("method", "route", "status").classicOnly()
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);
    private final Counter evaluations = Counter.builder().name("netpol_evaluations_total")
            .help("Requests that evaluated a scenario (pages, fragments, exports, exercises, API), by outcome")
            .labelNames("outcome")
            .register(registry);
    private final Counter errors = Counter.builder().name("netpol_errors_total")
            .help("Requests answered with a server error").register(registry);

    Metrics(ScenarioStore store, Gate gate) {
        GaugeWithCallback.builder().name("netpol_stored_scenarios").help("Shared scenarios and exercises stored")
                .callback(callback -> callback.call(store.count())).register(registry);
        GaugeWithCallback.builder().name("netpol_evaluations_waiting")
                .help("Requests waiting for their turn to evaluate (see --concurrent-evaluations)")
                .callback(callback -> callback.call(gate.waiting())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    /** Called once per request, after it was answered. */
    void observe(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? (ctx.status().getCode() == 404 ? "unmatched" : "static") : endpoint.path;
        int status = ctx.status().getCode();
        latency.labelValues(ctx.method().name(), route, String.valueOf(status)).observe(millis / 1000.0);
        if (Boolean.TRUE.equals(ctx.attribute(Gate.EVALUATED))) {
            evaluations.labelValues(status < 400 ? "ok" : status < 500 ? "invalid" : "error").inc();
        }
        if (status >= 500) {
            errors.inc();
        }
    }

    void serve(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        writer.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        ctx.contentType(writer.getContentType()).result(out.toByteArray());
    }
}
