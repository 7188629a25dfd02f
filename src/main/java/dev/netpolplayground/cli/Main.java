package dev.netpolplayground.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command line: {@code serve}, {@code eval}, {@code check}, {@code bench}. Exit codes: 0 done
 * (or solved), 1 answer not solved, 2 invalid input or usage.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: java -jar netpol-playground.jar <command> [options]",
            "",
            "  serve [--port N] [--db-url URL] [--db-user U] [--db-password P] [--shares-per-minute N] [--trust-proxy]",
            "        [--concurrent-evaluations N] [--warm-up-seconds N] [--remember-mib N] [--memory-mib N]",
            "        [--trusted-proxies CIDR,...]",
            "        run the playground (default port 7070, or $PORT)",
            "  eval  [--probes 80/TCP,53/UDP] [--external 203.0.113.5,...] [--format text|json|csv|md]",
            "        [--explain FROM TO] FILE|-",
            "        print the reachability matrix of a scenario (or one cell's explanation)",
            "  check EXERCISE ANSWER",
            "        grade an answer (policies) against a built-in exercise id or an exercise file;",
            "        exit 0 solved, 1 cells differ, 2 invalid input",
            "  healthcheck [--url URL]",
            "        exit 0 when the server's /healthz answers 200 (for container health checks)",
            "  bench FILE | bench [--pods N] [--policies N] [--cluster-policies N] [--namespaces N] [--probes LIST] [--runs N]",
            "        time parsing and evaluation; prints cells=N ms=T last",
            "  class-load URL [--students N] [--seconds N] [--interval-ms N]",
            "        a class of students checking against a running server; prints Check latencies",
            "");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
            System.exit(code);
        }
    }

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "serve":
                    return Serve.run(Arguments.parse(rest), out, err);
                case "eval":
                    return EvalCommand.run(Arguments.parse(rest), in, out, err);
                case "bench":
                    return Bench.run(Arguments.parse(rest), out);
                case "class-load":
                    return ClassLoad.run(Arguments.parse(rest), out);
                case "healthcheck":
                    return HealthCheck.run(Arguments.parse(rest), out);
                case "check":
                    return CheckCommand.run(Arguments.parse(rest), out, err);
                default:
                    err.println("unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    return 2;
            }
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }
}
