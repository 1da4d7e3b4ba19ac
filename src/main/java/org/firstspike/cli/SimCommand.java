package org.firstspike.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.data.Dataset;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.MemoryMap;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.firstspike.report.Json;
import org.firstspike.report.Table;
import org.firstspike.sim.Engine;
import org.firstspike.sim.CoreCycles;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;
import org.firstspike.sim.StageStats;

/** `firstspike sim FILE --data SET --image K`: one image through the cycle-accurate engine. */
final class SimCommand implements Command {
    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "run one sample through the cycle-accurate integer engine: spikes, cycles, metrics";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("data").hasArg().argName("SET").required()
                        .desc("data set, as for eval").build())
                .addOption(Option.builder().longOpt("labels").hasArg().argName("FILE").desc("labels for a .npy set")
                        .build())
                .addOption(Option.builder().longOpt("image").hasArg().argName("K").desc("sample index (default 0)")
                        .build())
                .addOption(Option.builder().longOpt("raster").desc("include every spike (--json)").build())
                .addOption(Option.builder().longOpt("no-early-exit").desc("run to the end, not to the decision")
                        .build())
                .addOption(CliSupport.JSON);
        HardwareOptions.addTo(o);
        return o;
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        Network net = CliSupport.network(cl, name(), io);
        Dataset data = CliSupport.dataset(cl, net, null);
        int k = CliSupport.intOption(cl, "image", 0, 0);
        if (k >= data.count()) {
            throw DiagnosticException.fileError(data.name(), "has " + data.count() + " samples; --image " + k
                    + " is out of range");
        }
        Compilation c = HardwareOptions.compile(net, cl, (p, ir) -> { });
        IrProgram ir = c.ir();
        SimProgram program = SimProgram.of(ir, c.target().engine());
        double[] times = new FloatReference(net).inputTimes(data.sample(k));
        SimResult r = new Engine(program, !cl.hasOption("no-early-exit")).run(HostInput.ticks(times, ir), true);
        MemoryMap memory = MemoryMap.of(ir);
        if (cl.hasOption("json")) {
            io.out().print(Json.write(json(net, data, k, c, r, memory, cl.hasOption("raster"))));
        } else {
            io.out().print(text(net, data, k, c, r, memory));
        }
        return 0;
    }

    private static String text(Network net, Dataset data, int k, Compilation c, SimResult r, MemoryMap memory) {
        StringBuilder sb = new StringBuilder();
        double tick = c.ir().grid().tickLength();
        sb.append(String.format("%s, sample %d of %s%s: class %d%s; %s%n", net.name(), k, data.name(),
                data.labelled() ? " (label " + data.label(k) + ")" : "", r.decision(), r.decisionTick() < 0
                        ? ", no output spike" : String.format(" at tick %d (t = %.4g)", r.decisionTick(),
                                r.decisionTick() * tick), HardwareEval.describe(c.target(), c.ir().grid().ticksPerTMax())));
        sb.append(String.format("cycles: %,d to the decision (%,d without early exit); %.1f µs at %.0f MHz and one "
                + "clock per cycle (the Verilog engine's clocks: synth, cosim)%n",
                r.cyclesToDecision(), r.cycles(), r.cyclesToDecision() / c.target().clockMhz(), c.target().clockMhz()));
        CoreCycles kinds = r.coreCyclesToDecision();
        sb.append(String.format("of these, the cores': %,d event cycles (%,d events of which %,d follow one of the "
                + "same tick, %,d position steps, %,d chunk steps), %,d neuron-unit cycles (%,d resolutions without "
                + "a firing test, %,d binary-search steps)%n", kinds.eventCycles(), kinds.starts(),
                kinds.followOns(), kinds.positionSteps(), kinds.chunkSteps(), kinds.unitCycles(),
                kinds.quickResolutions(), kinds.searchSteps()));
        Table t = new Table("stage", "kind", "neurons", "fired", "sparsity", "events", "synaptic events",
                "synaptic ops", "delay writes", "cycles");
        for (StageStats s : r.stages()) {
            t.row(s.name(), s.kind(), s.neurons() == 0 ? "" : s.neurons(), s.neurons() == 0 ? "" : s.fired(),
                    s.neurons() == 0 ? "" : String.format("%.3f", s.activationSparsity()), s.events(),
                    s.synapticEvents() == 0 ? "" : s.synapticEvents(), s.synapticOps() == 0 ? "" : s.synapticOps(), s.delayWrites() == 0 ? "" : s.delayWrites(),
                    s.cycles());
        }
        sb.append(t.render());
        sb.append(String.format("synaptic events %,d (%,d before the decision); synaptic operations (effective "
                + "accumulates) %,d (%,d before the decision)%n", r.synapticEvents(), r.synapticEventsBeforeDecision(),
                r.synapticOps(), r.synapticOpsBeforeDecision()));
        sb.append(String.format("memory footprint: %,d bits%n", memory.totalBits()));
        return sb.toString();
    }

    private static ObjectNode json(Network net, Dataset data, int k, Compilation c, SimResult r, MemoryMap memory,
            boolean raster) {
        ObjectNode o = Json.object();
        o.put("network", net.name());
        o.put("sample", k);
        if (data.labelled()) {
            o.put("label", data.label(k));
        }
        o.put("decision", r.decision());
        o.put("decision_tick", r.decisionTick());
        o.put("tick_length", c.ir().grid().tickLength());
        o.put("hardware", HardwareEval.describe(c.target(), c.ir().grid().ticksPerTMax()));
        o.put("cycles", r.cycles());
        o.put("cycles_to_decision", r.cyclesToDecision());
        ObjectNode kinds = o.putObject("core_cycles_to_decision");
        kinds.put("events", r.coreCyclesToDecision().starts());
        kinds.put("follow_on_events", r.coreCyclesToDecision().followOns());
        kinds.put("position_steps", r.coreCyclesToDecision().positionSteps());
        kinds.put("chunk_steps", r.coreCyclesToDecision().chunkSteps());
        kinds.put("neuron_unit", r.coreCyclesToDecision().unitCycles());
        kinds.put("quick_resolutions", r.coreCyclesToDecision().quickResolutions());
        kinds.put("search_steps", r.coreCyclesToDecision().searchSteps());
        o.put("synaptic_events", r.synapticEvents());
        o.put("synaptic_events_before_decision", r.synapticEventsBeforeDecision());
        o.put("synaptic_ops", r.synapticOps());
        o.put("synaptic_ops_before_decision", r.synapticOpsBeforeDecision());
        o.put("delay_register_writes", r.delayWrites());
        o.put("memory_footprint_bits", memory.totalBits());
        ArrayNode stages = o.putArray("stages");
        for (int s = 0; s < r.stages().size(); s++) {
            StageStats st = r.stages().get(s);
            ObjectNode x = stages.addObject();
            x.put("name", st.name());
            x.put("kind", st.kind());
            x.put("neurons", st.neurons());
            x.put("fired", st.fired());
            x.put("activation_sparsity", st.activationSparsity());
            x.put("events", st.events());
            x.put("event_ticks", st.ticks());
            x.put("synaptic_events", st.synapticEvents());
            x.put("synaptic_ops", st.synapticOps());
            x.put("delay_register_writes", st.delayWrites());
            x.put("cycles", st.cycles());
            if (raster) {
                ArrayNode spikes = x.putArray("spikes");
                int[] ticks = r.ticks()[s + 1];
                int silent = c.ir().node(st.name()).op() instanceof org.firstspike.ir.IrOp.Neuron n
                        ? n.noSpikeTick() : Integer.MAX_VALUE;
                for (int j = 0; j < ticks.length; j++) {
                    if (ticks[j] < silent) {
                        spikes.addArray().add(j).add(ticks[j]);
                    }
                }
            }
        }
        return o;
    }
}
