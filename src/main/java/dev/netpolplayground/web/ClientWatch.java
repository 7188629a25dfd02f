package dev.netpolplayground.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether the client of a request has closed its connection, for work long enough to ask. Jetty
 * reads a connection only between requests or while a handler reads the body, so a handler busy
 * evaluating never hears of a client that left. The first time it is asked, this registers interest
 * in the connection's next bytes and marks the answer {@code Connection: close} (a connection
 * watched this way cannot be kept alive); from then on, a read of -1 means the client is gone.
 * Short requests never ask ({@link dev.netpolplayground.model.Deadline#orWhenAbandoned}), so they
 * keep their connection.
 */
final class ClientWatch implements BooleanSupplier {
    private final Context ctx;
    private final AtomicBoolean readable = new AtomicBoolean();
    private EndPoint endPoint;
    private boolean gone;

    private ClientWatch(Context ctx) {
        this.ctx = ctx;
    }

    static BooleanSupplier of(Context ctx) {
        return new ClientWatch(ctx);
    }

    @Override
    public boolean getAsBoolean() {
        if (gone) {
            return true;
        }
        if (endPoint == null) {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (request == null) {
                return false;
            }
            endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            ctx.header("Connection", "close");
            endPoint.tryFillInterested(Callback.from(() -> readable.set(true), failure -> readable.set(true)));
            return false;
        }
        if (readable.get()) {
            try {
                gone = endPoint.fill(BufferUtil.allocate(1)) < 0;
            } catch (IOException closed) {
                gone = true;
            }
            readable.set(false);
        }
        return gone;
    }
}
