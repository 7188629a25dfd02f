package dev.netpolplayground.eval;

import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Rule;

import java.util.List;
import java.util.Optional;

/** One direction's decision for a connection, with the evidence it rests on. */
public sealed interface Decision permits Decision.Unrestricted, Decision.Isolated {

    Direction direction();

    /** The endpoint whose policies decide: the source for egress, the destination for ingress. */
    Endpoint subject();

    boolean allowed();

    /** The NetworkPolicies that isolate the subject for this direction; none when it is not isolated. */
    List<Policy> isolating();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of decision, for what explain/ says about each. */
    interface Visitor<R> {
        R unrestricted(Unrestricted decision);

        R isolated(Isolated decision);
    }

    /** Why nothing restricts this direction. */
    enum Freedom {
        /** No policy selects the subject with this direction in its policyTypes. */
        NOT_ISOLATED,
        /** The subject is outside the cluster; NetworkPolicy does not govern it. */
        OUTSIDE_CLUSTER,
        /** The subject runs in the host network namespace; NetworkPolicy does not apply to it. */
        HOST_NETWORK
    }

    /**
     * @param selectingOtherDirection policies that select the subject but do not isolate this direction
     */
    record Unrestricted(Direction direction, Endpoint subject, Freedom freedom,
                        List<Policy> selectingOtherDirection) implements Decision {
        public Unrestricted {
            selectingOtherDirection = List.copyOf(selectingOtherDirection);
        }

        public boolean allowed() {
            return true;
        }

        public List<Policy> isolating() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unrestricted(this);
        }
    }

    /** The subject is isolated by {@code isolatingPolicies}; allowed exactly when some rule matched. */
    record Isolated(Direction direction, Endpoint subject, List<Policy> isolatingPolicies, List<RuleMatch> matches,
                    List<PolicyMiss> misses) implements Decision {
        public Isolated {
            isolatingPolicies = List.copyOf(isolatingPolicies);
            matches = List.copyOf(matches);
            misses = List.copyOf(misses);
        }

        public boolean allowed() {
            return !matches.isEmpty();
        }

        public List<Policy> isolating() {
            return isolatingPolicies;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.isolated(this);
        }
    }

    /** A rule that admits the connection, by which peer and port entry. */
    record RuleMatch(Policy policy, Rule rule, Peer peer, PortMatch port) {
    }

    /** An isolating policy none of whose rules admit the connection; no rules at all is a miss too. */
    record PolicyMiss(Policy policy, List<RuleMiss> rules) {
        public PolicyMiss {
            rules = List.copyOf(rules);
        }
    }

    /**
     * Why one rule did not admit the connection: the peers that did not match (empty when one did),
     * and the port entries that did not match (empty when one did).
     */
    record RuleMiss(Rule rule, Optional<Peer> matchedPeer, List<Miss<Peer>> peerMisses,
                    Optional<PortMatch> matchedPort, List<Miss<PortMatch>> portMisses) {
        public RuleMiss {
            peerMisses = List.copyOf(peerMisses);
            portMisses = List.copyOf(portMisses);
        }
    }

    /** One entry that did not match, and the fact that made it fail. */
    record Miss<T>(T entry, Mismatch why) {
    }
}
