package dev.netpolplayground.model;

/** The two directions a policy can isolate: traffic into a pod, or out of it. */
public enum Direction {
    INGRESS("ingress", "Ingress", "from"),
    EGRESS("egress", "Egress", "to");

    private final String word;
    private final String policyType;
    private final String peerField;

    Direction(String word, String policyType, String peerField) {
        this.word = word;
        this.policyType = policyType;
        this.peerField = peerField;
    }

    /** Lower-case word used in sentences and JSON: "ingress". */
    public String word() {
        return word;
    }

    /** The value written in {@code spec.policyTypes}: "Ingress". */
    public String policyType() {
        return policyType;
    }

    /** The rule field that lists peers: "from" for ingress, "to" for egress. */
    public String peerField() {
        return peerField;
    }
}
