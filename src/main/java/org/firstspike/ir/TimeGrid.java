package org.firstspike.ir;

/**
 * The integer time base (docs/semantics.md §1): spike time = integer tick n, t = n·Δ with
 * Δ = t_max / ticksPerTMax; the membrane tables hold e^{nΔ/τ} with {@code zFractionBits} fraction
 * bits, thresholds carry {@code thresholdFractionBits}. {@code horizon} bounds every tick of the
 * program; the tables cover ticks below {@code tableTicks}, the largest no-spike tick of any core
 * (arrivals after a core's no-spike tick are dropped). Both are −1 until AnalyzeBitWidths.
 */
public record TimeGrid(double tMax, double tauSyn, int ticksPerTMax, int horizon, int tableTicks,
        int zFractionBits, int thresholdFractionBits) {

    public double tickLength() {
        return tMax / ticksPerTMax;
    }

    /** The tick nearest to time t (halves round up, as Math.round). */
    public int tickOf(double t) {
        return (int) Math.round(t / tickLength());
    }

    /** The tick of the spike time whose z is {@code z} (t = τ·ln z). */
    public int tickOfZ(double z) {
        return tickOf(tauSyn * Math.log(z));
    }

    public TimeGrid withBounds(int newHorizon, int newTableTicks) {
        return new TimeGrid(tMax, tauSyn, ticksPerTMax, newHorizon, newTableTicks, zFractionBits,
                thresholdFractionBits);
    }
}
