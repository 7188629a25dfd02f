package dev.netpolplayground.web;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often one client may create stored things (shares, exercises): at most
 * {@code perWindow} in each fixed window. Memory is bounded: old windows are dropped as clients come.
 */
final class RateLimiter {
    private final int perWindow;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int perWindow, long windowMillis, Clock clock) {
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** 0 when the client may go on, else the seconds until it may try again. */
    long retryAfterSeconds(String client) {
        long now = clock.millis();
        long window = now / windowMillis;
        if (windows.size() > 10_000) {
            Iterator<long[]> old = windows.values().iterator();
            while (old.hasNext()) {
                if (old.next()[0] != window) {
                    old.remove();
                }
            }
        }
        long[] state = windows.compute(client, (key, current) -> {
            if (current == null || current[0] != window) {
                return new long[] {window, 1};
            }
            current[1]++;
            return current;
        });
        if (state[1] <= perWindow) {
            return 0;
        }
        return Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
    }
}
