package dev.netpolplayground.model;

import java.util.Optional;

/** A network written "10.0.0.0/8" or "2001:db8::/32"; the base never has host bits set. */
public record Cidr(IpAddress base, int prefix) {
    public Cidr {
        if (prefix < 0 || prefix > base.bits()) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        if (!base.masked(prefix).equals(base)) {
            throw new IllegalArgumentException("host bits set in " + base + "/" + prefix);
        }
    }

    /** Parses "address/prefix", clearing host bits ("10.0.0.1/8" becomes 10.0.0.0/8). */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefixText = text.substring(slash + 1);
        if (prefixText.isEmpty() || prefixText.length() > 3 || !Digits.decimal(prefixText)
                || (prefixText.length() > 1 && prefixText.charAt(0) == '0')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(prefixText);
        return IpAddress.parse(text.substring(0, slash))
                .filter(address -> prefix <= address.bits())
                .map(address -> new Cidr(address.masked(prefix), prefix));
    }

    public boolean v6() {
        return base.v6();
    }

    public boolean contains(IpAddress address) {
        return address.v6() == base.v6() && address.masked(prefix).equals(base);
    }

    /** True when every address of {@code other} is also in this network. */
    public boolean covers(Cidr other) {
        return other.v6() == v6() && other.prefix >= prefix && contains(other.base);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
