package dev.netpolplayground.eval;

import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;

/** The full answer for one cell: both directions' chains with their reasons, and the cell's verdict from them. */
public record Verdict(Endpoint from, Endpoint to, Probe probe, Chain egress, Chain ingress) {

    public boolean loopback() {
        return from.id().equals(to.id());
    }

    public Reach reach() {
        return decide(from, to, egress.reach(), ingress.reach());
    }

    public boolean allowed() {
        return reach() == Reach.ALLOWED;
    }

    /**
     * The cell rule, the one place it is stated (the bit rows and the explained verdict both call it):
     * 1. Outside to outside is no cell at all: no policy sees that traffic, so nothing is allowed.
     * 2. A pod to itself is always allowed (loopback), whatever the policies say.
     * 3. Otherwise the connection needs egress from the source and ingress to the destination; a
     *    sure denial of either denies it, and an undefined side leaves the cell undefined.
     */
    public static Reach decide(Endpoint from, Endpoint to, Reach egress, Reach ingress) {
        if (from.external() && to.external()) {
            return Reach.DENIED;
        }
        return from.id().equals(to.id()) ? Reach.ALLOWED : egress.and(ingress);
    }
}
