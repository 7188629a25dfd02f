package dev.netpolplayground.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person in front of a class, as a browser would be: keeps cookies, does not follow
 * redirects on its own (tests look at them), and talks to one server.
 */
public final class ClassVisitor {
    private static final Pattern STUDENT_LINK = Pattern.compile("data-student-link data-absolute-link>(/c/[^<]+)<");
    private static final Pattern TEACHER_LINK = Pattern.compile("data-teacher-link data-absolute-link>(/c/[^<]+)<");

    private final String base;
    private final HttpClient client;

    public ClassVisitor(String base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
    }

    private ClassVisitor(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** The same browser (its cookies) talking to another server, as a Service sends it to another replica. */
    public ClassVisitor via(String otherBase) {
        return new ClassVisitor(otherBase, client);
    }

    /** The two links of a new class. */
    public record Links(String student, String teacher) {
        public String code() {
            return student.substring("/c/".length());
        }

        public String token() {
            return teacher.substring(teacher.lastIndexOf('/') + 1);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Makes a class of {@code exercises} (catalog ids) and reads its links off the page shown once. */
    public Links makeClass(String title, String... exercises) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("title", title)));
        for (String exercise : exercises) {
            fields.add(Map.entry("exercise", exercise));
        }
        HttpResponse<String> created = post(Routes.CLASSES, fields);
        if (created.statusCode() != 200) {
            throw new AssertionError("class not made: " + created.statusCode() + "\n" + created.body());
        }
        return new Links(find(STUDENT_LINK, created.body()), find(TEACHER_LINK, created.body()));
    }

    /** Joins under {@code name}; the answer is the redirect to the class. */
    public HttpResponse<String> join(String code, String name) {
        return post(Routes.classroom(code) + "/join", List.of(Map.entry("name", name)));
    }

    /** Presses Check on exercise {@code number} with {@code answer}; the answer is the check fragment. */
    public HttpResponse<String> check(String code, int number, String answer) {
        return post(Routes.classExercise(code, number) + "/check", List.of(Map.entry(Ids.FIELD_TEXT, answer)));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in\n" + html);
        }
        return matcher.group(1);
    }
}
