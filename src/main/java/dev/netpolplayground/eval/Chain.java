package dev.netpolplayground.eval;

import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;

import dev.netpolplayground.model.Policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One direction's decision through the chain: the Admin tier, then NetworkPolicy isolation (final for
 * the directions it isolates), then the Baseline tier, then the default, allow. A tier is absent
 * when the scenario has no policy of that tier at all.
 */
public record Chain(Direction direction, Endpoint subject, Optional<TierDecision> admin, Decision networkPolicy,
                    Optional<TierDecision> baseline, Reach reach) {

    static Chain of(Decision networkPolicy, Optional<TierDecision> admin, Optional<TierDecision> baseline) {
        Set<Reach> possible = EnumSet.noneOf(Reach.class);
        Set<TierDecision.Step> adminSteps = admin.map(TierDecision::steps).orElse(Set.of(TierDecision.Step.NEXT));
        for (TierDecision.Step step : adminSteps) {
            if (step != TierDecision.Step.NEXT) {
                possible.add(step == TierDecision.Step.ACCEPT ? Reach.ALLOWED : Reach.DENIED);
            } else if (!networkPolicy.isolating().isEmpty()) {
                possible.add(networkPolicy.allowed() ? Reach.ALLOWED : Reach.DENIED);
            } else {
                for (TierDecision.Step last : baseline.map(TierDecision::steps).orElse(Set.of(TierDecision.Step.NEXT))) {
                    possible.add(last == TierDecision.Step.DENY ? Reach.DENIED : Reach.ALLOWED);
                }
            }
        }
        Reach reach = Reach.of(possible.contains(Reach.ALLOWED), possible.contains(Reach.DENIED));
        return new Chain(networkPolicy.direction(), networkPolicy.subject(), admin, networkPolicy, baseline, reach);
    }

    /** Whether the NetworkPolicy tier is consulted: the Admin tier hands the traffic on, for some order. */
    public boolean networkPolicyConsulted() {
        return admin.map(TierDecision::handsOn).orElse(true);
    }

    /** Whether the Baseline tier is consulted: it is reached and no NetworkPolicy isolates the subject. */
    public boolean baselineConsulted() {
        return networkPolicyConsulted() && networkPolicy.isolating().isEmpty();
    }

    /** The NetworkPolicies that decide this direction: those isolating the subject, when they are consulted. */
    public List<Policy> decidingNetworkPolicies() {
        return networkPolicyConsulted() ? networkPolicy.isolating() : List.of();
    }

    public boolean allowed() {
        return reach == Reach.ALLOWED;
    }
}
