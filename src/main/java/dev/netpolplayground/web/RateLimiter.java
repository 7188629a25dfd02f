package dev.netpolplayground.web;

import dev.netpolplayground.model.IpAddress;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often one client may create stored things (shares, exercises): a token bucket per
 * client that holds {@code perWindow} tokens and refills at {@code perWindow} per window, so that
 * no stretch of one window ever admits more than {@code perWindow} plus what refilled during it (a
 * fixed window let twice as many through across its boundary). An IPv6 client is its /64: one
 * host gets a whole /64 and could otherwise take a new address for every request. Memory is
 * bounded: full buckets are dropped as clients come.
 */
final class RateLimiter {
    private static final int IPV6_PREFIX = 64;
    private final int perWindow;
    private final double perMilli;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perWindow, long windowMillis, Clock clock) {
        this.perWindow = perWindow;
        this.perMilli = (double) perWindow / windowMillis;
        this.clock = clock;
    }

    /** 0 when the client may go on (a token is taken), else the seconds until a token will be there. */
    long retryAfterSeconds(String client) {
        long now = clock.millis();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(bucket -> level(bucket, now) >= perWindow);
        }
        double[] state = buckets.compute(key(client), (key, bucket) -> {
            double tokens = bucket == null ? perWindow : level(bucket, now);
            return new double[] {tokens >= 1 ? tokens - 1 : tokens, now, tokens >= 1 ? 1 : 0};
        });
        if (state[2] == 1) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - state[0]) / perMilli / 1000));
    }

    /** Tokens in a bucket {tokens, at, …} by {@code now}. */
    private double level(double[] bucket, long now) {
        return Math.min(perWindow, bucket[0] + (now - bucket[1]) * perMilli);
    }

    private static String key(String client) {
        Optional<IpAddress> address = IpAddress.parse(client);
        if (address.isPresent() && address.get().v6()) {
            return address.get().masked(IPV6_PREFIX) + "/" + IPV6_PREFIX;
        }
        return client;
    }
}
