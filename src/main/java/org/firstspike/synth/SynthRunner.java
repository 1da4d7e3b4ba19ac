package org.firstspike.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.firstspike.device.Target;
import org.firstspike.report.Json;

/**
 * Synthesizes the Verilog files of a directory for a target and reports what they use and how fast
 * they run. Yosys 0.23 runs a generated script: it reads every *.v and *.sv file of the directory
 * but the testbenches ({@code tb_*}, {@code *_tb}: simulation code Yosys cannot parse, such as a
 * {@code compile} project's tb_cosim.sv),
 * elaborates the top, rejects latches after `proc` and again after mapping, runs the family's flow
 * ({@code synth_ice40}, {@code synth_xilinx -family xc7}, or generic {@code synth -lut 6} with
 * memories left unmapped) and writes `stat`. On iCE40 nextpnr-ice40 0.4 then places and routes the
 * netlist at the target's clock and reports the achieved fmax; a top with more I/O than the package
 * has pins is placed inside a generated serial {@link IoWrapper}. Other families have no open place
 * and route here: their fmax is the target's clock; on xc7 Yosys's {@code sta} adds the longest
 * path by cell delays ({@link StaticTiming}), an upper bound on the clock.
 *
 * <p>Everything is written to the output directory (by default DIR/synth-TARGET): the script
 * synth.ys, yosys.log, stat.txt, netlist.json, for iCE40 nextpnr.log and TOP.asc, for xc7 timing.ys
 * and sta.txt. One call:
 * {@code new SynthRunner().run(dir, top, target)}.
 */
public final class SynthRunner {
    /** The tool commands; tests point them elsewhere. */
    public record Tools(String yosys, String nextpnrIce40) {
        public static final Tools ON_PATH = new Tools("yosys", "nextpnr-ice40");
    }

    private static final long TIMEOUT_SECONDS = 6 * 3600;
    private static final int LOG_TAIL = 20;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern NEXTPNR_VERSION = Pattern.compile("\\(Version ([^)]+)\\)");

    private final Tools tools;
    private final Consumer<String> progress;

    public SynthRunner() {
        this(Tools.ON_PATH, line -> {
        });
    }

    /** {@code progress} receives one line per tool run (what runs, then how long it took). */
    public SynthRunner(Tools tools, Consumer<String> progress) {
        this.tools = tools;
        this.progress = progress;
    }

    /** The fmax source when the design exceeds the device and is not placed. */
    public static final String FMAX_NOT_PLACED = "not placed: the design does not fit the device";

    /** The default output directory: DIR/synth-TARGET. */
    public static Path defaultOutput(Path dir, Target target) {
        String name = target.name() == null ? "target" : target.name().replaceAll("[^A-Za-z0-9_.-]", "_");
        return dir.resolve("synth-" + name);
    }

    /** Synthesizes DIR's Verilog with {@code top} for {@code target}, writing into {@link #defaultOutput}. */
    public SynthReport run(Path dir, String top, Target target) {
        return run(dir, top, target, defaultOutput(dir, target));
    }

    /** Synthesizes DIR's Verilog with {@code top} for {@code target}, writing logs and netlists into {@code out}. */
    public SynthReport run(Path dir, String top, Target target, Path out) {
        Family family = Family.of(target);
        List<String> sources = sources(dir, top);
        String device = family == Family.ICE40 ? ice40Device(target) : null;
        String yosysVersion = version(tools.yosys(), "-V");
        String nextpnrVersion = family == Family.ICE40 ? nextpnrVersion() : null;
        createDirectories(out);
        String o = scriptPath(dir, out);

        String ys = "# FirstSpike synth: " + top + " for target " + target.name() + " (" + family.word + ")\n"
                + "read_verilog -sv " + String.join(" ", sources) + "\n"
                + "hierarchy -top " + top + "\n"
                + "proc\n"
                + "select -assert-none " + Family.LATCH_SELECTION + "\n"
                + family.synthesize(top, o + "/netlist.json", target.resources().dsps() > 0)
                + "select -assert-none " + Family.LATCH_SELECTION + "\n"
                + "tee -o " + o + "/stat.txt stat\n";
        String step = family.synthesize(top, "", target.resources().dsps() > 0).lines().findFirst().orElse("");
        double yosysSeconds = yosys(dir, out, "synth.ys", "yosys.log", ys, top, step.replace(" -json", "").trim());
        Map<String, Integer> cells = SynthLogs.cellCounts(read(out.resolve("stat.txt")));
        if (cells.isEmpty()) {
            throw new SynthException(SynthException.Kind.TOOL_FAILED, "yosys wrote no cell counts for " + top
                    + " (" + out.resolve("stat.txt") + "); the last lines of " + out.resolve("yosys.log") + ":\n"
                    + SynthLogs.tail(read(out.resolve("yosys.log")), LOG_TAIL));
        }
        double brams = family == Family.GENERIC
                ? genericRamBlocks(readJson(out.resolve("netlist.json")), top, target.resources().ramBlockBits())
                : family.brams(cells);

        StaticTiming timing = null;
        if (family == Family.XC7) {
            yosysSeconds += yosys(dir, out, "timing.ys", "timing.yosys.log",
                    StaticTiming.script(top, o + "/netlist.json", o + "/sta.txt"), top, "sta (the longest path)");
            timing = StaticTiming.parse(read(out.resolve("sta.txt")));
        }
        Integer lcs = null;
        Double fmax = target.clockMhz();
        String fmaxSource = SynthReport.FMAX_TARGET_CLOCK;
        Map<String, Double> perClock = Map.of();
        Map<String, SynthLogs.Use> utilisation = Map.of();
        IoWrapper.Info wrapped = null;
        Double nextpnrSeconds = null;
        java.util.List<String> over = SynthReport.overLimits(target.resources(), family.luts(cells), null,
                family.ffs(cells), brams, family.spram(cells), family.dsps(cells));
        if (family == Family.ICE40 && !over.isEmpty()) {
            // nextpnr would only fail: report the resources and why it cannot be placed
            progress.accept("nextpnr-ice40: not run, the design does not fit: " + String.join("; ", over));
            fmax = null;
            fmaxSource = FMAX_NOT_PLACED;
        } else if (family == Family.ICE40) {
            Placed p = place(dir, out, o, top, target, device);
            yosysSeconds += p.extraYosysSeconds();
            nextpnrSeconds = p.seconds();
            wrapped = p.wrapper();
            String log = read(p.log());
            utilisation = SynthLogs.utilisation(log);
            SynthLogs.Use lc = utilisation.get("ICESTORM_LC");
            lcs = lc == null ? null : lc.used();
            if (p.overfull()) {
                progress.accept("nextpnr-ice40: the design does not fit the device (" + p.log() + ")");
                fmax = null;
                fmaxSource = FMAX_NOT_PLACED;
            } else {
                perClock = SynthLogs.maxFrequencies(log);
                fmax = perClock.values().stream().min(Double::compare).orElse(null);
                fmaxSource = fmax == null ? SynthReport.FMAX_NEXTPNR_NO_CLOCK : SynthReport.FMAX_NEXTPNR;
            }
        }
        return new SynthReport(target, top, family.word, family.luts(cells), lcs, family.ffs(cells), brams,
                family.bramUnit(target), family.spram(cells), family.dsps(cells), fmax, fmaxSource, perClock, timing,
                0, cells, utilisation, wrapped, yosysVersion, nextpnrVersion, yosysSeconds, nextpnrSeconds, out, null,
                null);
    }

    /** {@code overfull}: nextpnr failed because the design needs more of some cell type than the device has. */
    private record Placed(Path log, double seconds, double extraYosysSeconds, IoWrapper.Info wrapper,
            boolean overfull) {
    }

    /** Whether a nextpnr log's utilisation table shows some cell type used beyond the device. */
    static boolean overfull(String nextpnrLog) {
        return SynthLogs.utilisation(nextpnrLog).values().stream().anyMatch(u -> u.used() > u.available());
    }

    /** nextpnr-ice40 on the netlist; if the top has more I/O than pins, again on a serial I/O wrapper. */
    private Placed place(Path dir, Path out, String o, String top, Target target, String device) {
        Path log = out.resolve("nextpnr.log");
        Ran direct = nextpnr(dir, out, o + "/netlist.json", o + "/" + top + ".asc", o + "/nextpnr.log", device, target);
        if (direct.code() == 0) {
            return new Placed(log, direct.seconds(), 0, null, false);
        }
        String text = read(log);
        if (!SynthLogs.ioPlacementFailed(text)) {
            if (overfull(text)) {
                return new Placed(log, direct.seconds(), 0, null, true);
            }
            throw nextpnrFailed(top, direct, log, text);
        }
        IoWrapper w = IoWrapper.fromNetlist(readJson(out.resolve("netlist.json")), top);
        IoWrapper.Info info = w.info();
        progress.accept(String.format(Locale.ROOT, "nextpnr-ice40: %s has %d I/O bits, more than the %s package "
                + "has pins; placing it in a serial I/O wrapper (%d live input and %d live output bits)", top,
                info.topInBits() + info.topOutBits() + info.clocks().size(), target.devicePackage(), info.inBits(),
                info.outBits()));
        write(out.resolve("io_wrapper.v"), w.verilog());
        // the top's own netlist, the one `stat` counted, inside the wrapper: only the wrapper's shift
        // registers and multiplexer are left to map (a fifth of the time of synthesizing the top again).
        // ABC9 cannot take the mapped cells (its loop check fails), and the wrapper's logic needs no timing-driven mapping.
        String step = "synth_ice40 -top " + IoWrapper.MODULE + " -json ";
        String ys = "# FirstSpike synth: " + top + "'s netlist inside " + IoWrapper.MODULE + " for nextpnr on "
                + target.name() + "\nread_json " + o + "/netlist.json\nread_verilog -sv " + o + "/io_wrapper.v\n"
                + step + o + "/wrapped.json\n";
        double ySeconds = yosys(dir, out, "wrapped.ys", "wrapped.yosys.log", ys, IoWrapper.MODULE, step.trim());
        Path wlog = out.resolve("nextpnr-wrapped.log");
        Ran wrapped = nextpnr(dir, out, o + "/wrapped.json", o + "/" + top + ".asc", o + "/nextpnr-wrapped.log",
                device, target);
        if (wrapped.code() != 0 && !overfull(read(wlog))) {
            throw nextpnrFailed(IoWrapper.MODULE + " around " + top, wrapped, wlog, read(wlog));
        }
        return new Placed(wlog, direct.seconds() + wrapped.seconds(), ySeconds, w.info(), wrapped.code() != 0);
    }

    private Ran nextpnr(Path dir, Path out, String json, String asc, String log, String device, Target target) {
        List<String> cmd = List.of(tools.nextpnrIce40(), "--" + device, "--package", target.devicePackage(), "--json",
                json, "--asc", asc, "--freq", String.format(Locale.ROOT, "%.3f", target.clockMhz()),
                "--pcf-allow-unconstrained", "--timing-allow-fail", "-q", "-l", log);
        progress.accept("nextpnr-ice40: --" + device + " --package " + target.devicePackage() + " --freq "
                + target.clockMhz() + " (log " + dir.resolve(log) + ")");
        Ran r = exec(tools.nextpnrIce40(), cmd, dir, out.resolve(Path.of(log).getFileName() + ".out"));
        progress.accept(String.format(Locale.ROOT, "nextpnr-ice40: %s in %.2f s", r.code() == 0 ? "done" : "failed",
                r.seconds()));
        return r;
    }

    private static SynthException nextpnrFailed(String what, Ran r, Path log, String text) {
        return new SynthException(SynthException.Kind.TOOL_FAILED, "nextpnr-ice40 failed on " + what + " (exit "
                + r.code() + "); the last lines of " + log + ":\n" + SynthLogs.tail(text, LOG_TAIL));
    }

    /** Writes and runs a Yosys script; throws on failure (a latch, or anything else with the log's tail). */
    private double yosys(Path dir, Path out, String script, String logName, String ys, String top, String what) {
        write(out.resolve(script), ys);
        String o = scriptPath(dir, out);
        progress.accept("yosys: " + what + " (log " + out.resolve(logName) + ")");
        Ran r = exec(tools.yosys(), List.of(tools.yosys(), "-q", "-l", o + "/" + logName, "-s", o + "/" + script), dir,
                out.resolve(logName + ".out"));
        progress.accept(String.format(Locale.ROOT, "yosys: %s in %.2f s", r.code() == 0 ? "done" : "failed",
                r.seconds()));
        if (r.code() != 0) {
            String log = read(out.resolve(logName));
            if (SynthLogs.latchAssertionFailed(log)) {
                List<String> latches = SynthLogs.latches(log);
                throw new SynthException(SynthException.Kind.LATCH, "latch found: Yosys infers " + latches.size()
                        + (latches.size() == 1 ? " latch" : " latches") + " in " + top + ": "
                        + String.join(", ", latches) + ". FirstSpike hardware must have no latches: assign every "
                        + "signal on every path of a combinational always block (or make it clocked). Log: "
                        + out.resolve(logName));
            }
            if (log.isBlank()) {
                log = read(out.resolve(logName + ".out"));
            }
            int from = log.indexOf("-- Executing script file");
            throw new SynthException(SynthException.Kind.TOOL_FAILED, "yosys failed on " + top + " (exit " + r.code()
                    + "); the last lines of " + out.resolve(logName) + ":\n"
                    + SynthLogs.tail(from < 0 ? log : log.substring(from), LOG_TAIL));
        }
        return r.seconds();
    }

    private record Ran(int code, double seconds) {
    }

    private static Ran exec(String tool, List<String> cmd, Path cwd, Path output) {
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw SynthException.missingTool(tool, e.getMessage());
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SynthException(SynthException.Kind.TOOL_FAILED, tool + " did not finish in "
                        + TIMEOUT_SECONDS / 3600 + " hours; output in " + output);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SynthException(SynthException.Kind.TOOL_FAILED, tool + " was interrupted");
        }
        return new Ran(p.exitValue(), (System.nanoTime() - t0) / 1e9);
    }

    /** The first line a tool prints for its version flag; a tool that cannot run is reported missing. */
    private static String version(String tool, String flag) {
        try {
            Process p = new ProcessBuilder(tool, flag).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw SynthException.missingTool(tool, "'" + tool + " " + flag + "' failed: " + text.trim());
            }
            return text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(tool);
        } catch (IOException e) {
            throw SynthException.missingTool(tool, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynthException(SynthException.Kind.TOOL_FAILED, tool + " was interrupted");
        }
    }

    private String nextpnrVersion() {
        String line = version(tools.nextpnrIce40(), "--version");
        Matcher m = NEXTPNR_VERSION.matcher(line);
        return m.find() ? "nextpnr-ice40 " + m.group(1) : line;
    }

    /** The *.v and *.sv files of {@code dir} but the testbenches, as names relative to it (Yosys runs there), sorted. */
    private static List<String> sources(Path dir, String top) {
        if (top == null || !IDENTIFIER.matcher(top).matches()) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "top '" + top + "' is not a Verilog module name");
        }
        if (!Files.isDirectory(dir)) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, dir + " is not a directory");
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && (name.endsWith(".v") || name.endsWith(".sv")) && !isTestbench(name)) {
                    if (!name.matches("[A-Za-z0-9_.+-]+")) {
                        throw new SynthException(SynthException.Kind.BAD_INPUT, "cannot pass the file name '" + name
                                + "' to Yosys; rename it without spaces or special characters");
                    }
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "cannot list " + dir + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new SynthException(SynthException.Kind.BAD_INPUT,
                    "no Verilog files (*.v, *.sv) but testbenches (tb_*, *_tb) in " + dir);
        }
        return out;
    }

    /** A testbench by the naming both hdl/tb and compile projects use: tb_NAME.sv, NAME_tb.sv (or .v). */
    static boolean isTestbench(String fileName) {
        String base = fileName.substring(0, fileName.lastIndexOf('.'));
        return base.startsWith("tb_") || base.endsWith("_tb");
    }

    private static String ice40Device(Target target) {
        String d = target.device() == null ? "" : target.device().toLowerCase(Locale.ROOT);
        if (!Family.ICE40_DEVICES.contains(d)) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "target " + target.name() + ": device '"
                    + target.device() + "' is not one nextpnr-ice40 knows (" + String.join(", ",
                    Family.ICE40_DEVICES) + ")");
        }
        String pkg = target.devicePackage();
        if (pkg == null || pkg.isBlank() || pkg.equals("none") || !pkg.matches("[A-Za-z0-9:]+")) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "target " + target.name() + " needs a package "
                    + "for nextpnr-ice40 (e.g. sg48, ct256), not '" + pkg + "'");
        }
        return d;
    }

    /** How the script names the output directory: relative to the working directory when inside it. */
    private static String scriptPath(Path dir, Path out) {
        Path a = dir.toAbsolutePath().normalize();
        Path b = out.toAbsolutePath().normalize();
        // relative, so the scripts still run after the command moves both directories into place
        String s = a.getRoot().equals(b.getRoot()) ? a.relativize(b).toString() : b.toString();
        if (s.isEmpty()) {
            s = ".";
        }
        if (s.matches(".*[\\s\"';].*")) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "the output directory " + out
                    + " has spaces or quotes in its path, which Yosys scripts cannot take");
        }
        return s;
    }

    /**
     * Generic: every memory Yosys left as a $mem/$mem_v2 cell, rounded up to whole blocks of
     * {@code blockBits} (one block each when the target gives no block size).
     */
    static double genericRamBlocks(JsonNode netlist, String top, int blockBits) {
        double blocks = 0;
        for (Iterator<JsonNode> it = netlist.path("modules").path(top).path("cells").elements(); it.hasNext();) {
            JsonNode cell = it.next();
            if (!cell.path("type").asText().startsWith("$mem")) {
                continue;
            }
            long bits = param(cell, "WIDTH") * param(cell, "SIZE");
            blocks += blockBits > 0 ? Math.max(1, (bits + blockBits - 1) / blockBits) : 1;
        }
        return blocks;
    }

    private static long param(JsonNode cell, String name) {
        JsonNode v = cell.path("parameters").path(name);
        if (v.isNumber()) {
            return v.asLong();
        }
        String s = v.asText().trim();
        return s.matches("[01]+") ? new BigInteger(s, 2).longValueExact() : 0;
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new SynthException(SynthException.Kind.TOOL_FAILED, "cannot read the Yosys netlist " + file + ": "
                    + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new SynthException(SynthException.Kind.TOOL_FAILED, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SynthException(SynthException.Kind.BAD_INPUT, "cannot create " + dir + ": " + e.getMessage());
        }
    }
}
