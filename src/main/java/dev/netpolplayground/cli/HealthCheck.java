package dev.netpolplayground.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code healthcheck [--url URL]}: exit 0 when the server answers /healthz with 200, else 1.
 * For container health checks, where no curl or wget is installed.
 */
final class HealthCheck {
    private HealthCheck() {
    }

    static int run(Arguments args, PrintStream out) {
        String url = args.option("--url", "http://localhost:" + System.getenv().getOrDefault("PORT", "7070") + "/healthz");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            out.println(url + ": " + response.statusCode());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println(url + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
