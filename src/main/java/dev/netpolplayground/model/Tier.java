package dev.netpolplayground.model;

/** The two cluster-scoped tiers: Admin is consulted before NetworkPolicies, Baseline after them. */
public enum Tier {
    ADMIN("Admin"),
    BASELINE("Baseline");

    private final String word;

    Tier(String word) {
        this.word = word;
    }

    /** As written in {@code spec.tier}: "Admin". */
    public String word() {
        return word;
    }
}
