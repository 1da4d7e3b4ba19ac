package org.firstspike.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.firstspike.data.Dataset;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;

/**
 * The fidelity run: the float reference and the cycle-accurate engine on the same samples, with
 * class agreement, both accuracies, a per-layer histogram of spike-time differences in ticks, and
 * the engine's cycles and NeuroBench-style metrics.
 */
public final class HardwareEvaluation {
    private HardwareEvaluation() {
    }

    /** Differences (hardware tick − float time in ticks, rounded) from −{@value #RANGE} to +{@value #RANGE}. */
    public static final int RANGE = 3;

    public static HardwareReport run(Network net, FloatReference ref, SimProgram program, Dataset data, int images,
            int threads, boolean earlyExit, IntConsumer progress) {
        List<String> cores = new ArrayList<>();
        for (var n : program.ir().nodes()) {
            if (n.op() instanceof IrOp.Neuron) {
                cores.add(n.name());
            }
        }
        Accumulator total = new Accumulator(cores);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "firstspike-hw");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Accumulator>> parts = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                parts.add(pool.submit(() -> {
                    Accumulator acc = new Accumulator(cores);
                    Engine engine = new Engine(program, earlyExit);
                    for (int i = next.getAndIncrement(); i < images; i = next.getAndIncrement()) {
                        acc.add(net, program.ir(), ref, engine, data, i);
                        progress.accept(done.incrementAndGet());
                    }
                    return acc;
                }));
            }
            for (Future<Accumulator> f : parts) {
                total.merge(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total.report(images, (System.nanoTime() - start) / 1e9, program);
    }

    /** Per-thread sums, merged at the end. */
    private static final class Accumulator {
        final List<String> cores;
        long refCorrect;
        long hwCorrect;
        long agree;
        long labelled;
        long cycles;
        long cyclesFull;
        long syn;
        long synBefore;
        long events;
        long eventsBefore;
        long delayWrites;
        final Map<String, long[]> histograms = new LinkedHashMap<>();
        final Map<String, long[]> firing = new LinkedHashMap<>();

        Accumulator(List<String> cores) {
            this.cores = cores;
            for (String c : cores) {
                histograms.put(c, new long[2 * RANGE + 1]);
                firing.put(c, new long[4]);
            }
        }

        void add(Network net, IrProgram ir, FloatReference ref, Engine engine, Dataset data, int i) {
            FloatReference.Trace trace = ref.trace(data.sample(i));
            SimResult r = engine.run(HostInput.ticks(trace.inputTimes(), ir), true);
            var index = net.indexByName();
            int refClass = ref.decide(trace.values()[index.get(net.output())]);
            agree += refClass == r.decision() ? 1 : 0;
            if (data.labelled()) {
                labelled++;
                refCorrect += refClass == data.label(i) ? 1 : 0;
                hwCorrect += r.decision() == data.label(i) ? 1 : 0;
            }
            cycles += r.cyclesToDecision();
            cyclesFull += r.cycles();
            syn += r.synapticOps();
            synBefore += r.synapticOpsBeforeDecision();
            events += r.synapticEvents();
            eventsBefore += r.synapticEventsBeforeDecision();
            delayWrites += r.delayWrites();
            double tick = ir.grid().tickLength();
            for (int s = 0; s < ir.nodes().size(); s++) {
                if (ir.nodes().get(s).op() instanceof IrOp.Neuron c) {
                    compare(ir.nodes().get(s).name(), trace.values()[index.get(ir.nodes().get(s).name())],
                            r.ticks()[s], c, ir.grid().tauSyn(), tick);
                }
            }
        }

        /** Histogram of hw − float in ticks where both fire; counts of firing in one only. */
        private void compare(String core, double[] z, int[] ticks, IrOp.Neuron c, double tau, double tick) {
            long[] h = histograms.get(core);
            long[] f = firing.get(core);
            for (int j = 0; j < z.length; j++) {
                boolean fFires = z[j] < c.noSpikeZ();
                boolean hFires = ticks[j] < c.noSpikeTick();
                if (fFires && hFires) {
                    long d = Math.round(ticks[j] - tau * Math.log(z[j]) / tick);
                    h[(int) Math.max(-RANGE, Math.min(RANGE, d)) + RANGE]++;
                    f[0]++;
                } else if (fFires) {
                    f[1]++;
                } else if (hFires) {
                    f[2]++;
                } else {
                    f[3]++;
                }
            }
        }

        void merge(Accumulator o) {
            refCorrect += o.refCorrect;
            hwCorrect += o.hwCorrect;
            agree += o.agree;
            labelled += o.labelled;
            cycles += o.cycles;
            cyclesFull += o.cyclesFull;
            syn += o.syn;
            synBefore += o.synBefore;
            events += o.events;
            eventsBefore += o.eventsBefore;
            delayWrites += o.delayWrites;
            o.histograms.forEach((k, v) -> add(histograms.get(k), v));
            o.firing.forEach((k, v) -> add(firing.get(k), v));
        }

        private static void add(long[] into, long[] from) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }

        HardwareReport report(int images, double seconds, SimProgram program) {
            List<HardwareReport.Layer> layers = new ArrayList<>();
            for (String c : cores) {
                layers.add(new HardwareReport.Layer(c, histograms.get(c), firing.get(c)));
            }
            double n = Math.max(images, 1);
            return new HardwareReport(images, seconds, labelled == 0 ? Double.NaN : (double) refCorrect / labelled,
                    labelled == 0 ? Double.NaN : (double) hwCorrect / labelled, agree / n, cycles / n, cyclesFull / n,
                    events / n, eventsBefore / n, syn / n, synBefore / n, delayWrites / n, program.engine().lanes(),
                    layers);
        }
    }
}
