package dev.netpolplayground.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Playwright with the browser of this machine: PLAYWRIGHT_CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else the one Playwright manages itself (where it can download it).
 */
final class Chromium {
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    static Playwright playwright() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (systemChromium().isPresent()) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        systemChromium().ifPresent(launch::setExecutablePath);
        return playwright.chromium().launch(launch);
    }

    private static Optional<Path> systemChromium() {
        String configured = System.getenv("PLAYWRIGHT_CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }
}
