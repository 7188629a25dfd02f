package dev.netpolplayground.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.netpolplayground.Scenarios;
import dev.netpolplayground.web.Routes;
import dev.netpolplayground.web.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A student solves "Put a lock on one app" in Chromium: the wrong answer first, then the fix. */
class ExerciseBrowserTest {
    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

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

    private static void type(Page page, String text) {
        page.evaluate("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", text);
    }

    @Test
    void a_student_reads_the_difference_fixes_the_policy_and_sees_it_solved() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.url(Routes.EXERCISES));
            page.locator("a:has-text('Put a lock on one app')").click();
            assertThat(page.locator("h1#exercise-title")).hasText("Put a lock on one app");
            assertThat(page.locator("table.goal-matrix")).isVisible();
            assertThat(page.locator("[data-hint='1']")).isHidden();
            page.locator("[data-hint='0'] summary").click();
            assertThat(page.locator("[data-hint='1']")).isVisible();

            type(page, Scenarios.resource("exercises/lock-one-app/wrong.yaml"));
            page.locator("button:has-text('Check')").click();
            assertThat(page.locator(".check-result > h2")).containsText("differ from the goal");
            assertThat(page.locator("#check button.cell.differs").first()).isVisible();
            page.locator("#check button.cell.differs").first().click();
            assertThat(page.locator("#explanation")).containsText("NetworkPolicy 'library/catalog-deny-all'");
            assertThat(page.locator("#explanation")).containsText("has no ingress rules");

            type(page, Scenarios.resource("exercises/lock-one-app/solution.yaml"));
            page.locator("button:has-text('Check')").click();
            assertThat(page.locator(".check-result > h2")).containsText("Solved: all");
            assertThat(page.locator(".debrief")).isVisible();
            assertThat(page.locator("#check button.cell.differs")).hasCount(0);

            page.navigate(server.url(Routes.EXERCISES));
            assertThat(page.locator(".card[data-exercise-id='lock-one-app'] [data-progress]")).isVisible();
            assertThat(page.locator(".card[data-exercise-id='named-ports'] [data-progress]")).isHidden();
        }
    }

    @Test
    void a_teacher_makes_an_exercise_gets_the_handout_link_and_the_student_page_has_no_empty_result_box() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.url("/?example=tiers-admin-guardrail"));
            page.locator("button:has-text('Make an exercise')").click();
            assertThat(page.locator("input[name=title]")).hasValue("Tiers: an admin guardrail a namespace cannot override");
            page.locator("select[name=level]").selectOption("advanced");
            page.locator("input[name=ungraded][value='0:1:0']").check();
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                    "make-exercise.png")).setFullPage(true));
            page.locator("button:has-text('Create the exercise')").click();

            assertThat(page.locator("h1")).hasText("Your exercise is ready");
            String shown = page.locator("[data-link]").textContent();
            org.junit.jupiter.api.Assertions.assertTrue(shown.startsWith(server.url("/x/")), shown);
            assertThat(page.locator("[data-copy-link]")).isVisible();

            page.locator("a:has-text('Open it as a student would')").click();
            assertThat(page.locator(".level")).hasText("advanced");
            assertThat(page.locator("#check")).isHidden();
        }
    }
}
