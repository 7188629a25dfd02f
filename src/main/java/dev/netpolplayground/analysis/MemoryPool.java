package dev.netpolplayground.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Memory that requests reserve before they build something large (a parsed text, a matrix, an
 * answer), by estimate, so that concurrent requests are admitted by what they will hold and not
 * only by how many run at once: four answers of 57 MB each must queue, not meet in the heap. A
 * request that needs more than the whole pool is refused at once; one that would have to wait
 * longer than the queue allows is told the server is busy.
 */
public final class MemoryPool {
    /** No accounting at all: the command line works on one file with the whole heap. */
    public static final MemoryPool UNLIMITED = new MemoryPool(0, Duration.ZERO);
    private static final long UNIT = 1024;

    private final long capacity;
    private final Semaphore units;
    private final long waitMillis;

    /** @param capacity bytes that all reservations together may hold; 0 for {@link #UNLIMITED} */
    public MemoryPool(long capacity, Duration wait) {
        this.capacity = capacity;
        this.units = capacity == 0 ? null : new Semaphore((int) Math.min(Integer.MAX_VALUE, capacity / UNIT), true);
        this.waitMillis = wait.toMillis();
    }

    /** A request needs more than the pool holds at all. */
    public static final class TooLarge extends RuntimeException {
        private final long needed;
        private final long capacity;

        TooLarge(long needed, long capacity) {
            super("needs " + needed + " of " + capacity + " bytes", null, false, false);
            this.needed = needed;
            this.capacity = capacity;
        }

        /** "about 310 MiB, more than the 256 MiB one request may use on this server" */
        public String sentence() {
            return String.format(Locale.ROOT, "about %,d MiB, more than the %,d MiB one request may use on this"
                    + " server", mib(needed), mib(capacity));
        }
    }

    /** The pool stayed full for as long as a request may wait. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("memory busy", null, false, false);
        }
    }

    public Reservation reserve(long bytes) {
        Reservation reservation = new Reservation();
        reservation.grow(bytes);
        return reservation;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Memory held by one request until closed; it may grow as the request learns what it builds. */
    public final class Reservation implements AutoCloseable {
        private long held;

        /**
         * @throws TooLarge when this request would hold more than the pool's capacity
         * @throws Busy     when the memory does not come free within the wait
         */
        public void grow(long bytes) {
            if (units == null || bytes <= 0) {
                return;
            }
            long wanted = (bytes + UNIT - 1) / UNIT;
            if ((held + wanted) * UNIT > capacity) {
                throw new TooLarge((held + wanted) * UNIT, capacity);
            }
            try {
                if (!units.tryAcquire((int) wanted, waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new Busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
            held += wanted;
        }

        @Override
        public void close() {
            if (units != null && held > 0) {
                units.release((int) held);
                held = 0;
            }
        }
    }
}
