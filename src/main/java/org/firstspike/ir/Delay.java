package org.firstspike.ir;

/**
 * Delay registers of an edge: one delay per source channel (a source element e belongs to channel
 * e / plane), in time units as trained and, once quantized, in ticks with the register width.
 */
public record Delay(double[] times, int[] ticks, int plane, int widthBits, Origin origin) {

    public static Delay ofTimes(double[] times, int plane, Origin origin) {
        return new Delay(times, null, plane, 0, origin);
    }

    public Delay withTicks(int[] t, int width) {
        return new Delay(times, t, plane, width, origin);
    }

    public boolean quantized() {
        return ticks != null;
    }

    public int ticksOf(int sourceElement) {
        return ticks.length == 1 ? ticks[0] : ticks[sourceElement / plane];
    }

    public double timeOf(int sourceElement) {
        return times.length == 1 ? times[0] : times[sourceElement / plane];
    }

    /** Largest delay in time units. */
    public double maxTime() {
        double m = 0;
        for (double t : times) {
            m = Math.max(m, t);
        }
        return m;
    }
}
