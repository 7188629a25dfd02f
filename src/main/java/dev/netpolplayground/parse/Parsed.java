package dev.netpolplayground.parse;

import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;

import java.util.List;

/** The outcome of reading the user's text: a scenario, or every problem found. */
public sealed interface Parsed permits Parsed.Ok, Parsed.Failed {

    List<Problem> warnings();

    record Ok(Scenario scenario, List<Problem> warnings) implements Parsed {
        public Ok {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param syntax true when the text is not well-formed YAML/JSON at all (HTTP 400), false when it
     *               is well-formed but describes invalid objects (HTTP 422)
     */
    record Failed(List<Problem> errors, boolean syntax, List<Problem> warnings) implements Parsed {
        public Failed {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }
}
