package org.firstspike.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.bench.Bench;
import org.firstspike.bench.BenchReport;
import org.firstspike.bench.SyntheticNetworks;
import org.firstspike.data.Dataset;
import org.firstspike.data.Datasets;
import org.firstspike.report.Json;

/** `firstspike bench [FILE]`: speed and scaling figures, all measured in this run, next to their goals. */
final class BenchCommand implements Command {
    static final String DEFAULT_FILE = "examples/fmnist_shuffle_delay.ttfs";
    static final List<Long> SIZES = List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);
    static final long QUICK_MAX = 1_000_000L;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String operands() {
        return "[FILE]";
    }

    @Override
    public String summary() {
        return "measure engine, reference and compiler speed against their goals";
    }

    @Override
    public String details() {
        return "Measures, single-threaded, after warm-up, as the median of repeated rounds: synaptic events/s of the "
                + "engine on a synthetic dense network (and of a plain Java event loop on the same fan-out), images/s "
                + "of the engine and the float reference on FILE (default " + DEFAULT_FILE + ") with fmnist-test, "
                + "cycles per image against the limit on the generic and xc7a35t targets, and compile time of "
                + "synthetic networks from 10k to 10M synapses. --quick runs fewer images and stops at 1M synapses. "
                + "Goals are printed, never enforced.";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CliSupport.JSON)
                .addOption(Option.builder().longOpt("quick").desc("fewer images and rounds; compile sizes up to 1M")
                        .build())
                .addOption(Option.builder().longOpt("images").hasArg().argName("N")
                        .desc("seed images for the engine and the reference (default 1000, quick 200)").build())
                .addOption(Option.builder().longOpt("rounds").hasArg().argName("N")
                        .desc("timed rounds per figure, the median is reported (default 5, quick 3)").build())
                .addOption(Option.builder().longOpt("sizes").hasArg().argName("LIST")
                        .desc("compile sizes in synapses (default 10000,100000,1000000,10000000)").build())
                .addOption(Option.builder().longOpt("dense").hasArg().argName("N")
                        .desc("inputs and hidden neurons of the event-rate network (default 1024)").build())
                .addOption(Option.builder().longOpt("dense-images").hasArg().argName("N")
                        .desc("random images for the event rate (default 100, quick 40)").build())
                .addOption(Option.builder().longOpt("weights").hasArg().argName("FORMAT")
                        .desc("weight files of the compile-size networks: npy (default) or json").build());
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        boolean quick = cl.hasOption("quick");
        List<String> rest = cl.getArgList();
        if (rest.size() > 1) {
            throw new UsageException("unexpected argument '" + rest.get(1) + "'");
        }
        Path file = rest.isEmpty() ? defaultFile() : Path.of(rest.get(0));
        Dataset data = Datasets.open("fmnist-test", null);
        int images = CliSupport.intOption(cl, "images", quick ? 200 : 1000, 1);
        int rounds = CliSupport.intOption(cl, "rounds", quick ? 3 : 5, 1);
        int dense = CliSupport.intOption(cl, "dense", 1024, 2);
        int denseImages = CliSupport.intOption(cl, "dense-images", quick ? 40 : 100, 1);
        List<Long> sizes = sizes(cl.getOptionValue("sizes"), quick);
        org.firstspike.dsl.Frontend.Result checked = org.firstspike.dsl.Frontend.check(file);
        if (!checked.ok()) {
            throw new org.firstspike.diag.DiagnosticException(checked.diagnostics());
        }
        CliSupport.printWarnings(checked.diagnostics(), io);
        String format = cl.getOptionValue("weights", "npy");
        if (!format.equals("npy") && !format.equals("json")) {
            throw new UsageException("--weights takes npy or json, not '" + format + "'");
        }
        Bench.Settings settings = new Bench.Settings(file, data, images, images, dense, denseImages, sizes,
                SyntheticNetworks.Format.of(format), rounds);
        Bench bench = new Bench(settings, line -> io.err().println("bench: " + line));
        BenchReport report = bench.run();
        io.out().print(cl.hasOption("json") ? Json.write(report.json()) : report.text());
        return 0;
    }

    /** The seed example: in the working directory, else next to the installed jar's project. */
    private static Path defaultFile() throws UsageException {
        Path here = Path.of(DEFAULT_FILE);
        if (Files.exists(here)) {
            return here;
        }
        try {
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p.resolve(DEFAULT_FILE))) {
                    return p.resolve(DEFAULT_FILE);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the error
        }
        throw new UsageException("cannot find " + DEFAULT_FILE + "; give the seed model's .ttfs as FILE");
    }

    private static List<Long> sizes(String csv, boolean quick) throws UsageException {
        if (csv == null) {
            return SIZES.stream().filter(n -> !quick || n <= QUICK_MAX).toList();
        }
        List<Long> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                long n = Long.parseLong(part.trim().replace("_", ""));
                if (n < 1000) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new UsageException("--sizes takes synapse counts of at least 1000 separated by commas, not '"
                        + csv + "'");
            }
        }
        return out.stream().sorted().toList();
    }
}
