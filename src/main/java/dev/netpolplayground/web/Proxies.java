package dev.netpolplayground.web;

import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.IpAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which address a request came from, behind reverse proxies. Every proxy appends the address it
 * saw to {@code X-Forwarded-For}, so only the entries written by our own proxies can be believed:
 * read from the right, the first address that is not one of our proxies is the client (what the
 * nearest trusted proxy saw). Anything to its left was written by the client and may be made up.
 *
 * @param enabled whether the server stands behind proxies at all; off, the connection's address is the client
 * @param trusted the networks our proxies (ingress controllers, load balancers) have their addresses in
 */
public record Proxies(boolean enabled, List<Cidr> trusted) {
    public static final Proxies NONE = new Proxies(false, List.of());

    public Proxies {
        trusted = List.copyOf(trusted);
    }

    /** Loopback and the private ranges, where an ingress controller or load balancer usually stands. */
    public static final String PRIVATE_NETWORKS = "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,::1,fc00::/7";

    /** "10.0.0.0/8,192.168.1.7/32"; empty when an item is not a network (bare addresses are one-address networks). */
    public static Optional<List<Cidr>> networks(String text) {
        List<Cidr> networks = new ArrayList<>();
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<Cidr> network = trimmed.contains("/") ? Cidr.parse(trimmed)
                    : IpAddress.parse(trimmed).map(a -> new Cidr(a, a.bits()));
            if (network.isEmpty()) {
                return Optional.empty();
            }
            networks.add(network.get());
        }
        return Optional.of(networks);
    }

    /**
     * @param remote    the address of the connection's other end
     * @param forwarded every X-Forwarded-For header's value, in the order received
     */
    String client(String remote, List<String> forwarded) {
        if (!enabled || !isTrusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwarded) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<IpAddress> hop = IpAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get().toString();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<IpAddress> parsed = IpAddress.parse(address);
        return parsed.isPresent() && trusted.stream().anyMatch(network -> network.contains(parsed.get()));
    }
}
