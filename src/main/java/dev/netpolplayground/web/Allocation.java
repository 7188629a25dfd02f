package dev.netpolplayground.web;

import io.javalin.http.Context;

import java.lang.management.ManagementFactory;

/**
 * Bytes a request allocated on the thread that handled it (the JVM counts them per thread), for
 * the access log and the benchmarks: what an attack costs the heap, not how long it took.
 */
final class Allocation {
    private static final String STARTED = "netpol.allocated-before";
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static void start(Context ctx) {
        ctx.attribute(STARTED, THREADS.getCurrentThreadAllocatedBytes());
    }

    /** Bytes allocated since {@link #start} on this thread, or -1 when the request did not start here. */
    static long since(Context ctx) {
        Long started = ctx.attribute(STARTED);
        return started == null ? -1 : THREADS.getCurrentThreadAllocatedBytes() - started;
    }
}
