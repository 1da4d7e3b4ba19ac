package org.firstspike.verilog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;

/**
 * Co-simulation: the same input ticks through the Java engine (early exit) and the Verilog engine
 * under Verilator, compared image by image: decision, decision tick, cycles to the decision, and
 * every output spike at or before the decision tick (the outputs the hardware knows when it stops).
 */
public final class Cosim {
    /** What the Verilog engine reported for one image. */
    public record HwImage(int decision, int decisionTick, long cycles, TreeMap<Integer, Integer> spikes) {
    }

    /** One image's comparison; {@code firstDifference} is null when they agree. */
    public record ImageResult(int image, SimResult expected, HwImage actual, String firstDifference) {
    }

    private final SimProgram program;
    private final String network;

    public Cosim(SimProgram program, String network) {
        this.program = program;
        this.network = network;
    }

    /** Writes the project into {@code dir}, builds it with Verilator and runs {@code inputs}. */
    public List<ImageResult> run(Path dir, List<int[]> inputs) throws IOException, Verilator.ToolException {
        EngineProject project = new EngineProject(HardwareImage.of(program), network);
        project.write(dir);
        StringBuilder in = new StringBuilder().append(inputs.size()).append('\n');
        for (int[] ticks : inputs) {
            for (int t : ticks) {
                in.append(t).append(' ');
            }
            in.append('\n');
        }
        Files.writeString(dir.resolve("inputs.txt"), in.toString());
        Verilator.build(dir, project.sources());
        Verilator.simulate(dir);
        List<HwImage> hw = parse(Files.readAllLines(dir.resolve("results.txt")));
        Engine engine = new Engine(program, true);
        int out = program.stageIndex(program.ir().output());
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SimResult r = engine.run(inputs.get(i), true);
            HwImage h = i < hw.size() ? hw.get(i) : null;
            results.add(new ImageResult(i, r, h, compare(r, r.ticks()[out], h)));
        }
        return results;
    }

    static List<HwImage> parse(List<String> lines) {
        List<HwImage> out = new ArrayList<>();
        for (String line : lines) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("image")) {
                out.add(new HwImage(Integer.parseInt(w[3]), Integer.parseInt(w[5]), Long.parseLong(w[7]),
                        new TreeMap<>()));
            } else if (w[0].equals("spike")) {
                out.get(out.size() - 1).spikes().put(Integer.parseInt(w[1]), Integer.parseInt(w[2]));
            }
        }
        return out;
    }

    private static String compare(SimResult r, int[] outTicks, HwImage h) {
        if (h == null) {
            return "the Verilog engine reported nothing";
        }
        if (r.decision() != h.decision()) {
            return "decision: expected class " + r.decision() + ", Verilog " + h.decision();
        }
        if (r.decisionTick() != h.decisionTick()) {
            return "decision tick: expected " + r.decisionTick() + ", Verilog " + h.decisionTick();
        }
        TreeMap<Integer, Integer> expected = new TreeMap<>();
        for (int j = 0; j < outTicks.length && r.decisionTick() >= 0; j++) {
            if (outTicks[j] <= r.decisionTick()) {
                expected.put(j, outTicks[j]);
            }
        }
        if (!expected.equals(h.spikes())) {
            return "output spikes (neuron=tick): expected " + expected + ", Verilog " + h.spikes();
        }
        if (r.cyclesToDecision() != h.cycles()) {
            return "cycles to the decision: expected " + r.cyclesToDecision() + ", Verilog " + h.cycles();
        }
        return null;
    }
}
