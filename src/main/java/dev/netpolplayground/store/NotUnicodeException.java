package dev.netpolplayground.store;

/** A text to store holds an unpaired surrogate (a CESU-8 or UTF-32 body can carry one): it has no UTF-8 form. */
public final class NotUnicodeException extends IllegalArgumentException {
    public NotUnicodeException(String field) {
        super("the " + field + " holds a character that is not valid Unicode (an unpaired surrogate), so it cannot be"
                + " stored; send it as UTF-8");
    }
}
