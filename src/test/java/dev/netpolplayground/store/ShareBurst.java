package dev.netpolplayground.store;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server that {@link KillNineBurst} kills: a JVM of its own that opens the database and
 * shares {@code shares} distinct scenarios ({@link KillNineBurst#share}) from {@code threads}
 * threads at once. It prints {@code ack INDEX ID} on stdout, flushed, as soon as a save returns,
 * which is the moment a user would see the link; {@code done} once every share is acknowledged
 * (never after a failed save); and then waits to be killed.
 *
 * <p>Arguments: url user password tag shares threads (user and password may be empty).
 */
final class ShareBurst {
    private ShareBurst() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String tag = args[3];
        int shares = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        PrintStream out = System.out;

        ScenarioStore store = Database.open(url, user, password).scenarios();
        // Every thread saves its first share at the same moment: a burst, not a trickle.
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                awaitQuietly(start);
                for (int index = next.getAndIncrement(); index < shares; index = next.getAndIncrement()) {
                    String id;
                    try {
                        id = store.save(KillNineBurst.share(tag, index));
                    } catch (RuntimeException e) {
                        // Expected once the database server is killed under us; the parent decides.
                        failed.incrementAndGet();
                        System.err.println("share " + index + " failed: " + e);
                        return;
                    }
                    synchronized (out) {
                        out.println("ack " + index + " " + id);
                        out.flush();
                    }
                }
            }, "share-" + t);
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() == 0) {
            synchronized (out) {
                out.println("done");
                out.flush();
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
