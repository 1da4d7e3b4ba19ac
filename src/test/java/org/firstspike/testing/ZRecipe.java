package org.firstspike.testing;

/**
 * docs/semantics.md §3 and §4, re-implemented from the text alone for tests (it does not call
 * {@code ir.ZTable} or the engine): with F fraction bits, k = 5 and s = Δ/τ,
 * <pre>
 *   hi[i] = round(2^F · e^{i·2^k·s})     lo[j] = round(2^F · e^{j·s})     H = round(2^F · e^{s/2})
 *   Z(n)  = (hi[n >> k] · lo[n mod 2^k] + 2^(F−1)) >> F
 *   Zc(n) = (Z(n) · H + 2^(F−1)) >> F
 *   fires(m) ⟺ A' > 0 and Zc(m)·A' ≥ B·2^G, where A' = A·2^G − Θ
 * </pre>
 * e^x is StrictMath.exp and round is Math.round, as the document says. Plain long arithmetic: use it
 * only where hi·lo stays below 2^63.
 */
public final class ZRecipe {
    public static final int K = 5;
    private final int f;
    private final double step;
    private final long h;

    /** @param tickOverTau Δ/τ, @param fractionBits F */
    public ZRecipe(double tickOverTau, int fractionBits) {
        this.f = fractionBits;
        this.step = tickOverTau;
        this.h = scaled(StrictMath.exp(step / 2));
    }

    private long scaled(double v) {
        return Math.round(v * (1L << f));
    }

    public long hi(int i) {
        return scaled(StrictMath.exp(i * (double) (1 << K) * step));
    }

    public long lo(int j) {
        return scaled(StrictMath.exp(j * step));
    }

    public long h() {
        return h;
    }

    public long z(int n) {
        return (hi(n >> K) * lo(n & ((1 << K) - 1)) + (1L << (f - 1))) >> f;
    }

    public long zc(int n) {
        return (z(n) * h + (1L << (f - 1))) >> f;
    }

    /** §4: fires(m) for a neuron with A (levels), B = Σ q·Z(n), threshold Θ = round(θ/s·2^G). */
    public boolean fires(long a, long b, long theta, int g, int m) {
        long ap = (a << g) - theta;
        return ap > 0 && zc(m) * ap >= b << g;
    }

    /** The smallest m in [from, to] with fires(m), or −1. */
    public int firstFiring(long a, long b, long theta, int g, int from, int to) {
        for (int m = Math.max(from, 0); m <= to; m++) {
            if (fires(a, b, theta, g, m)) {
                return m;
            }
        }
        return -1;
    }
}
