package org.firstspike.ir;

/**
 * The membrane tables of docs/semantics.md §3, defined by an integer recipe that hardware repeats
 * exactly: with F fraction bits and k = {@link #LOW_BITS},
 * <pre>
 *   hi[i] = round(2^F · e^{i·2^k·Δ/τ}),   lo[j] = round(2^F · e^{j·Δ/τ}),   half = round(2^F · e^{Δ/(2τ)})
 *   Z(n)  = (hi[n >> k] · lo[n mod 2^k] + 2^(F−1)) >> F            the arrival weight of tick n
 *   Zc(n) = (Z(n) · half + 2^(F−1)) >> F                            the firing test at tick n (n + ½)
 * </pre>
 * Two small tables and a multiply replace a table as long as the horizon; every value is within
 * 2^−F+1 relative of e^{nΔ/τ}. The roundings use StrictMath, so tables are the same on every JVM.
 */
public final class ZTable {
    public static final int LOW_BITS = 5;

    private final int fraction;
    private final long[] hi;
    private final long[] lo;
    private final long half;
    private final long[] z;
    private final long[] zc;

    public ZTable(TimeGrid grid) {
        this.fraction = grid.zFractionBits();
        double step = grid.tickLength() / grid.tauSyn();
        int horizon = Math.max(grid.tableTicks() - 1, 0);
        this.hi = new long[(horizon >> LOW_BITS) + 1];
        this.lo = new long[1 << LOW_BITS];
        for (int i = 0; i < hi.length; i++) {
            hi[i] = fixed(StrictMath.exp(i * (double) (1 << LOW_BITS) * step));
        }
        for (int j = 0; j < lo.length; j++) {
            lo[j] = fixed(StrictMath.exp(j * step));
        }
        this.half = fixed(StrictMath.exp(step / 2));
        this.z = new long[horizon + 1];
        this.zc = new long[horizon + 1];
        long round = 1L << (fraction - 1);
        for (int n = 0; n <= horizon; n++) {
            // exact products or an ArithmeticException: too many fraction bits for this horizon
            z[n] = Math.addExact(Math.multiplyExact(hi[n >> LOW_BITS], lo[n & ((1 << LOW_BITS) - 1)]), round) >> fraction;
            zc[n] = Math.addExact(Math.multiplyExact(z[n], half), round) >> fraction;
        }
    }

    private long fixed(double v) {
        double scaled = v * (1L << fraction);
        if (scaled >= 0x1p62) {
            throw new ArithmeticException("table entry beyond 62 bits");
        }
        return Math.round(scaled);
    }

    /** Z(n) for arrivals at tick n, 0 ≤ n < tableTicks. */
    public long z(int n) {
        return z[n];
    }

    /** Zc(n): the firing test at tick n compares against e^{(n+½)Δ/τ}. */
    public long zc(int n) {
        return zc[n];
    }

    /** The last tick the tables cover. */
    public int horizon() {
        return z.length - 1;
    }

    public long[] hi() {
        return hi.clone();
    }

    public long[] lo() {
        return lo.clone();
    }

    public long half() {
        return half;
    }

    public int fractionBits() {
        return fraction;
    }
}
