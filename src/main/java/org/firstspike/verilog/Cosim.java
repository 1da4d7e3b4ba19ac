package org.firstspike.verilog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;

/**
 * Co-simulation: the same input ticks through the Java engine (early exit) and the Verilog engine
 * under Verilator, compared image by image: decision, decision tick, every output spike at or
 * before the decision tick (what the hardware knows when it stops) and cycles to the decision.
 * In debug mode one image's every internal spike is compared too, stage by stage.
 */
public final class Cosim {
    /** What the Verilog engine reported for one image. */
    public record HwImage(int decision, int decisionTick, long cycles, long clocks, TreeMap<Integer, Integer> spikes) {
    }

    /** One image's comparison; {@code firstDifference} is null when they agree. */
    public record ImageResult(int image, SimResult expected, HwImage actual, String firstDifference) {
        public boolean cyclesEqual() {
            return actual != null && expected.cyclesToDecision() == actual.cycles();
        }
    }

    /** One element where the engines' ticks differ in the debug dump. */
    public record Divergence(String stage, int index, int expected, int actual) {
        @Override
        public String toString() {
            return String.format("stage '%s', element %d: Java tick %s, Verilog tick %s", stage, index,
                    show(expected), show(actual));
        }

        private static String show(int t) {
            return t == Integer.MAX_VALUE ? "never" : Integer.toString(t);
        }
    }

    private final SimProgram program;
    private final HardwareImage image;
    private final EngineProject project;

    public Cosim(SimProgram program, String network) {
        this.program = program;
        this.image = HardwareImage.of(program);
        this.project = new EngineProject(image, network);
    }

    /** Writes the project into {@code dir} and builds it with Verilator ({@code trace}: able to write a VCD). */
    public void build(Path dir, boolean trace) throws IOException, Verilator.ToolException {
        project.write(dir);
        Verilator.build(dir, project.sources(), trace);
    }

    public void build(Path dir) throws IOException, Verilator.ToolException {
        build(dir, false);
    }

    /** Runs {@code inputs} on a built project; {@code dumpImage} (or −1) also dumps that image's every tick. */
    public List<ImageResult> run(Path dir, List<int[]> inputs, int dumpImage, IntConsumer progress)
            throws IOException, Verilator.ToolException {
        return run(dir, inputs, dumpImage, false, progress);
    }

    /** As above; {@code trace} also writes dir/trace.vcd (the project must be built with trace). */
    public List<ImageResult> run(Path dir, List<int[]> inputs, int dumpImage, boolean trace, IntConsumer progress)
            throws IOException, Verilator.ToolException {
        return run(dir, inputs, dumpImage, trace, 0, progress);
    }

    /** As above; {@code hostGaps} > 0 makes the testbench a slow host, up to that many idle clocks per event. */
    public List<ImageResult> run(Path dir, List<int[]> inputs, int dumpImage, boolean trace, int hostGaps,
            IntConsumer progress) throws IOException, Verilator.ToolException {
        Files.writeString(dir.resolve("inputs.txt"), TestbenchFiles.inputs(inputs, image));
        Files.deleteIfExists(dir.resolve("dump.txt"));
        int[] seen = {0};
        List<String> plusargs = new ArrayList<>();
        if (dumpImage >= 0) {
            plusargs.add("+dump=" + dumpImage);
        }
        if (trace) {
            plusargs.add("+trace");
        }
        if (hostGaps > 0) {
            plusargs.add("+gaps=" + hostGaps);
        }
        Verilator.simulate(dir, plusargs, line -> {
            if (line.startsWith("done ")) {
                progress.accept(++seen[0]);
            }
        });
        List<HwImage> hw = parse(Files.readAllLines(dir.resolve("results.txt")));
        Engine engine = new Engine(program, true);
        int out = program.stageIndex(program.ir().output());
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SimResult r = engine.run(inputs.get(i), true);
            HwImage h = i < hw.size() ? hw.get(i) : null;
            results.add(new ImageResult(i, r, h, compare(r, r.ticks()[out], h, image)));
        }
        return results;
    }

    /** Convenience for tests: build into {@code dir}, run, no dump. */
    public List<ImageResult> run(Path dir, List<int[]> inputs) throws IOException, Verilator.ToolException {
        build(dir);
        return run(dir, inputs, -1, k -> { });
    }

    /**
     * The debug comparison of the dumped image: every stage before the output completely, the
     * output core's spikes up to the decision tick. Stages in order, elements in order.
     */
    public List<Divergence> divergences(Path dir, SimResult expected) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("dump.txt"));
        List<Divergence> out = new ArrayList<>();
        int outStage = program.stageIndex(program.ir().output());
        for (int s = 0; s < image.stages.size(); s++) {
            HardwareImage.StageDescriptor d = image.stages.get(s);
            int[] want = expected.ticks()[s];
            for (int j = 0; j < d.size(); j++) {
                int got = (int) Long.parseLong(lines.get(d.tickBase() + j).trim());
                if (s == outStage && (expected.decisionTick() < 0 || want[j] > expected.decisionTick())) {
                    continue; // the hardware stops at the decision: later output spikes are unknown
                }
                if (got != want[j]) {
                    out.add(new Divergence(d.name(), j, want[j], got));
                }
            }
        }
        return out;
    }

    static List<HwImage> parse(List<String> lines) {
        List<HwImage> out = new ArrayList<>();
        for (String line : lines) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("image")) {
                out.add(new HwImage(Integer.parseInt(w[3]), Integer.parseInt(w[5]), Long.parseLong(w[7]),
                        Long.parseLong(w[9]), new TreeMap<>()));
            } else if (w[0].equals("spike")) {
                out.get(out.size() - 1).spikes().put(Integer.parseInt(w[1]), Integer.parseInt(w[2]));
            }
        }
        return out;
    }

    private static String compare(SimResult r, int[] outTicks, HwImage h, HardwareImage image) {
        if (h == null) {
            return "the Verilog engine reported nothing";
        }
        TreeMap<Integer, Integer> expected = TestbenchFiles.outputSpikes(r, outTicks);
        if (!expected.equals(h.spikes())) {
            for (int j = 0; j < outTicks.length; j++) {
                Integer want = expected.get(j);
                Integer got = h.spikes().get(j);
                if (want == null ? got != null : !want.equals(got)) {
                    return String.format("output neuron %d: Java %s, Verilog %s", j,
                            want == null ? "no spike by the decision" : "spike at tick " + want,
                            got == null ? "no spike by the decision" : "spike at tick " + got);
                }
            }
        }
        if (r.decision() != h.decision()) {
            return "decision: Java class " + r.decision() + ", Verilog class " + h.decision();
        }
        if (r.decisionTick() != h.decisionTick()) {
            return "decision tick: Java " + r.decisionTick() + ", Verilog " + h.decisionTick();
        }
        if (r.cyclesToDecision() != h.cycles()) {
            return "cycles to the decision: Java " + r.cyclesToDecision() + ", Verilog " + h.cycles();
        }
        long clocks = EngineClocks.clocks(image, r);
        if (clocks != h.clocks()) {
            return "clocks to the decision: predicted from the Java cycles and event steps " + clocks + ", Verilog "
                    + h.clocks();
        }
        return null;
    }
}
