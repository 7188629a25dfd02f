package dev.netpolplayground.parse;

import dev.netpolplayground.model.Digits;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The two request options beside the scenario: probes ("80/TCP,53/UDP") and external addresses. */
public final class Options {
    public static final int MAX_PROBES = 64;
    public static final int MAX_EXTERNALS = 64;

    private Options() {
    }

    /** Reads "80/TCP,53/UDP,8080" (protocol defaults to TCP, case-insensitive); problems go to {@code problems}. */
    public static List<Probe> probes(String text, List<Problem> problems) {
        Set<Probe> probes = new LinkedHashSet<>();
        for (String item : items(text)) {
            String[] parts = item.split("/", -1);
            String protocolText = parts.length > 1 ? parts[1].toUpperCase() : "TCP";
            int port = parsePort(parts[0]);
            boolean knownProtocol = List.of("TCP", "UDP", "SCTP").contains(protocolText);
            if (parts.length > 2 || port < 1 || !knownProtocol) {
                problems.add(Problem.error("probe '" + Reader.abbreviate(item) + "' is not valid; write port/protocol,"
                        + " e.g. 80/TCP or 53/UDP (port 1-65535, protocol TCP, UDP or SCTP)", 0, 0, "probes"));
                continue;
            }
            probes.add(new Probe(port, Protocol.valueOf(protocolText)));
        }
        if (probes.size() > MAX_PROBES) {
            problems.add(Problem.error("at most " + MAX_PROBES + " probes can be evaluated at once", 0, 0, "probes"));
        }
        return new ArrayList<>(probes);
    }

    /** Reads "203.0.113.5,2001:db8::1"; problems go to {@code problems}. */
    public static List<IpAddress> externals(String text, List<Problem> problems) {
        Set<IpAddress> addresses = new LinkedHashSet<>();
        for (String item : items(text)) {
            IpAddress.parse(item).ifPresentOrElse(addresses::add, () -> problems.add(Problem.error("external address '"
                    + Reader.abbreviate(item) + "' is not a valid IPv4 or IPv6 address", 0, 0, "external")));
        }
        if (addresses.size() > MAX_EXTERNALS) {
            problems.add(Problem.error("at most " + MAX_EXTERNALS + " external addresses can be evaluated at once",
                    0, 0, "external"));
        }
        return new ArrayList<>(addresses);
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static int parsePort(String text) {
        if (text.length() > 5 || !Digits.decimal(text)) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }
}
