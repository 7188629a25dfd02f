package dev.netpolplayground.web;

import io.javalin.http.Handler;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a fixed number of evaluating requests compute at once and queues the rest, first come first
 * served. Evaluation is pure CPU work: with more of it in flight than there are cores, every request
 * waits for a core anyway, the slowest ones wait several times longer than the median, and the JIT
 * compiler gets no core to finish its work. Health, metrics and static files never wait here.
 */
final class Gate {
    private final Semaphore permits;
    private final long maxWaitMillis;

    Gate(int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one evaluation must be allowed at a time, not " + concurrent);
        }
        this.permits = new Semaphore(concurrent, true);
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** The queue was too long: the request waited its longest without its turn coming. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("busy", null, false, false);
        }
    }

    /** Context attribute set on every request that went through the gate: it evaluated. */
    static final String EVALUATED = "netpol.evaluated";

    Handler around(Handler handler) {
        return ctx -> {
            ctx.attribute(EVALUATED, true);
            enter();
            try {
                handler.handle(ctx);
            } finally {
                leave();
            }
        };
    }

    void enter() {
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }

    void leave() {
        permits.release();
    }

    /** Requests waiting for their turn. */
    int waiting() {
        return permits.getQueueLength();
    }
}
