package dev.netpolplayground.model;

/**
 * One rule of a cluster policy: its peers and ports as a {@link Rule}, with the action it takes on
 * what it matches and the name the author gave it (empty when none).
 */
public record TierRule(Rule rule, String name, Action action) {

    public Direction direction() {
        return rule.direction();
    }

    public int number() {
        return rule.number();
    }

    /** "ingress rule #2 'deny-from-y'". */
    public String label() {
        return rule.label() + (name.isEmpty() ? "" : " '" + name + "'");
    }
}
