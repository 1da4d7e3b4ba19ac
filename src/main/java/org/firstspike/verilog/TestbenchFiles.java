package org.firstspike.verilog;

import java.util.List;
import java.util.TreeMap;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;

/**
 * The testbench's text files: {@code inputs.txt} from the host's input ticks, and the
 * {@code results.txt} the Java simulator predicts ({@code expected.txt}), line for line in the
 * testbench's own format, so a project can check itself without FirstSpike.
 */
public final class TestbenchFiles {
    private TestbenchFiles() {
    }

    /** The host's events, image by image: every input that spikes (the others carry the no-spike tick). */
    public static String inputs(List<int[]> inputs, HardwareImage image) {
        StringBuilder in = new StringBuilder().append(inputs.size()).append('\n');
        for (int[] ticks : inputs) {
            int events = 0;
            StringBuilder pairs = new StringBuilder();
            for (int e = 0; e < ticks.length; e++) {
                if (ticks[e] != image.inputNoSpikeTick) {
                    pairs.append(' ').append(e).append(' ').append(ticks[e]);
                    events++;
                }
            }
            in.append(events).append(pairs).append('\n');
        }
        return in.toString();
    }

    /** What the testbench writes for these inputs if the Verilog computes what the simulator does. */
    public static String expected(SimProgram program, HardwareImage image, List<int[]> inputs) {
        Engine engine = new Engine(program, true);
        int out = program.stageIndex(program.ir().output());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            SimResult r = engine.run(inputs.get(i), true);
            sb.append(String.format(java.util.Locale.ROOT, "image %d decision %d tick %d cycles %d clocks %d%n", i,
                    r.decision(), r.decisionTick() < 0 ? -1 : r.decisionTick(), r.cyclesToDecision(),
                    EngineClocks.clocks(image, r)));
            outputSpikes(r, r.ticks()[out]).forEach((j, t) -> sb.append("spike ").append(j).append(' ').append(t)
                    .append('\n'));
        }
        return sb.toString();
    }

    /** The output spikes the engine streams out: at or before the decision tick, by neuron. */
    static TreeMap<Integer, Integer> outputSpikes(SimResult r, int[] outTicks) {
        TreeMap<Integer, Integer> spikes = new TreeMap<>();
        for (int j = 0; j < outTicks.length && r.decisionTick() >= 0; j++) {
            if (outTicks[j] <= r.decisionTick()) {
                spikes.put(j, outTicks[j]);
            }
        }
        return spikes;
    }
}
