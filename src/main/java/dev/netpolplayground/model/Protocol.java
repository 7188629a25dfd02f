package dev.netpolplayground.model;

/** The three transport protocols a NetworkPolicy port can name. */
public enum Protocol {
    TCP, UDP, SCTP
}
