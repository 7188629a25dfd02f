package dev.netpolplayground.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.netpolplayground.web.ShareLinks;
import dev.netpolplayground.web.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile text where users can put it — labels, field names, comments in a policy, the probes and
 * outside-address fields, an exercise's title and Markdown brief — is shown as text and never runs.
 * Every payload tries to set window.__xss or open a dialog; the page must do neither.
 */
class SecurityBrowserTest {
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String IMG = "\"><img src=x onerror=\"window.__xss=2\">";
    private static final String SVG = "<svg onload=window.__xss=3>";

    private static final String SCENARIO = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              namespace: x
              labels: {app: "%s"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: x}
            spec:
              podSelector: {}
              "%s": 1
            """;

    private static final String VALID = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {app: a}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy # %s
            metadata: {name: p, namespace: x} # %s
            spec:
              podSelector: {} # %s
            """;

    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void launch() {
        server = new TestServer();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void shutDown() {
        browser.close();
        playwright.close();
        server.close();
    }

    @BeforeEach
    void open() {
        context = browser.newContext();
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    @AfterEach
    void close() {
        assertEquals(List.of(), dialogs, "no dialog may open");
        assertEquals("undefined", String.valueOf(page.evaluate("() => String(window.__xss)")), "no payload ran");
        context.close();
    }

    @Test
    void payloads_in_labels_and_field_names_are_reported_as_text() {
        String text = String.format(SCENARIO, SCRIPT.replace("\"", "'"), IMG.replace("\"", "'"));
        page.navigate(server.url(ShareLinks.link(text, IMG, SVG)));
        assertThat(page.locator(".problems")).containsText("<script>window.__xss=1</script>");
        assertThat(page.locator(".problems")).containsText("onerror");
        assertThat(page.locator("input[name=probes]")).hasValue(IMG);
        assertThat(page.locator("input[name=external]")).hasValue(SVG);
    }

    @Test
    void payloads_in_policy_comments_stay_text_in_the_explanation_excerpt() {
        page.navigate(server.url(ShareLinks.link(String.format(VALID, SCRIPT, IMG, SVG), "", "")));
        page.locator("button.cell.denied").first().click();
        assertThat(page.locator(".excerpt pre")).containsText(SCRIPT);
        assertThat(page.locator(".excerpt pre")).containsText(SVG);
    }

    @Test
    void a_teacher_exercise_with_hostile_title_and_markdown_renders_inert() {
        String scenario = String.format(VALID, "x", "y", "z");
        page.navigate(server.url(ShareLinks.link(scenario, "", "")));
        page.locator("button:has-text('Make an exercise')").click();
        page.locator("input[name=title]").fill(SCRIPT + IMG);
        page.locator("textarea[name=brief]").fill("# " + SVG + "\n\n" + SCRIPT + "\n\n[click me](javascript:window.__xss=4)"
                + "\n\n<iframe src=\"javascript:window.__xss=5\"></iframe>");
        page.locator("button:has-text('Create the exercise')").click();
        assertThat(page.locator(".problems")).containsText("links may only go to http:, https: or mailto:");
        page.locator("textarea[name=brief]").fill("# " + SVG + "\n\n" + SCRIPT + "\n\n[click me](#exercise-title)"
                + "\n\n<iframe src=\"javascript:window.__xss=5\"></iframe>");
        page.locator("button:has-text('Create the exercise')").click();
        page.waitForURL("**/x/**/created");
        assertThat(page.locator(".preview h3")).containsText("<script>");
        assertThat(page.locator(".preview .brief")).containsText("<svg onload");
        assertEquals(0, page.locator(".preview iframe, .preview script, .preview svg, .preview img").count());
        page.locator("a:has-text('Open it as a student would')").click();
        assertThat(page.locator("h1#exercise-title")).containsText("<script>");
        assertThat(page.locator(".brief")).containsText("<svg onload");
        page.locator(".brief a:has-text('click me')").click();
        assertEquals(0, page.locator(".brief iframe, .brief script, .brief svg, .brief img").count());
    }

    @Test
    void a_javascript_url_cannot_be_smuggled_in_through_a_link_parameter() {
        page.navigate(server.url("/?z=" + URLEncoder.encode("javascript:window.__xss=6", StandardCharsets.UTF_8)
                + "&probes=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8)));
        assertThat(page.locator(".notice")).containsText("damaged");
    }
}
