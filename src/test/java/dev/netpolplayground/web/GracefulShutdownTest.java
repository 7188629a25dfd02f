package dev.netpolplayground.web;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Stopping the server lets a request that is being answered finish. */
class GracefulShutdownTest {
    @Test
    void a_request_in_flight_is_answered_even_when_the_server_stops() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            big.append("apiVersion: v1\nkind: Pod\nmetadata: {name: p").append(i).append(", namespace: n").append(i % 20)
                    .append(", labels: {app: a").append(i % 400).append("}}\n---\n");
        }
        for (int i = 0; i < 400; i++) {
            big.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np").append(i)
                    .append(", namespace: n").append(i % 20).append("}\nspec: {podSelector: {matchLabels: {app: a")
                    .append(i).append("}}, ingress: [{from: [{podSelector: {}}]}]}\n---\n");
        }
        TestServer server = new TestServer();
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() ->
                server.post(Routes.API_EVALUATE + "?format=compact&probes=80/TCP", "text/yaml", big.toString()));
        Thread.sleep(150);
        assertFalse(answer.isDone(), "the 4,000-pod evaluation should still be running when the server stops");
        server.close();
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().isEmpty());
    }
}
