package dev.netpolplayground.cli;

import dev.netpolplayground.exercises.Catalog;
import dev.netpolplayground.model.Exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code class-load URL}: a class against a running server. A teacher makes a class of one
 * exercise, {@code --students} join, all press Check within the same second, then each checks
 * again every {@code --interval-ms} (± a fifth) for {@code --seconds}. Prints the latency of every
 * Check (p50, p99, max), the errors, and whether the teacher's results hold every acknowledged Check.
 */
final class ClassLoad {
    private static final Pattern STUDENT = Pattern.compile("data-student-link data-absolute-link>(/c/[^<]+)<");
    private static final Pattern TEACHER = Pattern.compile("data-teacher-link data-absolute-link>(/c/[^<]+)<");

    private ClassLoad() {
    }

    static int run(Arguments args, PrintStream out) {
        try {
            return load(args, out);
        } catch (IOException | IllegalStateException e) {
            out.println("class-load failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            out.println("a student failed: " + e.getCause());
            return 1;
        }
    }

    private static int load(Arguments args, PrintStream out) throws IOException, InterruptedException,
            ExecutionException {
        if (args.positional().isEmpty()) {
            throw new Arguments.UsageException("class-load needs the server's URL, e.g. http://127.0.0.1:7070");
        }
        String base = args.positional().get(0).replaceAll("/+$", "");
        int students = args.intOption("--students", 60);
        int seconds = args.intOption("--seconds", 60);
        int interval = args.intOption("--interval-ms", 2500);
        Exercise exercise = Catalog.load().find(args.option("--exercise", "lock-one-app"))
                .orElseThrow(() -> new Arguments.UsageException("no such exercise"));

        HttpClient teacher = client();
        String created = send(teacher, form(base + "/classes", "title=Load&exercise=" + exercise.id())).body();
        String studentLink = find(STUDENT, created);
        String teacherLink = find(TEACHER, created);
        String code = studentLink.substring(3);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            HttpClient client = client();
            HttpResponse<String> joined = send(client, form(base + studentLink + "/join", "name=student+" + i));
            if (joined.statusCode() != 303) {
                out.println("join " + i + " failed: " + joined.statusCode());
                return 1;
            }
            clients.add(client);
        }
        out.println(students + " students joined class " + code + "; all Check at once, then every " + interval
                + " ms for " + seconds + " s");

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> burst = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CyclicBarrier atOnce = new CyclicBarrier(students);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(students);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            HttpClient client = clients.get(i);
            int student = i;
            work.add(pool.submit(() -> {
                atOnce.await();
                int check = 0;
                do {
                    String answer = exercise.starter() + "\n# student " + student + ", check " + check++ + "\n";
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(client, form(base + "/c/" + code + "/e/1/check",
                            "scenario=" + URLEncoder.encode(answer, StandardCharsets.UTF_8)));
                    (check == 1 ? burst : latencies).add(System.nanoTime() - start);
                    if (response.statusCode() == 200 && response.body().contains("your teacher sees this Check")) {
                        acknowledged.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    Thread.sleep(interval * 4 / 5 + ThreadLocalRandom.current().nextInt(Math.max(1, interval * 2 / 5)));
                } while (System.nanoTime() < end);
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();

        String csv = send(teacher, HttpRequest.newBuilder(URI.create(base + teacherLink + "/results.csv")).build()).body();
        long recorded = csv.lines().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[5])).sum();
        List<Long> together = new ArrayList<>(burst);
        Collections.sort(together);
        out.printf(Locale.ROOT, "the burst: %d Checks in the same second, p50=%.1fms max=%.1fms%n", together.size(),
                percentile(together, 0.50), together.get(together.size() - 1) / 1e6);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf(Locale.ROOT, "steady: checks=%d p50=%.1fms p99=%.1fms max=%.1fms%n", sorted.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        out.printf(Locale.ROOT, "checks=%d acknowledged=%d errors=%d recorded=%d%n", together.size() + sorted.size(),
                acknowledged.get(), errors.get(), recorded);
        return errors.get() == 0 && recorded == acknowledged.get() ? 0 : 1;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException,
            InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("the server made no class: " + html.substring(0, Math.min(400, html.length())));
        }
        return matcher.group(1);
    }
}
