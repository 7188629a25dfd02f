package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Chain;
import dev.netpolplayground.eval.Decision;
import dev.netpolplayground.eval.Mismatch;
import dev.netpolplayground.eval.Reach;
import dev.netpolplayground.eval.Verdict;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a verdict's evidence into sentences a student can follow, naming policy and rule. */
public final class Explainer {
    private Explainer() {
    }

    public static Explanation explain(Verdict verdict) {
        Set<String> notes = new LinkedHashSet<>();
        Explanation.Side egress = side(verdict.egress(), verdict, notes);
        Explanation.Side ingress = side(verdict.ingress(), verdict, notes);
        if (verdict.loopback()) {
            notes.add("A pod can always reach itself: NetworkPolicy does not restrict a pod's traffic to its own"
                    + " address. (Through a Service that sends it back to itself, some plugins do apply policy.)");
        }
        return new Explanation(verdict.from().display(), verdict.to().display(), verdict.probe().toString(),
                verdict.reach(), verdict.loopback(), summary(verdict), egress, ingress, new ArrayList<>(notes));
    }

    static String summary(Verdict verdict) {
        String connection = verdict.from().display() + " → " + verdict.to().display() + " on " + verdict.probe();
        if (verdict.loopback()) {
            return "Allowed: " + connection + " is a pod talking to itself (loopback), which is always allowed.";
        }
        if (verdict.allowed()) {
            return "Allowed: " + connection + " — egress from the source and ingress to the destination both allow it.";
        }
        if (verdict.reach() == Reach.UNDEFINED) {
            String which = verdict.egress().reach() == Reach.UNDEFINED && verdict.ingress().reach() == Reach.UNDEFINED
                    ? "egress from " + verdict.from().display() + " and ingress to " + verdict.to().display() + " depend"
                    : verdict.egress().reach() == Reach.UNDEFINED ? "egress from " + verdict.from().display() + " depends"
                    : "ingress to " + verdict.to().display() + " depends";
            return "Undefined: " + connection + " — " + which + " on the order of policies whose order the API leaves"
                    + " to the network plugin, and the orders disagree.";
        }
        boolean egressDenied = verdict.egress().reach() == Reach.DENIED;
        boolean ingressDenied = verdict.ingress().reach() == Reach.DENIED;
        String which = egressDenied && ingressDenied ? "both egress from " + verdict.from().display()
                + " and ingress to " + verdict.to().display() + " deny it"
                : egressDenied ? "egress from " + verdict.from().display() + " denies it"
                : "ingress to " + verdict.to().display() + " denies it";
        return "Denied: " + connection + " — " + which + ".";
    }

    private static Explanation.Side side(Chain chain, Verdict verdict, Set<String> notes) {
        Direction direction = chain.direction();
        Endpoint peer = direction == Direction.EGRESS ? verdict.to() : verdict.from();
        List<Reason> reasons = new ArrayList<>();
        chain.admin().ifPresent(admin -> Tiers.explain(admin, chain, verdict, reasons, notes));
        if (chain.networkPolicyConsulted()) {
            String then = chain.baseline().isPresent() ? "the Baseline tier decides" : direction.word() + " is allowed";
            chain.networkPolicy().accept(new Decision.Visitor<Void>() {
                public Void unrestricted(Decision.Unrestricted decision) {
                    Explainer.unrestricted(decision, then, reasons, notes);
                    return null;
                }

                public Void isolated(Decision.Isolated decision) {
                    Explainer.isolated(decision, peer, verdict, reasons, notes);
                    return null;
                }
            });
        }
        chain.baseline().ifPresent(baseline -> Tiers.explain(baseline, chain, verdict, reasons, notes));
        return new Explanation.Side(direction.word(), chain.subject().display(), chain.reach(), reasons);
    }

    private static void unrestricted(Decision.Unrestricted decision, String then, List<Reason> reasons,
                                     Set<String> notes) {
        String subject = decision.subject().display();
        String word = decision.direction().word();
        switch (decision.freedom()) {
            case OUTSIDE_CLUSTER:
                reasons.add(new Reason("outside-cluster", "", 0, subject + " is outside the cluster, so no"
                        + " NetworkPolicy restricts its " + word + "."));
                break;
            case HOST_NETWORK:
                reasons.add(new Reason("host-network", "", 0, subject + " uses the host network, so NetworkPolicy"
                        + " does not apply to its " + word + "."));
                notes.add("Host-network pods share the node's network: NetworkPolicy does not isolate them, and"
                        + " their traffic looks like the node's. Plugins differ in how they treat it.");
                break;
            case NOT_ISOLATED:
                String others = decision.selectingOtherDirection().isEmpty() ? ""
                        : " (" + policyNames(decision.selectingOtherDirection()) + " select"
                        + (decision.selectingOtherDirection().size() == 1 ? "s" : "") + " it, but not for " + word + ")";
                reasons.add(new Reason("not-isolated", "", 0, "No policy selects " + subject + " for " + word
                        + others + ", so " + then + "."));
                break;
            default:
                throw new AssertionError(decision.freedom());
        }
    }

    private static void isolated(Decision.Isolated decision, Endpoint peer, Verdict verdict, List<Reason> reasons,
                                 Set<String> notes) {
        String subject = decision.subject().display();
        Direction direction = decision.direction();
        String word = direction.word();
        reasons.add(new Reason("isolated", "", 0, subject + " is isolated for " + word + " by "
                + policyNames(decision.isolatingPolicies()) + ": only what a rule of "
                + (decision.isolatingPolicies().size() == 1 ? "it" : "one of them") + " allows gets "
                + (direction == Direction.EGRESS ? "out." : "in.")));
        for (Decision.RuleMatch match : decision.matches()) {
            reasons.add(new Reason("allowed-by-rule", match.policy().id(), match.rule().number(),
                    policyName(match.policy()) + " allows it by " + match.rule().label() + " ("
                            + describeRule(match.rule()) + ")."));
            if (match.peer().byAddress() && !peer.external()) {
                notes.add("An ipBlock matched the pod " + peer.display() + " through its IP. The Kubernetes"
                        + " conformance tests expect this, but some plugins (e.g. Cilium) do not apply ipBlock"
                        + " to pod IPs, and pod IPs change when pods restart: prefer pod and namespace selectors.");
            }
            if (match.peer().byAddress() && peer.addressAssigned()) {
                notes.add(peer.display() + " has no IP in its status; it was given " + peer.ips().get(0)
                        + " for this evaluation.");
            }
        }
        if (!decision.matches().isEmpty()) {
            return;
        }
        String other = direction == Direction.EGRESS ? verdict.to().display() : verdict.from().display();
        for (Decision.PolicyMiss miss : decision.misses()) {
            if (miss.rules().isEmpty()) {
                reasons.add(new Reason("no-rules", miss.policy().id(), 0, policyName(miss.policy()) + " selects "
                        + subject + " but has no " + word + " rules, so it allows no " + word + " at all."));
                continue;
            }
            for (Decision.RuleMiss ruleMiss : miss.rules()) {
                reasons.add(new Reason("rule-mismatch", miss.policy().id(), ruleMiss.rule().number(),
                        policyName(miss.policy()) + " " + ruleMiss.rule().label() + " does not admit " + other
                                + " on " + verdict.probe() + ": " + ruleMissText(ruleMiss) + "."));
            }
        }
    }

    static String ruleMissText(Decision.RuleMiss miss) {
        List<String> parts = new ArrayList<>();
        if (miss.matchedPeer().isEmpty()) {
            parts.add(miss.peerMisses().stream().map(m -> m.entry() + " — " + mismatch(m.why()))
                    .collect(Collectors.joining("; ")));
        }
        if (miss.matchedPort().isEmpty()) {
            parts.add(miss.portMisses().stream().map(m -> mismatch(m.why())).distinct()
                    .collect(Collectors.joining("; ")));
        }
        return String.join("; and ", parts);
    }

    /** A rule in one line: "from pods app=web in namespace shop, on 80/TCP". */
    public static String describeRule(Rule rule) {
        String peers = rule.anyPeer() ? (rule.direction() == Direction.EGRESS ? "to anywhere" : "from anywhere")
                : rule.direction().peerField() + " " + rule.peers().stream().map(Object::toString)
                .collect(Collectors.joining(" or "));
        String ports = rule.anyPort() ? "on any port"
                : "on " + rule.ports().stream().map(PortMatch::toString).collect(Collectors.joining(", "));
        return peers + ", " + ports;
    }

    static String policyName(Policy policy) {
        return "NetworkPolicy '" + policy.id() + "'";
    }

    static String policyNames(List<Policy> policies) {
        if (policies.size() == 1) {
            return policyName(policies.get(0));
        }
        return "NetworkPolicies " + policies.stream().map(p -> "'" + p.id() + "'").collect(Collectors.joining(", "));
    }

    /** One mismatch as a clause. */
    static String mismatch(Mismatch why) {
        return why.accept(CLAUSE);
    }

    private static final Mismatch.Visitor<String> CLAUSE = new Mismatch.Visitor<>() {
        @Override
        public String podLabels(Mismatch.PodLabels m) {
            return m.endpoint() + "'s labels do not satisfy " + m.wanted();
        }

        @Override
        public String namespaceLabels(Mismatch.NamespaceLabels m) {
            return "namespace " + m.namespace() + "'s labels do not satisfy " + m.wanted();
        }

        @Override
        public String otherNamespace(Mismatch.OtherNamespace m) {
            return "without a namespaceSelector a peer only matches pods in the policy's namespace "
                    + m.policyNamespace() + ", and this pod is in " + m.endpointNamespace();
        }

        @Override
        public String notAPod(Mismatch.NotAPod m) {
            return m.endpoint() + " is outside the cluster, and pod or namespace selectors only match pods";
        }

        @Override
        public String hostNetworkPeer(Mismatch.HostNetworkPeer m) {
            return m.endpoint() + " uses the host network: its traffic carries the node's address, which pod"
                    + " selectors do not match";
        }

        @Override
        public String outsideCidr(Mismatch.OutsideCidr m) {
            return m.addresses() + " is not in " + m.cidr();
        }

        @Override
        public String inExcept(Mismatch.InExcept m) {
            return m.address() + " is excluded by except " + m.except();
        }

        @Override
        public String wrongProtocol(Mismatch.WrongProtocol m) {
            return "the connection is " + m.probe() + " but the rule allows " + m.allowed();
        }

        @Override
        public String wrongPort(Mismatch.WrongPort m) {
            return "the connection is on " + m.probe() + " but the rule allows " + m.allowed();
        }

        @Override
        public String namedPortMissing(Mismatch.NamedPortMissing m) {
            return m.destination() + " declares no " + m.protocol() + " container port named " + m.name();
        }

        @Override
        public String namedPortElsewhere(Mismatch.NamedPortElsewhere m) {
            return m.destination() + "'s port " + m.name() + " is " + m.declaredPort() + ", not " + m.probe();
        }

        @Override
        public String notEvaluated(Mismatch.NotEvaluated m) {
            if (m.failsClosed()) {
                return "its only peer is an empty {}, and an Accept rule with an empty peer fails closed: it matches"
                        + " no traffic";
            }
            return "a " + m.field() + " peer needs " + (m.field().equals("nodes") ? "Node objects" : "DNS answers")
                    + ", which a pasted scenario does not have, so it is not evaluated";
        }

        @Override
        public String namedPortExternal(Mismatch.NamedPortExternal m) {
            return "named port " + m.name() + " cannot match " + m.destination() + ": only pods have named ports";
        }
    };
}
