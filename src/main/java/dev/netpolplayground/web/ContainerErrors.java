package dev.netpolplayground.web;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The answers Jetty gives before a request reaches the app (a bad request line, a path that
 * climbs out with {@code ..}, a URI or headers over the limit, an unknown HTTP version): the app's
 * error page with the app's security headers. Jetty clears every other header from such an
 * answer, so the headers are set here, where the page is written.
 */
final class ContainerErrors extends ErrorHandler {
    private final Templates templates;

    ContainerErrors(Templates templates) {
        this.templates = templates;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException) {
            code = ((HttpException) request.getAttribute(ERROR_EXCEPTION)).getCode();
            response.setStatus(code);
        }
        HttpFields.Mutable headers = response.getHeaders();
        WebApp.SECURITY_HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        String reason = HttpStatus.getMessage(code);
        byte[] page = templates.bytes("errors/page.jte", new ErrorView(code + " " + reason, sentence(code)));
        response.write(true, ByteBuffer.wrap(page), callback);
        return true;
    }

    private static String sentence(int code) {
        switch (code) {
            case HttpStatus.URI_TOO_LONG_414:
                return "The address is too long. A scenario too large for a link can be shared with Share.";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431:
                return "The request's headers are larger than this server reads (64 KiB).";
            case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505:
                return "This server speaks HTTP/1.1 (and HTTP/1.0).";
            default:
                return "The server could not read this request: it is not well-formed HTTP, or its path leaves the site.";
        }
    }
}
