package dev.netpolplayground.eval;

import dev.netpolplayground.model.ContainerPort;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Protocol;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.model.TierRule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Which port/protocol pairs to try when the user does not say. */
public final class Probes {
    /** Tried when nothing in the scenario names a port. */
    public static final Probe FALLBACK = new Probe(80, Protocol.TCP);

    private Probes() {
    }

    /**
     * Every port a container declares, plus every numeric port a policy or cluster policy names (both
     * ends of a range), sorted; 80/TCP when there are none.
     */
    public static List<Probe> defaults(Scenario scenario) {
        TreeSet<Probe> probes = new TreeSet<>();
        for (Endpoint endpoint : scenario.endpoints()) {
            for (ContainerPort port : endpoint.ports()) {
                probes.add(new Probe(port.port(), port.protocol()));
            }
        }
        Stream<Rule> rules = Stream.concat(
                scenario.policies().stream().flatMap(policy -> Stream.concat(policy.ingress().stream(),
                        policy.egress().stream())),
                scenario.clusterPolicies().stream().flatMap(policy -> Stream.concat(policy.ingress().stream(),
                        policy.egress().stream())).map(TierRule::rule));
        rules.map(Rule::ports).flatMap(List::stream).flatMap(port -> port.edges().stream()).forEach(probes::add);
        return probes.isEmpty() ? List.of(FALLBACK) : new ArrayList<>(probes);
    }
}
