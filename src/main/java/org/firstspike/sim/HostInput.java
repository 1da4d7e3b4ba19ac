package org.firstspike.sim;

import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;

/**
 * What the host sends the engine: each encoder spike time on the tick grid (nearest tick), a time
 * at or after t_max (or NaN) as the no-spike tick; a time below 0 is an encoder error.
 */
public final class HostInput {
    private HostInput() {
    }

    public static int[] ticks(double[] times, IrProgram ir) {
        IrOp.Input in = (IrOp.Input) ir.nodes().get(0).op();
        TimeGrid g = ir.grid();
        int[] ticks = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (t < 0) {
                throw new IllegalArgumentException("input spike time " + t + " is before 0");
            }
            ticks[i] = t < g.tMax() ? g.tickOf(t) : in.noSpikeTick();
        }
        return ticks;
    }
}
