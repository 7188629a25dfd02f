package dev.netpolplayground.eval;

import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;

/** The full answer for one cell: both directions' decisions with their reasons, and the cell's verdict from them. */
public record Verdict(Endpoint from, Endpoint to, Probe probe, Decision egress, Decision ingress) {

    public boolean loopback() {
        return from.id().equals(to.id());
    }

    public boolean allowed() {
        return decide(from, to, egress.allowed(), ingress.allowed());
    }

    /**
     * The cell rule, the one place it is stated (the bit rows and the explained verdict both call it):
     * 1. Outside to outside is no cell at all: no policy sees that traffic, so nothing is allowed.
     * 2. A pod to itself is always allowed (loopback), whatever the policies say.
     * 3. Otherwise the connection needs egress from the source and ingress to the destination.
     */
    public static boolean decide(Endpoint from, Endpoint to, boolean egress, boolean ingress) {
        if (from.external() && to.external()) {
            return false;
        }
        return from.id().equals(to.id()) || egress && ingress;
    }
}
