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

    /** Why a text was refused. */
    enum Refusal {
        /** Not well-formed YAML/JSON at all (HTTP 400). */
        SYNTAX,
        /** Well-formed, but the objects it describes are not valid (HTTP 422). */
        INVALID,
        /** Over a limit of what one text may make the reader do: nodes, objects, nesting (HTTP 413). */
        TOO_LARGE
    }

    record Failed(List<Problem> errors, Refusal refusal, List<Problem> warnings) implements Parsed {
        public Failed {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean syntax() {
            return refusal == Refusal.SYNTAX;
        }
    }
}
