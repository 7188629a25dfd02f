package dev.netpolplayground.analysis;

import dev.netpolplayground.eval.Evaluator;
import dev.netpolplayground.eval.Matrix;
import dev.netpolplayground.eval.Probes;
import dev.netpolplayground.explain.Lints;
import dev.netpolplayground.explain.TierLints;
import dev.netpolplayground.model.Deadline;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Probe;
import dev.netpolplayground.model.Problem;
import dev.netpolplayground.model.Scenario;
import dev.netpolplayground.parse.Options;
import dev.netpolplayground.parse.Parsed;
import dev.netpolplayground.parse.ScenarioParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one pipeline every face (web page, JSON API, command line) runs: text and options in, a
 * matrix with warnings out, or every problem found. It may remember its latest successes: the page
 * sends the same scenario again for every cell clicked and every view switched, and a class opens
 * the same example.
 */
public final class Analysis {
    /**
     * Heap held while a text is parsed, per character: snakeyaml's nodes with their marks (41 bytes
     * a character measured on the 5,000-pod dump), with a margin.
     */
    static final long PARSE_BYTES_PER_CHAR = 48;
    private static final long BASE_BYTES = 1 << 20;
    /**
     * Bits per cell the matrix may hold at most: egress and ingress rows, when no two endpoints
     * share their policies (usually far fewer, as rows are shared).
     */
    private static final long MATRIX_TABLES = 2;
    /** Work that takes longer than this stops when its client has gone. */
    static final Duration WATCH_AFTER = Duration.ofSeconds(1);
    private final ScenarioParser parser;
    private final Budget budget;
    private final Memory memory;
    private final MemoryPool pool;
    private final LinkedHashMap<Request, Success> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long recentBytes;

    /** How much one evaluation may take: cells (endpoints² × probes) and time. */
    public record Budget(long maxCells, Duration maxTime) {
        public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Duration.ofDays(1));
    }

    public Analysis(ScenarioParser parser) {
        this(parser, Budget.UNLIMITED);
    }

    public Analysis(ScenarioParser parser, Budget budget) {
        this(parser, budget, Memory.NONE);
    }

    public Analysis(ScenarioParser parser, Budget budget, Memory memory) {
        this(parser, budget, memory, MemoryPool.UNLIMITED);
    }

    /** @param pool the memory that concurrent requests share; each reserves its parse and matrix from it */
    public Analysis(ScenarioParser parser, Budget budget, Memory memory, MemoryPool pool) {
        this.parser = parser;
        this.budget = budget;
        this.memory = memory;
        this.pool = pool;
    }

    /**
     * Reserves memory for something built from a result (an answer, an export), from the pool
     * that evaluations use; close it when the thing is written.
     *
     * @throws MemoryPool.TooLarge when it needs more than the whole pool
     * @throws MemoryPool.Busy     when the memory does not come free in time
     */
    public MemoryPool.Reservation reserve(long bytes) {
        return pool.reserve(bytes);
    }

    /**
     * What to remember, by rough weight in bytes (see {@link #weight}).
     *
     * @param maxBytes  how much all remembered successes may weigh together; 0 remembers none
     * @param minWeight lighter results are computed again instead: they cost little to compute, and
     *                  remembering every small scenario a class sends churns the heap (measured in
     *                  docs/benchmarks.md)
     */
    public record Memory(long maxBytes, long minWeight) {
        public static final Memory NONE = new Memory(0, 0);
    }

    /** What the user gave: the scenario text, and the probes and external addresses as typed (may be blank). */
    public record Request(String text, String probes, String externals) {
        public Request {
            text = text == null ? "" : text;
            probes = probes == null ? "" : probes;
            externals = externals == null ? "" : externals;
        }
    }

    public sealed interface Result permits Success, Invalid {
        Request request();
    }

    /**
     * @param probesDefaulted true when the probes came from {@link Probes#defaults} rather than the user
     * @param parseNanos      time the parsing took, when it was done
     * @param remembered      this is an earlier request's result, given again without parsing or evaluating
     */
    public record Success(Request request, Matrix matrix, List<Problem> warnings, boolean probesDefaulted,
                          long parseNanos, long evaluateNanos, boolean remembered) implements Result {
        public Success {
            warnings = List.copyOf(warnings);
        }
    }

    /** @param refusal why: not YAML at all, invalid objects, or over a limit */
    public record Invalid(Request request, List<Problem> errors, List<Problem> warnings, Parsed.Refusal refusal)
            implements Result {
        public Invalid {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean syntax() {
            return refusal == Parsed.Refusal.SYNTAX;
        }
    }

    /** The result for a request: remembered when an equal request succeeded lately, else computed. */
    public Result run(Request request) {
        return run(request, () -> false);
    }

    /**
     * @param abandoned whether the client has gone; asked once the work has taken {@link #WATCH_AFTER},
     *                  and the work stops when it says so
     */
    public Result run(Request request, BooleanSupplier abandoned) {
        if (memory.maxBytes() > 0) {
            synchronized (recent) {
                Success earlier = recent.get(request);
                if (earlier != null) {
                    return new Success(request, earlier.matrix(), earlier.warnings(), earlier.probesDefaulted(),
                            earlier.parseNanos(), earlier.evaluateNanos(), true);
                }
            }
        }
        Result result = compute(request, abandoned);
        if (result instanceof Success && memory.maxBytes() > 0) {
            remember((Success) result);
        }
        return result;
    }

    /**
     * Only successes are remembered: a failure costs little to find again, and one that ran out of
     * time may succeed on a quieter server. The least recently used go first.
     */
    private void remember(Success success) {
        long weight = weight(success);
        if (weight < memory.minWeight() || weight > memory.maxBytes() / 4) {
            return;
        }
        synchronized (recent) {
            if (recent.put(success.request(), success) == null) {
                recentBytes += weight;
            }
            Iterator<Success> oldest = recent.values().iterator();
            while (recentBytes > memory.maxBytes() && oldest.hasNext()) {
                recentBytes -= weight(oldest.next());
                oldest.remove();
            }
        }
    }

    /**
     * A rough size in bytes: the text (held by the request and, as source lines, by the model) at
     * 8 bytes a character, and the matrix's distinct bit rows.
     */
    static long weight(Success success) {
        return 8L * (success.request().text().length() + success.request().probes().length()
                + success.request().externals().length()) + success.matrix().bytes();
    }

    private Result compute(Request request, BooleanSupplier abandoned) {
        try (MemoryPool.Reservation held = pool.reserve(BASE_BYTES + PARSE_BYTES_PER_CHAR * request.text().length())) {
            return compute(request, held, abandoned);
        } catch (MemoryPool.TooLarge tooLarge) {
            return new Invalid(request, List.of(Problem.error("evaluating this scenario needs " + tooLarge.sentence()
                    + "; split it, name fewer probes, or use the command line (java -jar netpol-playground.jar eval),"
                    + " which has no such limit", 0, 0, "")), List.of(), Parsed.Refusal.TOO_LARGE);
        }
    }

    /**
     * 1. Parse (the text's memory is reserved by the caller).
     * 2. Count the cells and refuse more than the budget, then reserve the matrix's rows.
     * 3. Evaluate, then lint with the matrix's isolation index, against the deadline.
     */
    private Result compute(Request request, MemoryPool.Reservation held, BooleanSupplier abandoned) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(budget.maxTime()).orWhenAbandoned(WATCH_AFTER, abandoned);
        try {
            return compute(request, held, start, deadline);
        } catch (Deadline.Passed passed) {
            return new Invalid(request, List.of(Problem.error("reading and evaluating this scenario took longer than "
                    + budget.maxTime().toSeconds() + " s and was stopped; split the scenario or name fewer probes",
                    0, 0, "")), List.of(), Parsed.Refusal.TOO_LARGE);
        }
    }

    private Result compute(Request request, MemoryPool.Reservation held, long start, Deadline deadline) {
        List<Problem> optionProblems = new ArrayList<>();
        List<Probe> probes = Options.probes(request.probes(), optionProblems);
        List<IpAddress> externals = Options.externals(request.externals(), optionProblems);
        Parsed parsed = parser.parse(request.text(), deadline);
        if (parsed instanceof Parsed.Failed) {
            Parsed.Failed failed = (Parsed.Failed) parsed;
            List<Problem> errors = new ArrayList<>(failed.errors());
            errors.addAll(optionProblems);
            return new Invalid(request, errors, failed.warnings(), failed.refusal());
        }
        if (!optionProblems.isEmpty()) {
            return new Invalid(request, optionProblems, parsed.warnings(), Parsed.Refusal.SYNTAX);
        }
        Scenario scenario = ((Parsed.Ok) parsed).scenario().withExternals(externals);
        boolean defaulted = probes.isEmpty();
        if (defaulted) {
            probes = Probes.defaults(scenario);
        }
        long cells = (long) scenario.endpoints().size() * scenario.endpoints().size() * probes.size();
        if (cells > budget.maxCells()) {
            return new Invalid(request, List.of(Problem.error(scenario.endpoints().size() + " endpoints × "
                    + probes.size() + " probes make " + cells + " cells, more than the " + budget.maxCells()
                    + " one evaluation may have here; name fewer probes or split the scenario", 0, 0, "")),
                    parsed.warnings(), Parsed.Refusal.TOO_LARGE);
        }
        held.grow(MATRIX_TABLES * cells / 8);
        long parsedAt = System.nanoTime();
        Matrix matrix = Evaluator.evaluate(scenario, probes, deadline);
        long evaluatedAt = System.nanoTime();
        List<Problem> warnings = new ArrayList<>(parsed.warnings());
        List<Problem> lints = new ArrayList<>(Lints.of(scenario, matrix.isolation(), deadline));
        lints.addAll(TierLints.of(matrix, deadline));
        warnings.addAll(Problem.listed(lints));
        return new Success(request, matrix, warnings, defaulted, parsedAt - start, evaluatedAt - parsedAt, false);
    }
}
