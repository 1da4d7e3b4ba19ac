package org.firstspike.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.DiagnosticPrinter;
import org.firstspike.diag.Suggest;

/**
 * The `firstspike` command line. Exit codes: 0 success, 1 bad input or usage (always with a
 * message, never a stack trace), 70 an internal error (a FirstSpike bug).
 */
public final class Main {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : new Command[] {new CheckCommand(), new InfoCommand(), new EvalCommand(), new CompileCommand(), new SimCommand(), new BenchCommand(), new SynthHdlCommand(), new CosimCommand(), new SynthCommand()}) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.console() != null);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        Io io = new Io(out, err, interactive);
        try {
            return dispatch(args, io);
        } catch (DiagnosticException e) {
            err.print(DiagnosticPrinter.render(e.diagnostics()));
            return 1;
        } catch (UsageException e) {
            err.println("firstspike: error: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("firstspike: error: out of memory; give Java more with JAVA_TOOL_OPTIONS=-Xmx8g");
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("firstspike: internal error: " + e + " (a bug in FirstSpike; please report it with the input"
                    + (System.getenv("FIRSTSPIKE_DEBUG") == null ? ", and FIRSTSPIKE_DEBUG=1 for the stack trace)" : ")"));
            if (System.getenv("FIRSTSPIKE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 70;
        }
    }

    private static int dispatch(String[] args, Io io) throws UsageException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            io.out().print(usage());
            return args.length == 0 ? 1 : 0;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            io.out().println("firstspike " + version());
            return 0;
        }
        if (args[0].equals("help")) {
            return help(Arrays.copyOfRange(args, 1, args.length), io);
        }
        Command cmd = COMMANDS.get(args[0]);
        if (cmd == null) {
            String hint = Suggest.didYouMean(args[0], COMMANDS.keySet());
            throw new UsageException("unknown command '" + args[0] + "'" + (hint.isEmpty()
                    ? "; run firstspike --help for the list" : hint));
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            io.out().print(help(cmd));
            return 0;
        }
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(cmd.options(), rest);
        } catch (ParseException e) {
            throw new UsageException(cmd.name() + ": " + e.getMessage().replaceAll("\\.$", "")
                    + "; run firstspike " + cmd.name() + " --help");
        }
        return cmd.run(cl, io);
    }

    private static int help(String[] args, Io io) throws UsageException {
        if (args.length == 0) {
            io.out().print(usage());
            return 0;
        }
        Command cmd = COMMANDS.get(args[0]);
        if (cmd == null) {
            throw new UsageException("unknown command '" + args[0] + "'" + Suggest.didYouMean(args[0], COMMANDS.keySet()));
        }
        io.out().print(help(cmd));
        return 0;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("FirstSpike " + version()
                + ": deploy time-to-first-spike networks to hardware\n\nusage: firstspike COMMAND [OPTIONS] FILE\n\n"
                + "commands:\n");
        COMMANDS.values().forEach(c -> sb.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        sb.append("\n  firstspike COMMAND --help   options of a command\n  firstspike --version\n");
        return sb.toString();
    }

    static String help(Command cmd) {
        StringWriter w = new StringWriter();
        PrintWriter pw = new PrintWriter(w);
        HelpFormatter f = new HelpFormatter();
        f.setOptionComparator(null);
        Options opts = new Options();
        cmd.options().getOptions().forEach(opts::addOption);
        opts.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        String header = cmd.summary() + (cmd.details().isEmpty() ? "" : "\n\n" + cmd.details()) + "\n\n";
        f.printHelp(pw, 100, "firstspike " + cmd.name() + " " + cmd.operands() + " [OPTIONS]", header, opts, 2, 2, "",
                false);
        pw.flush();
        return w.toString();
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/firstspike.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
