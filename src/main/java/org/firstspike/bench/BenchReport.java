package org.firstspike.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.firstspike.report.Json;
import org.firstspike.report.Table;

/** The figures of one `firstspike bench` run, each with its goal, as text or JSON. */
public record BenchReport(Machine machine, int rounds, Events events, Seed seed, List<Cycles> cycles,
        List<Latency> latency, List<CompileSize> compile, String compileTarget) {

    /** Synaptic events per second the engine should reach on one core. */
    public static final double EVENTS_GOAL = 2e8;
    /** Seed images per second: the integer engine, and the float reference. */
    public static final double ENGINE_GOAL = 250;
    public static final double REFERENCE_GOAL = 50;
    /** The seed's PyTorch speed on one core as quoted in the issue; not measured here. */
    public static final double PYTORCH_QUOTED = 5;
    /** Cycles per image at most this many times the limit. */
    public static final double CYCLES_GOAL = 1.25;
    /** Microseconds per seed image on the xc7a35t: the hardware issue's goal. */
    public static final double LATENCY_GOAL_US = 100;
    /** Compile time of a 1M-synapse network, in seconds. */
    public static final double COMPILE_1M_GOAL = 5;
    /** Linear compile: the largest size's time per synapse at most this many times the smallest's. */
    public static final double LINEAR_GOAL = 1.5;

    /** Section 1: the engine's and a plain Java loop's synaptic event rates on a dense network. */
    public record Events(String network, int images, double eventsPerImage, double eventsPerSecond,
            double baselineEventsPerImage, double baselineEventsPerSecond) {

        double ratioToBaseline() {
            return eventsPerSecond / baselineEventsPerSecond;
        }
    }

    /** Section 2: images per second on the seed model, one thread. */
    public record Seed(String network, String data, int images, double engineImagesPerSecond,
            int referenceImages, double referenceImagesPerSecond) {
    }

    /** Section 3: mean cycles to the decision against the limit (synaptic events before it ÷ lanes). */
    public record Cycles(String target, int lanes, int neuronUnits, int images, double cyclesPerImage,
            double synapticEventsBeforeDecision) {

        public double limit() {
            return synapticEventsBeforeDecision / lanes;
        }

        public double ratio() {
            return cyclesPerImage / limit();
        }
    }

    /**
     * Section 3b: the seed on a target the Verilog engine runs — its clocks per image from the
     * simulator's cycles (EngineClocks, which co-simulation checks), at the target's stated clock.
     */
    public record Latency(String target, int images, double engineCyclesPerImage, double clocksPerImage,
            double clockMhz) {

        public double usPerImage() {
            return clocksPerImage / clockMhz;
        }
    }

    /** Section 4: one compile size, median seconds per phase over {@code repeats} compiles. */
    public record CompileSize(long requested, long synapses, String network, int repeats, double frontEndSeconds,
            double passesSeconds, double simProgramSeconds, long peakHeapBytes, long liveHeapBytes) {

        public double totalSeconds() {
            return frontEndSeconds + passesSeconds + simProgramSeconds;
        }

        public double nsPerSynapse() {
            return totalSeconds() * 1e9 / synapses;
        }
    }

    /** Time per synapse of the largest size over the smallest's. */
    public double perSynapseRatio() {
        return compile.isEmpty() ? Double.NaN
                : compile.get(compile.size() - 1).nsPerSynapse() / compile.get(0).nsPerSynapse();
    }

    /** log(t2/t1) / log(n2/n1) between the two largest sizes: 1 is linear. */
    public double growthExponent() {
        if (compile.size() < 2) {
            return Double.NaN;
        }
        CompileSize a = compile.get(compile.size() - 2);
        CompileSize b = compile.get(compile.size() - 1);
        return Math.log(b.totalSeconds() / a.totalSeconds()) / Math.log((double) b.synapses() / a.synapses());
    }

    /** Seconds to compile 1M synapses: the measured 1M size, else null. */
    public CompileSize oneMillion() {
        return compile.stream().filter(c -> c.requested() == 1_000_000).findFirst().orElse(null);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("firstspike bench on ").append(machine.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "Every figure is measured in this run on one thread: median of %d rounds "
                + "after a warm-up (compile sizes: median of the repeats shown). Goals are never asserted by tests.%n%n",
                rounds));
        Table t = new Table("figure", "measured", "goal", "measured/goal", "met", "notes");
        if (events != null) {
            t.row("synaptic events/s, engine, " + events.network(), sci(events.eventsPerSecond()), "≥ " + sci(EVENTS_GOAL),
                    ratio(events.eventsPerSecond() / EVENTS_GOAL), met(events.eventsPerSecond() >= EVENTS_GOAL),
                    String.format(Locale.ROOT, "%,.0f synaptic events/image, %d images", events.eventsPerImage(),
                            events.images()));
            t.row("synaptic events/s, plain Java event loop", sci(events.baselineEventsPerSecond()), "", "", "",
                    String.format(Locale.ROOT, "same fan-out arrays, A += q, B += q·Z only; engine/loop = %.2f×",
                            events.ratioToBaseline()));
        }
        if (seed != null) {
            t.row("seed img/s, integer engine (generic-units4)", fixed(seed.engineImagesPerSecond()), "≥ " + fixed(ENGINE_GOAL),
                    ratio(seed.engineImagesPerSecond() / ENGINE_GOAL), met(seed.engineImagesPerSecond() >= ENGINE_GOAL),
                    String.format(Locale.ROOT, "%d images, input ticks precomputed; %.0f× the quoted PyTorch 5 img/s*",
                            seed.images(), seed.engineImagesPerSecond() / PYTORCH_QUOTED));
            t.row("seed img/s, float reference", fixed(seed.referenceImagesPerSecond()), "≥ " + fixed(REFERENCE_GOAL),
                    ratio(seed.referenceImagesPerSecond() / REFERENCE_GOAL),
                    met(seed.referenceImagesPerSecond() >= REFERENCE_GOAL),
                    String.format(Locale.ROOT, "%d images, with the host encoder; %.0f× the quoted PyTorch 5 img/s*",
                            seed.referenceImages(), seed.referenceImagesPerSecond() / PYTORCH_QUOTED));
        }
        for (Cycles c : cycles) {
            t.row(String.format("seed cycles/image ÷ limit, %s (%d lanes)", c.target(), c.lanes()), ratio(c.ratio()),
                    "≤ " + ratio(CYCLES_GOAL), ratio(c.ratio() / CYCLES_GOAL), met(c.ratio() <= CYCLES_GOAL),
                    String.format(Locale.ROOT, "%,.0f cycles to the decision; limit %,.0f = synaptic events before it ÷ %d",
                            c.cyclesPerImage(), c.limit(), c.lanes()));
        }
        for (Latency l : latency) {
            t.row(String.format("seed µs/image, Verilog engine, %s", l.target()), fixed(l.usPerImage()),
                    "≤ " + fixed(LATENCY_GOAL_US), ratio(l.usPerImage() / LATENCY_GOAL_US),
                    met(l.usPerImage() <= LATENCY_GOAL_US),
                    String.format(Locale.ROOT, "%,.0f clocks (%,.0f engine cycles) to the decision at the stated %.0f MHz",
                            l.clocksPerImage(), l.engineCyclesPerImage(), l.clockMhz()));
        }
        CompileSize m = oneMillion();
        if (m != null) {
            t.row("compile time, 1M synapses", String.format(Locale.ROOT, "%.2f s", m.totalSeconds()),
                    "< " + fixed(COMPILE_1M_GOAL) + " s", ratio(m.totalSeconds() / COMPILE_1M_GOAL),
                    met(m.totalSeconds() < COMPILE_1M_GOAL), "front end + passes + SimProgram.of");
        }
        if (compile.size() >= 2) {
            t.row("compile time per synapse, largest/smallest", ratio(perSynapseRatio()), "≤ " + ratio(LINEAR_GOAL),
                    ratio(perSynapseRatio() / LINEAR_GOAL), met(perSynapseRatio() <= LINEAR_GOAL),
                    String.format(Locale.ROOT, "%s → %s synapses; growth exponent %.2f over the last step (1 = linear)",
                            count(compile.get(0).synapses()), count(compile.get(compile.size() - 1).synapses()),
                            growthExponent()));
        }
        out.append(t.render());
        if (seed != null) {
            out.append("* quoted from the issue (the seed's PyTorch code on one core), not measured here: PyTorch is not a "
                    + "FirstSpike dependency.\n");
        }
        if (!compile.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nCompile time of synthetic networks (%s); seconds, median of the "
                    + "repeats, after a warm-up compile:%n", compileTarget));
            Table c = new Table("synapses", "network", "repeats", "front end", "passes", "SimProgram.of", "total",
                    "ns/synapse", "peak heap", "live after");
            for (CompileSize s : compile) {
                c.row(count(s.synapses()), s.network(), s.repeats(), secs(s.frontEndSeconds()), secs(s.passesSeconds()),
                        secs(s.simProgramSeconds()), secs(s.totalSeconds()),
                        String.format(Locale.ROOT, "%.0f", s.nsPerSynapse()), mb(s.peakHeapBytes()),
                        mb(s.liveHeapBytes()));
            }
            out.append(c.render());
        }
        return out.toString();
    }

    public ObjectNode json() {
        ObjectNode o = Json.object();
        ObjectNode mach = o.putObject("machine");
        mach.put("cpu", machine.cpu());
        mach.put("cores", machine.cores());
        mach.put("jvm", machine.jvm());
        mach.put("os", machine.os());
        mach.put("max_heap_bytes", machine.maxHeapBytes());
        o.put("rounds", rounds);
        if (events != null) {
            ObjectNode e = o.putObject("synaptic_events");
            e.put("network", events.network());
            e.put("images", events.images());
            e.put("synaptic_events_per_image", events.eventsPerImage());
            e.put("synaptic_events_per_second", events.eventsPerSecond());
            e.put("goal", EVENTS_GOAL);
            e.put("ratio_to_goal", events.eventsPerSecond() / EVENTS_GOAL);
            e.put("baseline_events_per_image", events.baselineEventsPerImage());
            e.put("baseline_events_per_second", events.baselineEventsPerSecond());
            e.put("ratio_to_baseline", events.ratioToBaseline());
        }
        if (seed != null) {
            ObjectNode s = o.putObject("seed");
            s.put("network", seed.network());
            s.put("data", seed.data());
            s.put("images", seed.images());
            s.put("engine_images_per_second", seed.engineImagesPerSecond());
            s.put("engine_goal", ENGINE_GOAL);
            s.put("engine_ratio_to_goal", seed.engineImagesPerSecond() / ENGINE_GOAL);
            s.put("reference_images", seed.referenceImages());
            s.put("reference_images_per_second", seed.referenceImagesPerSecond());
            s.put("reference_goal", REFERENCE_GOAL);
            s.put("reference_ratio_to_goal", seed.referenceImagesPerSecond() / REFERENCE_GOAL);
            s.put("pytorch_images_per_second_quoted", PYTORCH_QUOTED);
            s.put("pytorch_quoted_note", "quoted from the issue, not measured in this run");
            s.put("engine_ratio_to_pytorch_quoted", seed.engineImagesPerSecond() / PYTORCH_QUOTED);
            s.put("reference_ratio_to_pytorch_quoted", seed.referenceImagesPerSecond() / PYTORCH_QUOTED);
        }
        ArrayNode cy = o.putArray("cycles");
        for (Cycles c : cycles) {
            ObjectNode x = cy.addObject();
            x.put("target", c.target());
            x.put("lanes", c.lanes());
            x.put("neuron_units", c.neuronUnits());
            x.put("images", c.images());
            x.put("cycles_per_image", c.cyclesPerImage());
            x.put("synaptic_events_before_decision", c.synapticEventsBeforeDecision());
            x.put("limit", c.limit());
            x.put("ratio_to_limit", c.ratio());
            x.put("goal_ratio", CYCLES_GOAL);
        }
        ArrayNode la = o.putArray("verilog_latency");
        for (Latency l : latency) {
            ObjectNode x = la.addObject();
            x.put("target", l.target());
            x.put("images", l.images());
            x.put("engine_cycles_per_image", l.engineCyclesPerImage());
            x.put("clocks_per_image", l.clocksPerImage());
            x.put("clock_mhz", l.clockMhz());
            x.put("us_per_image", l.usPerImage());
            x.put("goal_us_per_image", LATENCY_GOAL_US);
        }
        ObjectNode comp = o.putObject("compile");
        comp.put("target", compileTarget);
        ArrayNode sizes = comp.putArray("sizes");
        for (CompileSize s : compile) {
            ObjectNode x = sizes.addObject();
            x.put("synapses_requested", s.requested());
            x.put("synapses", s.synapses());
            x.put("network", s.network());
            x.put("repeats", s.repeats());
            x.put("front_end_seconds", s.frontEndSeconds());
            x.put("passes_seconds", s.passesSeconds());
            x.put("sim_program_seconds", s.simProgramSeconds());
            x.put("total_seconds", s.totalSeconds());
            x.put("ns_per_synapse", s.nsPerSynapse());
            x.put("peak_heap_bytes", s.peakHeapBytes());
            x.put("live_heap_bytes", s.liveHeapBytes());
        }
        CompileSize m = oneMillion();
        if (m != null) {
            comp.put("one_million_seconds", m.totalSeconds());
        }
        comp.put("one_million_goal_seconds", COMPILE_1M_GOAL);
        Json.put(comp, "per_synapse_ratio_largest_to_smallest", perSynapseRatio());
        comp.put("per_synapse_ratio_goal", LINEAR_GOAL);
        Json.put(comp, "growth_exponent", growthExponent());
        return o;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e+", "e");
    }

    private static String fixed(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "NO";
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }

    static String count(long n) {
        List<String> units = new ArrayList<>(List.of("", "k", "M", "G"));
        int u = 0;
        double v = n;
        while (v >= 1000 && u < units.size() - 1) {
            v /= 1000;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v))
                + units.get(u);
    }
}
