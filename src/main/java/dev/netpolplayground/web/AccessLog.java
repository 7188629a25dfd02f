package dev.netpolplayground.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log, written by one background thread so that request threads never wait on the
 * console. When the queue is full (a burst faster than the log can be written) lines are dropped
 * and counted, and the count is logged with the next line written.
 */
final class AccessLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String STOP = "";

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer = new Thread(this::write, "access-log");

    AccessLog() {
        writer.setDaemon(true);
        writer.start();
    }

    void record(String line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            while (true) {
                String line = lines.take();
                if (line == STOP) {
                    return;
                }
                long missed = dropped.getAndSet(0);
                if (missed > 0) {
                    LOG.info("({} access log lines dropped during a burst)", missed);
                }
                LOG.info(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        try {
            lines.put(STOP);
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
