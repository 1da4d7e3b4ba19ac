package org.firstspike.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.firstspike.data.Dataset;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.dsl.Frontend;
import org.firstspike.ir.IrBuilder;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.passes.PassContext;
import org.firstspike.passes.Pipeline;
import org.firstspike.reference.FloatReference;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;
import org.firstspike.verilog.EngineClocks;

/**
 * Measures the figures of `firstspike bench` in one process: every timing is single-threaded,
 * taken after a warm-up, and the median of {@code rounds} rounds. Progress goes to {@code log}.
 */
public final class Bench {
    /** What to measure, and how much. */
    public record Settings(Path seedFile, Dataset data, int seedImages, int referenceImages, int denseSize,
            int denseImages, List<Long> sizes, SyntheticNetworks.Format weights, int rounds) {
    }

    private final Settings s;
    private final Consumer<String> log;
    private long sink;
    private long stamp = System.currentTimeMillis() / 1000;

    public Bench(Settings settings, Consumer<String> log) {
        this.s = settings;
        this.log = log;
    }

    public BenchReport run() {
        Machine machine = Machine.here();
        Path dir;
        try {
            dir = Files.createTempDirectory("firstspike-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // The seed model first: run after the dense network, the JIT's profile of the engine's
            // delivery loop is the dense one's, which cost the seed model about 20 % (225 against
            // 279 img/s in one pair of runs).
            List<BenchReport.Cycles> cycles = new ArrayList<>();
            List<BenchReport.Latency> latency = new ArrayList<>();
            BenchReport.Seed seed = s.seedFile() != null ? seed(cycles, latency) : null;
            BenchReport.Events events = s.denseSize() > 0 ? events(dir) : null;
            Target unbounded = unbounded(Targets.load("generic"));
            List<BenchReport.CompileSize> compile = compile(dir, unbounded);
            return new BenchReport(machine, s.rounds(), events, seed, cycles, latency, compile,
                    String.format("%s weights; the generic engine, %d lanes, with unbounded RAM so every size places",
                            s.weights() == SyntheticNetworks.Format.NPY ? "int8 .npy" : "JSON",
                            unbounded.engine().lanes()));
        } finally {
            delete(dir);
        }
    }

    // ---- 1. synaptic events per second -----------------------------------------------------------

    private BenchReport.Events events(Path dir) {
        int n = s.denseSize();
        // θ/s at about 6 standard deviations of a random ±level sum over n inputs (σ ≈ 73·√n): hidden
        // neurons almost never fire, so nearly every event reaches every hidden neuron. Small n caps it at
        // half the largest reachable sum (≈ 32·n), or remove-dead-neurons would leave no synapse at all.
        double theta = Math.min(6 * 73.3 * Math.sqrt(n), 16.0 * n);
        SyntheticNetworks.Written w = SyntheticNetworks.dense(dir, "events", n, n, 10, theta, 1);
        log.accept("synaptic events: " + w.description() + ", " + s.denseImages() + " images of random input times");
        Target simulator = Targets.load(SIMULATOR_TARGET);
        IrProgram ir = compileIr(Frontend.load(w.file()), simulator);
        SimProgram program = SimProgram.of(ir, simulator.engine());
        SplittableRandom r = new SplittableRandom(2);
        int[][] inputs = new int[s.denseImages()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = HostInput.ticks(SyntheticNetworks.randomTimes(r, w.inputs()), ir);
        }
        long[] z = new long[program.table().horizon() + 1];
        for (int t = 0; t < z.length; t++) {
            z[t] = program.table().z(t);
        }
        EventLoopBaseline base = new EventLoopBaseline(ir.node("h"), z);
        Engine engine = new Engine(program, true);
        warm(() -> engineOps(engine, inputs), () -> baselineOps(base, inputs));
        double[] rate = new double[s.rounds()];
        double[] baseRate = new double[s.rounds()];
        long ops = 0;
        long baseOps = 0;
        for (int k = 0; k < s.rounds(); k++) {
            long t0 = System.nanoTime();
            ops = engineOps(engine, inputs);
            rate[k] = ops / Stopwatch.since(t0);
            t0 = System.nanoTime();
            baseOps = baselineOps(base, inputs);
            baseRate[k] = baseOps / Stopwatch.since(t0);
        }
        sink += base.checksum();
        return new BenchReport.Events(w.description(), inputs.length, ops / (double) inputs.length,
                Stopwatch.median(rate), baseOps / (double) inputs.length, Stopwatch.median(baseRate));
    }

    private long engineOps(Engine engine, int[][] inputs) {
        long ops = 0;
        for (int[] in : inputs) {
            SimResult res = engine.run(in, false);
            ops += res.synapticEvents();
        }
        return ops;
    }

    private static long baselineOps(EventLoopBaseline base, int[][] inputs) {
        long ops = 0;
        for (int[] in : inputs) {
            ops += base.run(in);
        }
        return ops;
    }

    // ---- 2 and 3. the seed model: images per second, cycles against the limit -------------------------

    private BenchReport.Seed seed(List<BenchReport.Cycles> cycles, List<BenchReport.Latency> latency) {
        Network net = Frontend.load(s.seedFile());
        Dataset data = s.data();
        if (data.sampleSize() != net.inputOp().sampleShape().size()) {
            throw DiagnosticException.fileError(data.name(), "samples do not fit input '" + net.input().name() + "'");
        }
        int images = Math.min(s.seedImages(), data.count());
        int refImages = Math.min(s.referenceImages(), data.count());
        FloatReference ref = new FloatReference(net);
        Target simulator = Targets.load(SIMULATOR_TARGET);
        IrProgram ir = compileIr(net, simulator);
        SimProgram program = SimProgram.of(ir, simulator.engine());
        log.accept("seed: " + net.name() + ", host encoder for " + images + " images");
        int[][] ticks = new int[images][];
        for (int i = 0; i < images; i++) {
            ticks[i] = HostInput.ticks(ref.inputTimes(data.sample(i)), ir);
        }
        double[][] samples = new double[refImages][];
        for (int i = 0; i < refImages; i++) {
            samples[i] = data.sample(i);
        }
        log.accept("seed: integer engine, " + images + " images × " + s.rounds() + " rounds");
        Engine engine = new Engine(program, true);
        long[] sums = new long[2];
        int[][] warmTicks = java.util.Arrays.copyOf(ticks, Math.min(images, 100));
        warm(() -> seedRound(engine, warmTicks, new long[2]));
        double[] engineRate = new double[s.rounds()];
        for (int k = 0; k < s.rounds(); k++) {
            long t0 = System.nanoTime();
            seedRound(engine, ticks, sums);
            engineRate[k] = images / Stopwatch.since(t0);
        }
        cycles.add(new BenchReport.Cycles(simulator.name(), simulator.engine().lanes(),
                simulator.engine().neuronUnits(), images, sums[0] / (double) images, sums[1] / (double) images));
        log.accept("seed: float reference, " + refImages + " images × " + s.rounds() + " rounds");
        double[][] warmSamples = java.util.Arrays.copyOf(samples, Math.min(refImages, 50));
        warm(() -> referenceRound(ref, warmSamples));
        double[] refRate = new double[s.rounds()];
        for (int k = 0; k < s.rounds(); k++) {
            long t0 = System.nanoTime();
            sink += referenceRound(ref, samples);
            refRate[k] = refImages / Stopwatch.since(t0);
        }
        Target xc = Targets.load("xc7a35t-units8");
        log.accept("seed: cycles on " + xc.name());
        IrProgram xir = compileIr(net, xc);
        Engine xe = new Engine(SimProgram.of(xir, xc.engine()), true);
        int[][] xticks = new int[images][];
        for (int i = 0; i < images; i++) {
            xticks[i] = HostInput.ticks(ref.inputTimes(data.sample(i)), xir);
        }
        seedRound(xe, xticks, sums);
        cycles.add(new BenchReport.Cycles(xc.name(), xc.engine().lanes(), xc.engine().neuronUnits(), images,
                sums[0] / (double) images, sums[1] / (double) images));
        for (String t : LATENCY_TARGETS) {
            latency.add(latency(net, ref, data, images, Targets.load(t)));
        }
        return new BenchReport.Seed(net.name(), data.name(), images, Stopwatch.median(engineRate), refImages,
                Stopwatch.median(refRate));
    }

    /**
     * The engine configuration of the simulator figures (events/s, img/s, cycles ÷ limit): 8 lanes,
     * 4 neuron units, 8-wide streams, the one their goals were set and first measured on.
     */
    static final String SIMULATOR_TARGET = "generic-units4";

    /** The Artix-7 configurations of the Verilog engine whose µs per image the bench measures. */
    static final List<String> LATENCY_TARGETS = List.of("xc7a35t-lanes8", "xc7a35t");

    /** The seed's mean engine cycles and Verilog clocks per image on a target the Verilog engine runs. */
    private BenchReport.Latency latency(Network net, FloatReference ref, Dataset data, int images, Target t) {
        log.accept("seed: Verilog engine clocks on " + t.name());
        IrProgram ir = compileIr(net, t);
        SimProgram program = SimProgram.of(ir, t.engine());
        HardwareImage image = HardwareImage.of(program);
        Engine engine = new Engine(program, true);
        long cycles = 0;
        long clocks = 0;
        for (int i = 0; i < images; i++) {
            SimResult r = engine.run(HostInput.ticks(ref.inputTimes(data.sample(i)), ir), false);
            cycles += r.cyclesToDecision();
            clocks += EngineClocks.clocks(image, r);
        }
        return new BenchReport.Latency(t.name(), images, cycles / (double) images, clocks / (double) images,
                t.clockMhz());
    }

    /** One pass over the images; sums[0] = Σ cycles to the decision, sums[1] = Σ synaptic events before it. */
    private long seedRound(Engine engine, int[][] ticks, long[] sums) {
        long cyc = 0;
        long syn = 0;
        long classes = 0;
        for (int[] t : ticks) {
            SimResult r = engine.run(t, false);
            cyc += r.cyclesToDecision();
            syn += r.synapticEventsBeforeDecision();
            classes += r.decision();
        }
        sums[0] = cyc;
        sums[1] = syn;
        sink += classes;
        return classes;
    }

    private static long referenceRound(FloatReference ref, double[][] samples) {
        long classes = 0;
        for (double[] x : samples) {
            classes += ref.decide(ref.evaluate(x));
        }
        return classes;
    }

    // ---- 4. compile time against network size ----------------------------------------------------

    private List<BenchReport.CompileSize> compile(Path dir, Target target) {
        List<BenchReport.CompileSize> out = new ArrayList<>();
        if (s.sizes().isEmpty()) {
            return out;
        }
        List<SyntheticNetworks.Written> nets = new ArrayList<>();
        for (long size : s.sizes()) {
            log.accept("compile: writing a network of " + BenchReport.count(size) + " synapses");
            nets.add(SyntheticNetworks.sized(dir, size, 3 + size, s.weights()));
        }
        log.accept("compile: warm-up");
        SyntheticNetworks.Written warmNet = SyntheticNetworks.sized(dir, 200_000, 5, s.weights());
        for (int k = 0; k < 3; k++) {
            compileOnce(warmNet, target);
        }
        for (int i = 0; i < nets.size(); i++) {
            SyntheticNetworks.Written w = nets.get(i);
            long size = s.sizes().get(i);
            int repeats = size <= 1_000_000 ? Math.max(3, s.rounds()) : 3;
            log.accept("compile: " + BenchReport.count(w.synapses()) + " synapses × " + repeats);
            double[][] phases = new double[3][repeats];
            long peak = 0;
            long live = 0;
            for (int k = 0; k < repeats; k++) {
                Stopwatch.resetPeakHeap();
                Compiled c = compileOnce(w, target);
                peak = Math.max(peak, Stopwatch.peakHeap());
                for (int p = 0; p < 3; p++) {
                    phases[p][k] = c.seconds[p];
                }
                if (k == 0) {
                    live = Stopwatch.liveHeap();
                }
                sink += c.program.stageNames().size();
            }
            out.add(new BenchReport.CompileSize(size, w.synapses(), w.description(), repeats,
                    Stopwatch.median(phases[0]), Stopwatch.median(phases[1]), Stopwatch.median(phases[2]), peak, live));
        }
        return out;
    }

    private record Compiled(SimProgram program, double[] seconds) {
    }

    private Compiled compileOnce(SyntheticNetworks.Written w, Target target) {
        // The front end caches weight files by path and modification time: a new time makes it read them again.
        try {
            Files.setLastModifiedTime(w.weights(), java.nio.file.attribute.FileTime.fromMillis(++stamp * 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        Network net = Frontend.load(w.file());
        long t1 = System.nanoTime();
        IrProgram ir = compileIr(net, target);
        long t2 = System.nanoTime();
        SimProgram program = SimProgram.of(ir, target.engine());
        long t3 = System.nanoTime();
        return new Compiled(program, new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9});
    }

    private static IrProgram compileIr(Network net, Target target) {
        PassContext ctx = new PassContext(net.source(), CompileOptions.defaults(), target);
        return Pipeline.run(IrBuilder.fromNetwork(net), ctx, (p, ir) -> { });
    }

    /** The generic target with RAM enough for any size: placement still runs, but never rejects. */
    static Target unbounded(Target t) {
        Target.Resources r = t.resources();
        Target.Resources big = new Target.Resources(r.logicCells(), r.luts(), r.ffs(), 1_000_000_000,
                r.ramBlockBits(), r.spramBlocks(), r.spramBlockBits(), r.dsps());
        return new Target(t.name() + "-unbounded", t.description(), t.family(), t.device(), t.devicePackage(), big,
                t.clockMhz(), t.engine());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Warm-up: runs each task until one second has passed, at least twice. */
    private void warm(java.util.function.LongSupplier... tasks) {
        for (java.util.function.LongSupplier task : tasks) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 2 || Stopwatch.since(t0) < 1.0; k++) {
                sink += task.getAsLong();
            }
        }
    }

    /** Keeps results alive so the JIT cannot drop benchmarked work; meaningless otherwise. */
    public long sink() {
        return sink;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
