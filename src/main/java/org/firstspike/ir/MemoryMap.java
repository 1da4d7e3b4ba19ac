package org.firstspike.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's memories for a lowered program (docs/architecture.md §3), with their sizes in bits:
 * what place-cores puts on the device and what reports show as the memory footprint.
 */
public record MemoryMap(List<Item> items) {

    /** One memory: what it holds and how many bits. */
    public record Item(String name, long bits) {
    }

    public long totalBits() {
        return items.stream().mapToLong(Item::bits).sum();
    }

    public static MemoryMap of(IrProgram ir) {
        int tickBits = bits(ir.grid().horizon());
        List<Item> items = new ArrayList<>();
        long state = 0;
        long ticks = 0;
        long events = 0;
        for (IrNode n : ir.nodes()) {
            ticks += (long) n.size() * tickBits;
            long in = 0;
            for (Edge e : n.inputs()) {
                in += e.connected();
            }
            events = Math.max(events, in + 1);
            if (n.op() instanceof IrOp.Neuron c && c.widths() != null) {
                Weights.Hardware hw = c.weights().hardware();
                items.add(new Item(n.name() + " weights and thresholds",
                        (long) hw.levels().length * hw.bits() + (long) c.outChannels() * c.widths().aShifted()));
                state = Math.max(state, (long) n.size() * stateWidth(c.widths(), tickBits));
            }
        }
        items.add(new Item("neuron state (shared by the cores)", state));
        items.add(new Item("tick arrays", ticks));
        int ptr = bits(events);
        items.add(new Item("event queue", (ir.grid().horizon() + 1L) * ptr + events * (ptr + bits(maxInput(ir)))));
        items.add(new Item("delay registers", delayBits(ir)));
        return new MemoryMap(List.copyOf(items));
    }

    /** A, B, last tick, arrival count and two flags. */
    public static int stateWidth(CoreWidths w, int tickBits) {
        return w.a() + w.b() + tickBits + w.arrivals() + 2;
    }

    private static long delayBits(IrProgram ir) {
        long bits = 0;
        for (IrNode n : ir.nodes()) {
            for (Edge e : n.inputs()) {
                if (e.delay() != null && e.delay().quantized()) {
                    bits += (long) e.delay().ticks().length * e.delay().widthBits();
                }
            }
        }
        return bits;
    }

    private static int maxInput(IrProgram ir) {
        int m = 1;
        for (IrNode n : ir.nodes()) {
            m = Math.max(m, n.size());
            if (n.op() instanceof IrOp.Neuron c) {
                int s = 1;
                for (int d : c.inShape()) {
                    s *= d;
                }
                m = Math.max(m, s);
            }
        }
        return m;
    }

    static int bits(long v) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }
}
