package dev.netpolplayground.eval;

import dev.netpolplayground.model.Action;
import dev.netpolplayground.model.ClusterPolicy;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Tier;
import dev.netpolplayground.model.TierRule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One tier's walk for one direction: the policies of the tier that select the subject, in the order
 * they are consulted, the rules tried that did not match, and the first rule that did.
 *
 * @param checked rules tried before the decision that did not match, in the order they were tried
 * @param rivals  matching rules of policies whose order relative to the hit's is not defined (equal
 *                priority, or no priority), with another action than the hit's
 */
public record TierDecision(Tier tier, List<ClusterPolicy> selecting, List<Checked> checked, Optional<Hit> hit,
                           List<Hit> rivals) {
    public TierDecision {
        selecting = List.copyOf(selecting);
        checked = List.copyOf(checked);
        rivals = List.copyOf(rivals);
    }

    /** Where a tier can send the traffic: decide it, or hand it on (a Pass, or no rule matched). */
    enum Step {
        ACCEPT,
        DENY,
        NEXT
    }

    /** A rule that matched, by which peer and port entry. */
    public record Hit(ClusterPolicy policy, TierRule rule, Peer peer, PortMatch port) {
    }

    /** A rule of a selecting policy that did not match, and why. */
    public record Checked(ClusterPolicy policy, TierRule rule, Decision.RuleMiss miss) {
    }

    /** The steps this tier may take: one, or several when the order of rivals is left to the plugin. */
    Set<Step> steps() {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (hit.isEmpty()) {
            steps.add(Step.NEXT);
        }
        hit.ifPresent(h -> steps.add(step(h.rule().action())));
        rivals.forEach(r -> steps.add(step(r.rule().action())));
        return steps;
    }

    /** Whether the traffic leaves this tier undecided, for at least one order. */
    public boolean handsOn() {
        return steps().contains(Step.NEXT);
    }

    private static Step step(Action action) {
        return switch (action) {
            case ACCEPT -> Step.ACCEPT;
            case DENY -> Step.DENY;
            case PASS -> Step.NEXT;
        };
    }
}
