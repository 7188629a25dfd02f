package dev.netpolplayground.store;

/** The database failed or is unreachable; the web layer answers 503. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
