package dev.netpolplayground.eval;

/**
 * A verdict in three values. UNDEFINED is the API's own answer where it leaves the order of two
 * policies to the network plugin (equal priorities in a tier) and the orders disagree.
 */
public enum Reach {
    ALLOWED,
    DENIED,
    UNDEFINED;

    static Reach of(boolean canAllow, boolean canDeny) {
        if (canAllow && canDeny) {
            return UNDEFINED;
        }
        return canAllow ? ALLOWED : DENIED;
    }

    /** Both directions must allow: one sure denial denies; otherwise any undefined side leaves it undefined. */
    public Reach and(Reach other) {
        if (this == DENIED || other == DENIED) {
            return DENIED;
        }
        return this == ALLOWED && other == ALLOWED ? ALLOWED : UNDEFINED;
    }

    /** "allowed", "denied", "undefined". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
