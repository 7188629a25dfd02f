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

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A lab in Chromium: a teacher makes a class, two students in browsers of their own join, one
 * solves and one fails, and the teacher's open page shows both, and the pair most missed, without a reload.
 */
class ClassBrowserTest {
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

    private static void check(BrowserContext student, String studentLink, String name, String answer) {
        Page page = student.newPage();
        page.navigate(server.url(studentLink));
        page.locator("input[name=name]").fill(name);
        page.locator("button:has-text('Join')").click();
        assertThat(page.locator("[data-student-name]")).hasText(name);
        page.locator("a:has-text('Put a lock on one app')").click();
        page.evaluate("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", answer);
        page.locator("button:has-text('Check')").click();
        assertThat(page.locator("[data-check-note]")).containsText("your teacher sees this Check");
    }

    @Test
    void the_teacher_watches_two_students_one_solving_and_one_failing() {
        try (BrowserContext teacherBrowser = browser.newContext();
             BrowserContext adaBrowser = browser.newContext();
             BrowserContext bobBrowser = browser.newContext()) {
            Page teacher = teacherBrowser.newPage();
            teacher.navigate(server.url(Routes.EXERCISES));
            teacher.locator("a:has-text('Make a class')").click();
            teacher.locator("input[name=title]").fill("Lab 3");
            teacher.locator("input[name=exercise][value='lock-one-app']").check();
            teacher.locator("button:has-text('Make the class')").click();
            assertThat(teacher.locator("[data-copy-link]").first()).isVisible();
            String studentLink = teacher.locator("[data-student-link]").getAttribute("href");
            assertThat(teacher.locator("[data-teacher-link]")).hasText(Pattern.compile("^http://.*/t/"));
            teacher.locator("a:has-text('Open the teacher view')").click();
            assertThat(teacher.locator("[data-no-students]")).isVisible();

            check(adaBrowser, studentLink, "Ada", Scenarios.resource("exercises/lock-one-app/solution.yaml"));
            check(bobBrowser, studentLink, "Bob", Scenarios.resource("exercises/lock-one-app/wrong.yaml"));

            assertThat(teacher.locator("tr:has(th:text('Ada')) td.progress-solved")).hasText("✓ 1");
            assertThat(teacher.locator("tr:has(th:text('Bob')) td.progress-trying")).hasText("✗ 1");
            assertThat(teacher.locator("[data-insight='1']")).containsText("1 of 2 students who checked it solved it");
            assertThat(teacher.locator("[data-insight='1'] [data-missed-cell]").first())
                    .containsText("should be allowed: wrong for 1 student");

            teacher.locator("tr:has(th:text('Bob')) td.progress-trying a").click();
            assertThat(teacher.locator("h1")).hasText("Bob: Put a lock on one app");
            teacher.locator("#check button.cell.differs").first().click();
            assertThat(teacher.locator("#explanation")).containsText("NetworkPolicy");
        }
    }
}
