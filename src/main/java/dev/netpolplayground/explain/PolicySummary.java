package dev.netpolplayground.explain;

import dev.netpolplayground.model.Direction;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.Policy;
import dev.netpolplayground.model.Rule;
import dev.netpolplayground.model.Scenario;

import java.util.ArrayList;
import java.util.List;

/** A policy in plain English, with the pods it selects: the playground's policies panel. */
public record PolicySummary(String id, String name, int firstLine, List<String> sentences, List<String> selects) {
    public PolicySummary {
        sentences = List.copyOf(sentences);
        selects = List.copyOf(selects);
    }

    public static List<PolicySummary> of(Scenario scenario) {
        List<PolicySummary> summaries = new ArrayList<>();
        for (Policy policy : scenario.policies()) {
            summaries.add(of(policy, scenario));
        }
        return summaries;
    }

    /** Pods named in a summary's "Selects" list; the rest are counted. */
    private static final int SHOWN = 20;

    static PolicySummary of(Policy policy, Scenario scenario) {
        List<String> selected = scenario.endpoints().stream().filter(policy::selects).map(Endpoint::display).toList();
        List<String> selects = new ArrayList<>(selected.subList(0, Math.min(SHOWN, selected.size())));
        if (selected.size() > SHOWN) {
            selects.add("... and " + (selected.size() - SHOWN) + " more");
        }
        List<String> sentences = new ArrayList<>();
        String who = policy.podSelector().isEmpty() ? "every pod in namespace " + policy.namespace()
                : "pods " + policy.podSelector() + " in namespace " + policy.namespace();
        sentences.add("Selects " + who + " (" + (selects.isEmpty() ? "none in this scenario"
                : selected.size() == 1 ? "1 pod" : selected.size() + " pods") + ").");
        List<String> isolated = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            if (policy.isolates(direction)) {
                isolated.add(direction.word());
            }
        }
        sentences.add("Isolates them for " + String.join(" and ", isolated) + ".");
        for (Direction direction : Direction.values()) {
            List<Rule> rules = policy.rules(direction);
            if (!policy.isolates(direction)) {
                if (!rules.isEmpty()) {
                    sentences.add("Its " + direction.word() + " rules are ignored: policyTypes leaves out "
                            + direction.policyType() + ".");
                }
                continue;
            }
            if (rules.isEmpty()) {
                sentences.add("Has no " + direction.word() + " rules, so it allows no " + direction.word()
                        + " at all.");
            }
            for (Rule rule : rules) {
                sentences.add("Allows " + direction.word() + " by rule #" + rule.number() + ": "
                        + Explainer.describeRule(rule) + ".");
            }
        }
        return new PolicySummary(policy.id(), policy.name(), policy.source().firstLine(), sentences, selects);
    }
}
