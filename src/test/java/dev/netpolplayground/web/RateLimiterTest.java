package dev.netpolplayground.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Thirty stores a minute per client, however the requests fall around the minute's boundaries. */
class RateLimiterTest {
    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private long millis = 59_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private static int admitted(RateLimiter limiter, String client, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            admitted += limiter.retryAfterSeconds(client) == 0 ? 1 : 0;
        }
        return admitted;
    }

    @Test
    void a_burst_across_a_minute_boundary_gets_no_second_allowance() {
        Hand clock = new Hand();
        RateLimiter limiter = new RateLimiter(30, 60_000, clock);
        assertEquals(30, admitted(limiter, "203.0.113.9", 40), "just before the minute turns");
        clock.millis += 2_000;
        assertEquals(1, admitted(limiter, "203.0.113.9", 40), "just after it: only what refilled in 2 s");
    }

    @Test
    void a_refused_client_is_told_when_a_store_will_be_possible_and_gets_it_then() {
        Hand clock = new Hand();
        RateLimiter limiter = new RateLimiter(30, 60_000, clock);
        admitted(limiter, "203.0.113.9", 30);
        assertEquals(2, limiter.retryAfterSeconds("203.0.113.9"));
        clock.millis += 2_000;
        assertEquals(0, limiter.retryAfterSeconds("203.0.113.9"));
        assertEquals(30, admitted(limiter, "198.51.100.1", 30), "another client has its own bucket");
    }

    @Test
    void the_addresses_of_one_ipv6_network_share_one_bucket() {
        RateLimiter limiter = new RateLimiter(3, 60_000, new Hand());
        assertEquals(2, admitted(limiter, "2001:db8:1:2::1", 2));
        assertEquals(1, admitted(limiter, "2001:db8:1:2::ffff", 2), "the same /64: one token was left");
        assertEquals(3, admitted(limiter, "2001:db8:1:3::1", 5), "the next /64 is another client");
    }
}
