package dev.netpolplayground.store;

/** A scenario bigger than the store accepts; the web layer answers 413. */
public final class ScenarioTooLargeException extends RuntimeException {
    private final long sizeBytes;
    private final long limitBytes;

    public ScenarioTooLargeException(long sizeBytes, long limitBytes) {
        super("scenario is " + sizeBytes + " bytes, more than the " + limitBytes + " bytes that can be shared");
        this.sizeBytes = sizeBytes;
        this.limitBytes = limitBytes;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
