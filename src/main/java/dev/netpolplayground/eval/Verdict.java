package dev.netpolplayground.eval;

import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;

/**
 * The full answer for one cell: a connection is allowed when egress from the source and ingress to
 * the destination both allow it; a pod to itself is always allowed (loopback).
 */
public record Verdict(Endpoint from, Endpoint to, Probe probe, Decision egress, Decision ingress) {

    public boolean loopback() {
        return from.id().equals(to.id());
    }

    public boolean allowed() {
        return loopback() || (egress.allowed() && ingress.allowed());
    }
}
