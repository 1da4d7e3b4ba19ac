package org.firstspike.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.firstspike.data.Dataset;
import org.firstspike.data.Datasets;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.DiagnosticPrinter;
import org.firstspike.model.Network;
import org.firstspike.model.Shape;
import org.firstspike.tensor.Shapes;

/** Small helpers shared by the commands: operands, integer options, common options. */
final class CliSupport {
    private CliSupport() {
    }

    static final Option JSON = Option.builder().longOpt("json").desc("write the report as JSON on stdout").build();

    static Path file(CommandLine cl, String command) throws UsageException {
        List<String> rest = cl.getArgList();
        if (rest.isEmpty()) {
            throw new UsageException("missing FILE; usage: firstspike " + command + " FILE");
        }
        if (rest.size() > 1) {
            throw new UsageException("unexpected argument '" + rest.get(1) + "'");
        }
        return Path.of(rest.get(0));
    }

    static int intOption(CommandLine cl, String name, int dflt, int min) throws UsageException {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs an integer, not '" + v + "'");
        }
    }

    /** Checks the FILE operand; errors throw, warnings are printed, the network is returned. */
    static Network network(CommandLine cl, String command, Io io) throws UsageException {
        org.firstspike.dsl.Frontend.Result r = org.firstspike.dsl.Frontend.check(file(cl, command));
        if (!r.ok()) {
            throw new org.firstspike.diag.DiagnosticException(r.diagnostics());
        }
        printWarnings(r.diagnostics(), io);
        return r.network();
    }

    /**
     * Opens {@code --data} ({@code dflt} when absent; null makes it required upstream) with
     * {@code --labels} where the command has it, and checks that a sample is what the network's
     * input takes: a sample of another shape would otherwise be read as a prefix or run past its end.
     */
    static Dataset dataset(CommandLine cl, Network net, String dflt) {
        Dataset data = Datasets.open(cl.getOptionValue("data", dflt),
                cl.hasOption("labels") ? Path.of(cl.getOptionValue("labels")) : null);
        Shape want = net.inputOp().sampleShape();
        if (data.sampleSize() != want.size()) {
            throw DiagnosticException.fileError(data.name(), "samples have shape " + Shapes.format(data.sampleShape())
                    + " but input '" + net.input().name() + "' of " + net.name() + " takes "
                    + Shapes.format(want.toArray()) + "; give --data a set of that shape");
        }
        return data;
    }

    /** The host's input ticks of samples first .. first + n − 1: what the engine is fed. */
    static List<int[]> hostTicks(Network net, org.firstspike.ir.IrProgram ir, Dataset data, int first, int n) {
        org.firstspike.reference.FloatReference ref = new org.firstspike.reference.FloatReference(net);
        List<int[]> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(org.firstspike.sim.HostInput.ticks(ref.inputTimes(data.sample(first + i)), ir));
        }
        return inputs;
    }

    static void printWarnings(List<Diagnostic> diagnostics, Io io) {
        List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
        if (!warnings.isEmpty()) {
            io.err().print(DiagnosticPrinter.render(warnings));
        }
    }
}
