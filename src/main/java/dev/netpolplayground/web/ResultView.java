package dev.netpolplayground.web;

import java.util.List;

/**
 * Everything right of the editor: problems (when the input is invalid), or the matrix with its
 * explanation, the policies in plain English, the warnings, and a link that restores it all.
 */
public record ResultView(List<ProblemView> problems, MatrixView matrix, ExplanationView explanation,
                         List<PolicyGroupView> policyGroups, List<ProblemView> warnings, String link, String timing) {

    public boolean invalid() {
        return !problems.isEmpty();
    }

    public boolean hasLink() {
        return !link.isEmpty();
    }
}
