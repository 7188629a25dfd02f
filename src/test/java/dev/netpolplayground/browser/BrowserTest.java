package dev.netpolplayground.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.netpolplayground.web.Examples;
import dev.netpolplayground.web.ShareLinks;
import dev.netpolplayground.web.TestServer;
import dev.netpolplayground.web.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The flows a user performs, in a real Chromium against the real app on a random port.
 *
 * <p>The browser comes from {@link Chromium}. Every test gets a fresh context (its own cookies and
 * local storage), and waits on conditions in the page, never on time.
 */
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Two pods in one namespace and no policy: every connection is open. */
    private static final String SHOP = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              containers:
              - name: web
                ports: [{containerPort: 80}]
            status: {podIP: 10.0.0.10}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            spec:
              containers:
              - name: db
                ports: [{containerPort: 5432}]
            status: {podIP: 10.0.0.20}
            """;

    private static final String DENY_ALL = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """;

    private static final String DB_FROM_WEB = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: web}}
                ports: [{port: 5432}]
            """;

    /** Line 5 is indented under a scalar: "mapping values are not allowed here" at line 5, column 8. */
    private static final String BROKEN = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
                bad: [1
            """;

    private static final String WEB_TO_DB_DENIED = "shop/web to shop/db: denied on every probe";
    private static final String DB_TO_WEB_DENIED = "shop/db to shop/web: denied on every probe";

    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    private Page page;

    @BeforeAll
    static void launch() {
        server = new TestServer();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void shutDown() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = newPage(new Browser.NewContextOptions());
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertEquals(List.of(), pageErrors, "uncaught JavaScript errors in the page");
    }

    @Test
    void typing_a_deny_all_policy_turns_the_open_matrix_red() {
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(server.url("")));
        page.navigate(linkTo(SHOP));
        assertThat(page.locator("table.matrix button.cell.allowed")).hasCount(2);
        assertThat(page.locator("table.matrix button.cell.denied")).hasCount(0);
        assertThat(page.locator("table.matrix button.cell", new Page.LocatorOptions().setHasText("✓"))).hasCount(2);
        assertThat(page.locator(".matrix-pane .summary")).containsText("2 of 2 connections allowed");

        page.evaluate("text => navigator.clipboard.writeText(text)", DENY_ALL);
        page.locator(".CodeMirror").click();
        page.keyboard().press("Control+End");
        page.keyboard().press("ControlOrMeta+V");

        assertThat(cell(page, WEB_TO_DB_DENIED)).hasText("✗");
        assertThat(cell(page, DB_TO_WEB_DENIED)).hasText("✗");
        assertThat(page.locator("table.matrix button.cell.allowed")).hasCount(0);
        assertEquals(SHOP + DENY_ALL, editorText(page));
        assertThat(page.locator(".matrix-pane .summary")).containsText("0 of 2 connections allowed");
    }

    @Test
    void a_busy_server_leaves_the_last_matrix_in_place_with_a_note_until_an_evaluation_gets_through() {
        try (TestServer busy = new TestServer(WebApp.Settings.DEFAULT.withWarmUp(Duration.ZERO)
                .withEvaluations(1, Duration.ofMillis(300)))) {
            page.navigate(busy.url(ShareLinks.link(SHOP, "", "")));
            assertThat(page.locator("table.matrix button.cell.allowed")).hasCount(2);

            Runnable release = busy.occupyEvaluations();
            setEditorText(page, SHOP + DENY_ALL);
            assertThat(page.locator("#result .request-error")).containsText("The playground is busy");
            assertThat(page.locator("table.matrix button.cell.allowed")).hasCount(2);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("busy.png")));

            release.run();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate").setExact(true)).click();
            assertThat(cell(page, WEB_TO_DB_DENIED)).hasText("✗");
            assertThat(page.locator("#result .request-error")).hasCount(0);
            assertEquals(SHOP + DENY_ALL, editorText(page));
        }
    }

    @Test
    void pasting_over_an_example_drops_the_examples_probes_for_the_pasted_scenarios_ports() {
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(server.url("")));
        page.navigate(server.url("/?example=default-deny-plus-allow"));
        Locator probes = page.locator("input[name='probes']");
        assertThat(probes).hasValue("80/TCP,8080/TCP,5432/TCP");

        page.evaluate("text => navigator.clipboard.writeText(text)", SHOP);
        page.locator(".CodeMirror").click();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().press("ControlOrMeta+V");

        assertThat(probes).hasValue("");
        assertThat(page.locator("#probes-note")).containsText("Probes cleared (80/TCP,8080/TCP,5432/TCP)");
        assertThat(page.locator("label.tab")).hasCount(3);
        assertThat(page.locator("label.tab")).containsText(new String[] {"All probes", "80/TCP", "5432/TCP"});
        assertThat(cell(page, "shop/web to shop/db: allowed on every probe")).isVisible();
        assertEquals(SHOP, editorText(page));
    }

    @Test
    void a_clicked_cell_is_explained_by_the_policy_and_rule_that_decide_it() {
        page.navigate(linkTo(SHOP + DB_FROM_WEB));
        Locator webToDb = cell(page, "shop/web to shop/db: allowed on 1 of 2 probes");
        assertThat(webToDb).hasText("◐");

        webToDb.click();

        Locator explanation = page.locator("#explanation");
        assertThat(explanation.locator("h2")).hasText("shop/web → shop/db");
        assertThat(explanation).containsText("NetworkPolicy 'shop/db-from-web' allows it by ingress rule #1");
        assertThat(explanation.locator(".verdict.denied")).containsText("80/TCP");
        assertThat(explanation.locator(".verdict.allowed")).containsText("5432/TCP");
        assertThat(webToDb).hasClass(Pattern.compile("\\bselected\\b"));

        cell(page, "shop/db to shop/web: allowed on every probe").click();
        assertThat(explanation.locator("h2")).hasText("shop/db → shop/web");
        assertThat(explanation).containsText("No policy selects shop/web for ingress");
    }

    @Test
    void hovering_a_cluster_policy_highlights_the_cells_it_decides_and_a_cell_walks_the_tier_chain() throws Exception {
        page.navigate(server.url("/?example=tiers-admin-guardrail"));
        Locator card = page.locator("li.policy", new Page.LocatorOptions().setHasText("isolate-tenant-a"));
        assertThat(page.locator("h3.tier-title").first()).hasText("Admin tier");

        card.hover();
        Locator lit = page.locator("table.matrix button.cell.hl");
        assertThat(lit.first()).isVisible();
        String all = String.valueOf(lit.evaluateAll("cells => cells.map(c => c.getAttribute('aria-label')).join(' | ')"));
        assertTrue(all.contains("team-b/web to team-a/db"), all);
        assertTrue(all.contains("team-b/web to team-a/web"), all);
        assertFalse(all.contains("monitoring/prometheus to"), "monitoring is no tenant: the Deny does not decide it");
        assertFalse(all.contains("to team-b/web"), "ingress to team-b is isolate-tenant-b's: " + all);
        page.mouse().move(0, 0);
        assertThat(lit).hasCount(0);

        cell(page, "team-b/web to team-a/db: denied on every probe").click();
        Locator explanation = page.locator("#explanation");
        assertThat(explanation).containsText("Admin tier: ClusterNetworkPolicy 'isolate-tenant-a' (Admin, priority 10)"
                + " ingress rule #1 'deny-other-tenants' denies it");
        assertThat(explanation).containsText("kind: ClusterNetworkPolicy");

        Files.createDirectories(SCREENSHOTS);
        for (Shot shot : List.of(new Shot("tiers-desktop", 1400, 1000, ""), new Shot("tiers-narrow", 390, 844, ""))) {
            Page sized = newPage(new Browser.NewContextOptions().setViewportSize(shot.width(), shot.height()));
            sized.navigate(server.url("/?example=tiers-pass-to-namespace-owners"));
            cell(sized, "monitoring/prometheus to team-a/db: allowed on every probe").click();
            assertThat(sized.locator("#explanation")).containsText("accepts it");
            sized.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot.name() + ".png"))
                    .setFullPage(true));
            if (shot.width() < 500) {
                assertEquals(List.of(), overflowing(sized), shot.name() + ": elements past the right edge");
            }
        }
    }

    @Test
    void every_example_in_the_menu_loads_and_evaluates_without_problems() {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.navigate(server.url("/"));
        List<String> ids = page.locator("[data-example]").all().stream()
                .map(link -> link.getAttribute("data-example")).toList();
        Examples examples = Examples.load();
        assertEquals(examples.all().stream().map(Examples.Example::id).toList(), ids);

        for (String id : ids) {
            page.locator("details.examples summary").click();
            page.locator("[data-example='" + id + "']").click();
            try {
                page.waitForURL(Pattern.compile(".*\\?example=" + Pattern.quote(id) + "$"));
            } catch (RuntimeException e) {
                throw new AssertionError("example " + id + " did not open; the page is at " + page.url()
                        + ", dialogs shown: " + dialogs, e);
            }

            assertEquals(List.of(), page.locator("#result .problems li").allInnerTexts(), id + ": problems");
            assertThat(page.locator("table.matrix")).isVisible();
            assertTrue(cells(page).count() > 0, id + ": the matrix has cells");
            assertEquals(examples.find(id).orElseThrow().text(), editorText(page), id + ": the editor holds the example");
        }
        assertEquals(List.of(), dialogs, "an untouched scenario is replaced without asking");
    }

    @Test
    void a_copied_link_opens_the_same_scenario_and_matrix_elsewhere() {
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(server.url("")));
        page.navigate(linkTo(SHOP));
        setEditorText(page, SHOP + DENY_ALL);
        assertThat(cell(page, WEB_TO_DB_DENIED)).isVisible();
        List<String> matrix = cellLabels(page);

        Locator copy = page.locator("[data-copy-link]");
        assertThat(copy).isVisible();
        copy.click();
        assertThat(copy).hasText("Copied");
        String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
        String link = (String) page.evaluate("() => new URL(document.querySelector('a[data-link]').getAttribute('href'), location.href).href");
        assertEquals(link, copied);

        Page elsewhere = newPage(new Browser.NewContextOptions());
        elsewhere.navigate(copied);
        assertThat(cell(elsewhere, WEB_TO_DB_DENIED)).isVisible();
        assertEquals(SHOP + DENY_ALL, editorText(elsewhere));
        assertEquals(matrix, cellLabels(elsewhere));
    }

    @Test
    void a_shared_scenario_opens_from_its_short_link() {
        page.navigate(linkTo(SHOP));
        setEditorText(page, SHOP + DB_FROM_WEB);
        assertThat(cell(page, "shop/web to shop/db: allowed on 1 of 2 probes")).isVisible();
        List<String> matrix = cellLabels(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
        Locator shareLink = page.locator("#share-result a[data-share-link]");
        assertThat(shareLink).hasAttribute("href", Pattern.compile("^/s/[A-Za-z0-9_-]+$"));
        String href = shareLink.getAttribute("href");

        Page elsewhere = newPage(new Browser.NewContextOptions());
        elsewhere.navigate(server.url(href));
        assertThat(elsewhere.locator(".notice")).containsText("shared scenario");
        assertThat(cell(elsewhere, "shop/web to shop/db: allowed on 1 of 2 probes")).isVisible();
        assertEquals(SHOP + DB_FROM_WEB, editorText(elsewhere));
        assertEquals(matrix, cellLabels(elsewhere));
    }

    @Test
    void a_yaml_error_is_marked_on_its_line_and_its_problem_jumps_there() {
        page.navigate(server.url("/"));
        setEditorText(page, BROKEN);

        Locator problem = page.locator("#result .problems li[data-line='5']");
        assertThat(problem).containsText("line 5");
        assertThat(problem.locator(".message")).hasText("mapping values are not allowed here");
        assertThat(page.locator("table.matrix")).hasCount(0);
        assertThat(page.locator(".CodeMirror .line-error")).hasCount(1);
        assertThat(page.locator(".CodeMirror-code > div:has(.line-error)")).containsText("bad: [1");
        assertEquals("line-error", page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.lineInfo(4).bgClass"));
        assertThat(page.locator(".CodeMirror .gutter-mark.error")).hasCount(1);

        page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.setCursor({line: 0, ch: 0})");
        problem.locator("button.jump").click();

        assertEquals(Map.of("line", 4, "ch", 7), cursor(page));
        assertEquals(true, page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.hasFocus()"));
    }

    @Test
    void a_keyboard_user_can_tab_from_the_top_of_the_page_to_the_matrix() {
        page.navigate(server.url("/?example=deny-all-to-app"));
        assertThat(page.locator("table.matrix")).isVisible();
        List<String> path = new ArrayList<>();
        for (int presses = 0; presses < 60; presses++) {
            if (Boolean.TRUE.equals(page.evaluate("() => !!document.activeElement.closest('.CodeMirror')"))) {
                // The editor keeps Tab for indentation; Escape first is the usual way out (as in CodeMirror 6).
                page.keyboard().press("Escape");
            }
            page.keyboard().press("Tab");
            String focused = (String) page.evaluate("() => { const e = document.activeElement;"
                    + " return e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')"
                    + " + (e.getAttribute('aria-label') ? '[' + e.getAttribute('aria-label') + ']' : ''); }");
            path.add(focused);
            if (focused.startsWith("button.cell")) {
                assertThat(page.locator("table.matrix button.cell").first()).isFocused();
                return;
            }
        }
        fail("Tab (with Escape to leave the editor) never reached a matrix cell; focus went: "
                + runs(path));
    }

    @Test
    void arrow_keys_move_between_cells_and_enter_explains_the_focused_one() {
        page.navigate(server.url("/?example=deny-all-to-app"));
        List<List<String>> grid = cellGrid(page);
        assertEquals(4, grid.size(), "four pods in two namespaces");
        page.locator(".matrix-controls input[name='denied']").focus();
        page.keyboard().press("Tab");
        assertEquals(grid.get(0).get(0), focusedLabel(page));
        assertThat(page.locator("table.matrix button.cell[tabindex='0']")).hasCount(1);

        page.keyboard().press("ArrowRight");
        assertEquals(grid.get(0).get(1), focusedLabel(page));
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertEquals(grid.get(3).get(1), focusedLabel(page), "ArrowDown crosses into the next namespace's rows");
        page.keyboard().press("ArrowLeft");
        assertEquals(grid.get(3).get(0), focusedLabel(page));
        page.keyboard().press("ArrowUp");
        assertEquals(grid.get(2).get(0), focusedLabel(page));
        page.keyboard().press("End");
        assertEquals(grid.get(2).get(3), focusedLabel(page));
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowLeft");
        assertEquals("team-b/tester to default/web: denied on every probe", focusedLabel(page));
        assertThat(page.locator("table.matrix button.cell[tabindex='0']")).hasCount(1);

        page.keyboard().press("Enter");

        Locator explanation = page.locator("#explanation");
        assertThat(explanation.locator("h2")).hasText("team-b/tester → default/web");
        assertThat(explanation).containsText("NetworkPolicy 'default/web-deny-all' selects default/web but has no ingress rules");
        assertEquals("team-b/tester to default/web: denied on every probe", focusedLabel(page), "focus stays on the cell");
    }

    @Test
    void typed_text_survives_a_reload() {
        page.navigate(server.url("/"));
        page.locator(".CodeMirror").click();
        page.keyboard().press("Control+End");
        page.keyboard().press("Enter");
        page.keyboard().type("# kept across reloads");
        String typed = editorText(page);
        assertTrue(typed.contains("# kept across reloads"));
        page.waitForFunction("() => Object.keys(localStorage).some(k => (localStorage.getItem(k) || '').includes('kept across reloads'))");

        page.reload();

        assertThat(page.locator(".notice", new Page.LocatorOptions().setHasText("Restored your unsaved edits"))).isVisible();
        assertEquals(typed, editorText(page));
        assertEquals(typed, page.locator("#scenario").inputValue());
    }

    @Test
    void without_javascript_the_form_evaluates_and_cells_explain() {
        Page plain = newPage(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        plain.navigate(server.url("/"));
        assertThat(plain.locator(".CodeMirror")).hasCount(0);
        plain.locator("#scenario").fill(SHOP + DENY_ALL);

        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();

        assertThat(cell(plain, WEB_TO_DB_DENIED)).hasText("✗");
        assertThat(cell(plain, DB_TO_WEB_DENIED)).hasText("✗");
        assertEquals(SHOP + DENY_ALL, plain.locator("#scenario").inputValue());

        cell(plain, WEB_TO_DB_DENIED).click();

        Locator explanation = plain.locator("#explanation");
        assertThat(explanation.locator("h2")).hasText("shop/web → shop/db");
        assertThat(explanation).containsText("NetworkPolicy 'shop/deny-all' selects shop/db but has no ingress rules");
        assertEquals(SHOP + DENY_ALL, plain.locator("#scenario").inputValue());
    }

    @Test
    void the_evaluated_page_with_an_explanation_open_has_no_axe_violations() {
        page.navigate(server.url("/?example=deny-all-to-app"));
        List<String> found = new ArrayList<>();
        Map<String, String> headings = Map.of(
                "default/api to default/web: denied on every probe", "default/api → default/web",
                "default/api to itself: always allowed (loopback)", "default/api → default/api");
        for (String label : List.of("default/api to default/web: denied on every probe",
                "default/api to itself: always allowed (loopback)")) {
            cell(page, label).click();
            assertThat(page.locator("#explanation h2")).hasText(headings.get(label));

            AxeResults results = new AxeBuilder(page).analyze();

            for (Rule rule : results.getViolations()) {
                System.out.println("axe, explanation of '" + label + "': " + rule.getId() + " (" + rule.getImpact()
                        + "): " + rule.getHelp());
                for (CheckedNode node : rule.getNodes()) {
                    System.out.println("    " + node.getTarget() + "  " + node.getHtml());
                }
                found.add(rule.getId() + " on " + rule.getNodes().size() + " elements, first "
                        + rule.getNodes().get(0).getTarget());
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void screenshots_at_desktop_and_phone_width_keep_the_matrix_in_view() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        String example = server.url("/?example=deny-all-to-app");
        String wide = linkTo(wideScenario(14));
        for (Shot shot : List.of(new Shot("desktop", 1400, 1000, example), new Shot("narrow", 390, 844, example),
                new Shot("narrow-wide-matrix", 390, 844, wide))) {
            Page sized = newPage(new Browser.NewContextOptions().setViewportSize(shot.width(), shot.height()));
            sized.navigate(shot.url());
            Locator first = sized.locator("table.matrix button.cell.denied").first();
            first.click();
            assertThat(sized.locator("#explanation h2")).isVisible();

            Path file = SCREENSHOTS.resolve(shot.name() + ".png");
            sized.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));

            assertTrue(Files.size(file) > 0, file + " written");
            assertThat(sized.locator("table.matrix")).isVisible();
            if (shot.width() < 500) {
                assertEquals(List.of(), overflowing(sized), shot.name() + ": elements past the right edge of the "
                        + shot.width() + " px viewport outside a scroll container");
                assertEquals(shot.width(), ((Number) sized.evaluate("() => document.documentElement.scrollWidth"))
                        .intValue(), shot.name() + ": the page does not scroll sideways");
            }
        }
    }

    private record Shot(String name, int width, int height, String url) {
    }

    /** {@code pods} pods with long names in two namespaces, and a policy denying all ingress to those labelled app=svc0. */
    private static String wideScenario(int pods) {
        StringBuilder text = new StringBuilder();
        for (String namespace : List.of("payments-and-billing", "customer-notifications")) {
            text.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: ").append(namespace).append("}\n---\n");
        }
        for (int i = 0; i < pods; i++) {
            String namespace = i % 2 == 0 ? "payments-and-billing" : "customer-notifications";
            text.append("apiVersion: v1\nkind: Pod\nmetadata: {name: service-with-a-long-name-").append(i)
                    .append(", namespace: ").append(namespace).append(", labels: {app: svc").append(i % 3)
                    .append("}}\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: 8080}]\n")
                    .append("status: {podIP: 10.0.0.").append(10 + i).append("}\n---\n");
        }
        return text + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-svc0, namespace: payments-and-billing}
                spec:
                  podSelector: {matchLabels: {app: svc0}}
                  policyTypes: [Ingress]
                """;
    }

    /** Visible elements reaching past the right edge that no scrolling or clipping ancestor contains. */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const clipped = e => {
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                      const style = getComputedStyle(a);
                      if (a.classList.contains('matrix-scroll') || a.classList.contains('CodeMirror')
                          || ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) { return true; }
                    }
                    return false;
                  };
                  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                  return Array.from(document.body.querySelectorAll('*'))
                    .filter(e => {
                      const r = e.getBoundingClientRect();
                      return r.width > 0 && r.height > 0 && r.right > width + 1 && !clipped(e);
                    })
                    .map(e => describe(e) + ' right=' + Math.round(e.getBoundingClientRect().right));
                }
                """);
    }

    /** "a → b ×3 → c" for a, b, b, b, c. */
    private static String runs(List<String> steps) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < steps.size(); ) {
            int j = i;
            while (j < steps.size() && steps.get(j).equals(steps.get(i))) {
                j++;
            }
            runs.add(steps.get(i) + (j - i > 1 ? " ×" + (j - i) : ""));
            i = j;
        }
        return String.join(" → ", runs);
    }

    private Page newPage(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page opened = context.newPage();
        opened.onPageError(error -> pageErrors.add(opened.url() + ": " + error));
        return opened;
    }

    private static String linkTo(String text) {
        return server.url(ShareLinks.link(text, "", ""));
    }

    private static void setEditorText(Page page, String text) {
        page.evaluate("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", text);
    }

    private static String editorText(Page page) {
        return (String) page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    private static Map<?, ?> cursor(Page page) {
        return (Map<?, ?>) page.evaluate("() => { const c = document.querySelector('.CodeMirror').CodeMirror.getCursor();"
                + " return {line: c.line, ch: c.ch}; }");
    }

    private static Locator cells(Page page) {
        return page.locator("table.matrix button.cell");
    }

    private static Locator cell(Page page, String label) {
        return page.locator("table.matrix button.cell[aria-label='" + label + "']");
    }

    @SuppressWarnings("unchecked")
    private static List<String> cellLabels(Page page) {
        return (List<String>) cells(page).evaluateAll("cells => cells.map(c => c.getAttribute('aria-label'))");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> cellGrid(Page page) {
        return (List<List<String>>) page.evaluate("() => Array.from(document.querySelectorAll('table.matrix tbody tr:not(.group)'))"
                + ".map(row => Array.from(row.querySelectorAll('.cell')).map(c => c.getAttribute('aria-label')))");
    }

    private static String focusedLabel(Page page) {
        return (String) page.evaluate("() => document.activeElement.getAttribute('aria-label')");
    }
}
