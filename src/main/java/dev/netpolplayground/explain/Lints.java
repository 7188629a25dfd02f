package dev.netpolplayground.explain;

import dev.netpolplayground.eval.Isolation;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Peer;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.PortMatch;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Warnings for the classic mistakes, found on a valid scenario. */
public final class Lints {
    private static final Probe DNS_UDP = new Probe(53, Protocol.UDP);
    private static final Probe DNS_TCP = new Probe(53, Protocol.TCP);

    private Lints() {
    }

    public static List<Problem> of(Scenario scenario) {
        return of(scenario, Isolation.of(scenario), Deadline.NONE);
    }

    /**
     * @param isolation which policies select each endpoint (the matrix's)
     * @param deadline  checked for every rule and every endpoint; past it, {@link Deadline.Passed}
     */
    public static List<Problem> of(Scenario scenario, Isolation isolation, Deadline deadline) {
        List<Problem> warnings = new ArrayList<>();
        Map<String, Namespace> namespaces = scenario.namespacesByName();
        Map<Peer, Boolean> peerMatchesSomething = new HashMap<>();
        for (Policy policy : scenario.policies()) {
            selectsNothing(policy, scenario, warnings, deadline);
            for (Rule rule : Stream.concat(policy.ingress().stream(), policy.egress().stream()).toList()) {
                deadline.check();
                peersMatchingNothing(policy, rule, scenario, namespaces, peerMatchesSomething, warnings, deadline);
                namedPortsNobodyDeclares(policy, rule, scenario, warnings);
            }
        }
        dnsBlocked(scenario, isolation, warnings, deadline);
        outsideAddressesOfPods(scenario, warnings, deadline);
        return warnings;
    }

    /** Whether no endpoint passes {@code test}, checking the deadline as it goes (a selector may be large). */
    private static boolean none(Scenario scenario, java.util.function.Predicate<Endpoint> test, Deadline deadline) {
        List<Endpoint> endpoints = scenario.endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            if ((i & 255) == 0) {
                deadline.check();
            }
            if (test.test(endpoints.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Problem at(Policy policy, String path, String message) {
        return Problem.warning(message, policy.source().firstLine(), 1, path);
    }

    private static void selectsNothing(Policy policy, Scenario scenario, List<Problem> warnings, Deadline deadline) {
        if (none(scenario, policy::selects, deadline)) {
            warnings.add(at(policy, "spec.podSelector", Explainer.policyName(policy) + " selects no pod: podSelector "
                    + policy.podSelector() + " matches nothing in namespace " + policy.namespace()
                    + ", so the policy has no effect."));
        }
    }

    private static void peersMatchingNothing(Policy policy, Rule rule, Scenario scenario,
                                             Map<String, Namespace> namespaces, Map<Peer, Boolean> cache,
                                             List<Problem> warnings, Deadline deadline) {
        for (int i = 0; i < rule.peers().size(); i++) {
            Peer peer = rule.peers().get(i);
            if (!peer.selectsPods()) {
                continue;
            }
            boolean matchesSomething = cache.computeIfAbsent(peer, p -> !none(scenario,
                    e -> !e.external() && p.matches(e, namespaces.get(e.namespace())), deadline));
            if (!matchesSomething) {
                warnings.add(at(policy, "spec." + rule.direction().word() + "[" + (rule.number() - 1) + "]."
                        + rule.direction().peerField() + "[" + i + "]", Explainer.policyName(policy) + " "
                        + rule.label() + ": peer " + peer + " matches no pod in this scenario."));
            }
        }
    }

    private static void namedPortsNobodyDeclares(Policy policy, Rule rule, Scenario scenario, List<Problem> warnings) {
        for (PortMatch.NamedPort named : rule.ports().stream().flatMap(port -> port.accept(NAMED).stream()).toList()) {
            boolean declared = scenario.endpoints().stream().anyMatch(e -> named.declaredOn(e) > 0);
            if (!declared) {
                warnings.add(at(policy, "spec." + rule.direction().word() + "[" + (rule.number() - 1) + "].ports",
                        Explainer.policyName(policy) + " " + rule.label() + ": no pod declares a " + named.protocol()
                                + " container port named '" + named.name() + "', so this entry matches nothing."));
            }
        }
    }

    /**
     * An outside address that is also an endpoint's IP stays a separate, outside row: selectors never
     * match it, ipBlock peers may. Traffic to the pod itself is in the pod's own row and column.
     */
    private static void outsideAddressesOfPods(Scenario scenario, List<Problem> warnings, Deadline deadline) {
        for (Endpoint outside : scenario.endpoints()) {
            if (!outside.external()) {
                continue;
            }
            deadline.check();
            for (Endpoint inside : scenario.endpoints()) {
                if (!inside.external() && inside.ips().contains(outside.ips().get(0))) {
                    warnings.add(Problem.warning("Outside address " + outside.display() + " is also the IP of "
                            + (inside.hostNetwork() ? "host-network pod " : "") + inside.display()
                            + ". It is evaluated as an address outside the cluster: ipBlock peers may match it,"
                            + " pod and namespace selectors never do. For traffic to and from the pod, read the"
                            + " pod's own row and column.", 0, 0, "external"));
                }
            }
        }
    }

    /** A NetworkPolicy's named port entries (v1 has no destinationNamedPort). */
    private static final PortMatch.Visitor<Optional<PortMatch.NamedPort>> NAMED = new PortMatch.Visitor<>() {
        public Optional<PortMatch.NamedPort> any(PortMatch.AnyPort port) {
            return Optional.empty();
        }

        public Optional<PortMatch.NamedPort> allOf(PortMatch.AllPortsOf port) {
            return Optional.empty();
        }

        public Optional<PortMatch.NamedPort> range(PortMatch.PortRange port) {
            return Optional.empty();
        }

        public Optional<PortMatch.NamedPort> named(PortMatch.NamedPort port) {
            return Optional.of(port);
        }

        public Optional<PortMatch.NamedPort> destinationNamed(PortMatch.DestinationNamedPort port) {
            return Optional.empty();
        }
    };

    /** Egress-isolated pods that no rule lets reach port 53: the "bad address" trap. */
    private static void dnsBlocked(Scenario scenario, Isolation isolation, List<Problem> warnings, Deadline deadline) {
        Map<List<Policy>, List<Endpoint>> groups = new LinkedHashMap<>();
        for (Endpoint endpoint : scenario.endpoints()) {
            deadline.check();
            List<Policy> isolating = isolation.isolating(endpoint, Direction.EGRESS);
            if (!isolating.isEmpty()) {
                groups.computeIfAbsent(isolating, k -> new ArrayList<>()).add(endpoint);
            }
        }
        groups.forEach((policies, pods) -> {
            deadline.check();
            boolean udp = allowsDns(policies, DNS_UDP, scenario);
            boolean tcp = allowsDns(policies, DNS_TCP, scenario);
            if (udp && tcp) {
                return;
            }
            String who = pods.stream().limit(5).map(Endpoint::display).collect(Collectors.joining(", "))
                    + (pods.size() > 5 ? " and " + (pods.size() - 5) + " more" : "");
            String message = !udp
                    ? who + (pods.size() == 1 ? " is" : " are") + " isolated for egress by "
                    + Explainer.policyNames(policies) + " and no egress rule allows DNS (port 53 over UDP"
                    + (tcp ? "" : " and TCP") + "): name lookups will fail with errors like 'bad address'."
                    + " Allow egress to port 53 UDP and TCP (for example to kube-system)."
                    : who + (pods.size() == 1 ? " is" : " are") + " isolated for egress by "
                    + Explainer.policyNames(policies) + " and DNS over TCP (port 53/TCP) is not allowed:"
                    + " large DNS answers fall back to TCP and will fail.";
            warnings.add(at(policies.get(0), "spec.egress", message));
        });
    }

    private static boolean allowsDns(List<Policy> policies, Probe probe, Scenario scenario) {
        for (Policy policy : policies) {
            for (Rule rule : policy.egress()) {
                for (PortMatch port : rule.ports()) {
                    boolean matches = port.everywhere(probe)
                            .orElseGet(() -> scenario.endpoints().stream().anyMatch(e -> port.matches(probe, e)));
                    if (matches) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
