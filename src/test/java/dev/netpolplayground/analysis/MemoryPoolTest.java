package dev.netpolplayground.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests are admitted by the memory they will hold: they wait for room, or are refused when they can never fit. */
class MemoryPoolTest {
    private static final long MIB = 1 << 20;

    @Test
    void a_request_larger_than_the_whole_pool_is_refused_at_once_with_both_sizes() {
        MemoryPool pool = new MemoryPool(64 * MIB, Duration.ofSeconds(10));
        MemoryPool.TooLarge refused = assertThrows(MemoryPool.TooLarge.class, () -> pool.reserve(100 * MIB));
        assertEquals("about 100 MiB, more than the 64 MiB one request may use on this server", refused.sentence());
    }

    @Test
    void a_reservation_that_grows_past_the_pool_is_refused_and_gives_back_what_it_held() {
        MemoryPool pool = new MemoryPool(64 * MIB, Duration.ofMillis(100));
        try (MemoryPool.Reservation held = pool.reserve(40 * MIB)) {
            assertThrows(MemoryPool.TooLarge.class, () -> held.grow(30 * MIB));
        }
        assertDoesNotThrow(() -> pool.reserve(64 * MIB).close(), "everything is free again");
    }

    @Test
    void requests_that_do_not_fit_together_wait_for_each_other() throws Exception {
        MemoryPool pool = new MemoryPool(64 * MIB, Duration.ofSeconds(10));
        MemoryPool.Reservation first = pool.reserve(48 * MIB);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try (MemoryPool.Reservation reservation = pool.reserve(48 * MIB)) {
                return true;
            }
        });
        Thread.sleep(200);
        assertTrue(!second.isDone(), "the second waits while the first holds the memory");
        first.close();
        assertTrue(second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_request_that_waits_longer_than_the_queue_allows_is_told_the_server_is_busy() {
        MemoryPool pool = new MemoryPool(64 * MIB, Duration.ofMillis(50));
        try (MemoryPool.Reservation held = pool.reserve(48 * MIB)) {
            assertThrows(MemoryPool.Busy.class, () -> pool.reserve(48 * MIB));
        }
    }

    @Test
    void the_command_line_keeps_no_accounts() {
        assertDoesNotThrow(() -> {
            try (MemoryPool.Reservation huge = MemoryPool.UNLIMITED.reserve(1L << 40)) {
                huge.grow(1L << 40);
            }
        });
    }
}
