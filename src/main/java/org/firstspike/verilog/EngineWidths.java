package org.firstspike.verilog;

import java.math.BigInteger;
import org.firstspike.sim.HardwareImage;

/**
 * The data widths of the Verilog engine's neuron state and tables for one image, proved from the
 * image itself: A holds Σ |level| of any neuron's synapses, B that sum times the largest arrival
 * weight Z, Θ the largest threshold, and the table width every hi, lo, H, Z and Zc entry
 * (hdl/fs_ztable.v's contract). Levels are stored as narrow as the largest needs and used as 16 bits,
 * so A has at least 17 and B at least the table width plus 18. The word width W holds every index, address and tick the engine
 * computes with: every tick (arrivals before the drop, bucket ticks of the queue, time-add sums) stays
 * below 2^(W-2), so a sum of two, a mark (-2 - tick) and the no-spike tick NEVER = 2^(W-1) - 1 are
 * exact in W-bit two's complement; every index, address and memory depth below 2^(W-1), so the sum
 * of two addresses is exact unsigned. The tick memory stores ticks in one bit more than the largest
 * needs (all ones stands for the no-spike tick), the merge unit its counts up to the most operands.
 */
public record EngineWidths(int aBits, int bBits, int thetaBits, int zBits, int wordBits, int levelBits, int tickBits,
        int countBits) {

    public static EngineWidths of(HardwareImage img) {
        BigInteger zMax = BigInteger.ZERO;
        BigInteger entryMax = BigInteger.valueOf(img.zHalf);
        for (long v : img.zHi) {
            entryMax = entryMax.max(BigInteger.valueOf(v));
        }
        for (long v : img.zLo) {
            entryMax = entryMax.max(BigInteger.valueOf(v));
        }
        BigInteger round = BigInteger.ONE.shiftLeft(img.zFractionBits - 1);
        for (int n = 0; n < 32 * img.zHi.length; n++) {
            BigInteger z = BigInteger.valueOf(img.zHi[n >> 5]).multiply(BigInteger.valueOf(img.zLo[n & 31]))
                    .add(round).shiftRight(img.zFractionBits);
            BigInteger zc = z.multiply(BigInteger.valueOf(img.zHalf)).add(round).shiftRight(img.zFractionBits);
            zMax = zMax.max(z);
            entryMax = entryMax.max(z).max(zc);
        }
        int zBits = Math.max(1, entryMax.bitLength());
        long aMax = maxLevelSum(img);
        int aBits = Math.max(17, BigInteger.valueOf(aMax).bitLength() + 1);
        int bBits = Math.max(zBits + 18, BigInteger.valueOf(aMax).multiply(zMax).bitLength() + 1);
        long thetaMax = 0;
        for (long t : img.theta) {
            thetaMax = Math.max(thetaMax, Math.abs(t));
        }
        int thetaBits = Math.max(2, BigInteger.valueOf(thetaMax).bitLength() + 1);
        return new EngineWidths(aBits, bBits, thetaBits, zBits, wordBits(img), levelBits(img),
                bitLength(tickBound(img)) + 1, bitLength(maxOperands(img)) + 1);
    }

    /** Every tick the engine computes with is below this: arrivals before the drop, bucket ticks, time-add sums. */
    static long tickBound(HardwareImage img) {
        int maxDelay = java.util.Arrays.stream(img.runDelay).max().orElse(0);
        long tick = Math.max(maxDelay, Math.abs((long) img.inputNoSpikeTick));
        for (HardwareImage.StageDescriptor d : img.stages) {
            int[] w = MemoryImages.descriptorWords(d);
            for (int k = 0; k < w.length; k++) {
                if (MemoryImages.isTickWord(k)) {
                    tick = Math.max(tick, Math.abs((long) w[k]));
                }
            }
        }
        return Math.max(tick, (img.horizon + (long) maxDelay + 34) * maxOperands(img));
    }

    /** The most operands of a time-add (at least 1: a minpool input's one arrival). */
    private static int maxOperands(HardwareImage img) {
        return Math.max(1, img.stages.stream().mapToInt(HardwareImage.StageDescriptor::operands).max().orElse(1));
    }

    /** Signed bits of the widest kernel or bias level (the bias is a kernel row) (at least 2, at most the lane's 16). */
    static int levelBits(HardwareImage img) {
        int bits = 2;
        for (int v : img.kernel) {
            bits = Math.max(bits, BigInteger.valueOf(v).bitLength() + 1);
        }
        return bits;
    }

    /**
     * The narrowest word width for {@code img}'s indices and ticks, at least 8 and at most 32. Ticks are
     * signed and take part in sums, marks (−2 − tick) and the no-spike tick: below 2^(W−2). Indices,
     * addresses and event words are unsigned and at most added to one another: below 2^(W−1).
     */
    static int wordBits(HardwareImage img) {
        long address = 0;
        for (int[] a : new int[][] {img.runFrom, img.runTo, img.runLength, img.fanStart, img.fanTarget, img.fanChannel,
                img.chanBase, img.posStart, img.posList, img.posRow, img.tapStart, img.taps}) {
            address = Math.max(address, a.length + 1L);
            for (int v : a) {
                address = Math.max(address, v);
            }
        }
        for (HardwareImage.StageDescriptor d : img.stages) {
            int[] w = MemoryImages.descriptorWords(d);
            for (int k = 0; k < w.length; k++) {
                if (!MemoryImages.isTickWord(k)) {
                    address = Math.max(address, w[k]);
                }
            }
        }
        for (HardwareImage.FeedDescriptor f : img.feeds) {
            address = Math.max(address, Math.max(f.sourceTickBase(), f.runBase() + (long) f.runs()));
        }
        address = Math.max(address, Math.max(img.tickWords, Math.max(img.dead.length / img.lanes,
                img.kernel.length / img.lanes + 1L)));
        address = Math.max(address, (long) MemoryImages.STAGE_WORDS * img.stages.size() + 3L * img.feeds.size());
        // addresses run a few past a list's end (the next list's start, a window's taps)
        address += MemoryImages.maxTaps(img) + 8;
        int bits = Math.max(bitLength(address) + 1, bitLength(tickBound(img)) + 2);
        return Math.min(32, Math.max(8, bits));
    }

    private static int bitLength(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    /**
     * The largest Σ |level| over the synapses into one neuron, over every core: every pixel's every
     * channel, and the bias row. Neuron (bank address a, lane i) of a core is sum[(neuronBase + a) · L + i].
     */
    private static long maxLevelSum(HardwareImage img) {
        long[] sum = new long[Math.max(1, img.dead.length)];
        for (int s = 0; s < img.stages.size(); s++) {
            HardwareImage.StageDescriptor d = img.stages.get(s);
            if (d.kind() != HardwareImage.KIND_CORE) {
                continue;
            }
            // the core's pixel lists run to the next core's (each core has pixels + 1 starts), its channels likewise
            int next = nextCore(img, s);
            int lastStart = next < 0 ? img.posStart.length - 1 : img.stages.get(next).posStartBase() - 1;
            int channelEnd = next < 0 ? img.chanBase.length : img.stages.get(next).channelBase();
            boolean bias = d.biasTick() >= 0;
            int base = d.neuronBase();
            for (int k = img.posStart[d.posStartBase()]; k < img.posStart[lastStart]; k++) {
                for (int ch = d.channelBase(); ch < channelEnd - (bias ? 1 : 0); ch++) {
                    addRow(img, sum, img.chanBase[ch] + img.posRow[k], base, img.posList[k], d, 0, d.chunks());
                }
            }
            for (int k = img.fanStart[d.fanStartBase()]; k < img.fanStart[d.fanStartBase() + 1]; k++) {
                int chunk = img.fanChannel[k];
                addRow(img, sum, img.chanBase[channelEnd - 1], base, img.fanTarget[k] - chunk * d.positions(), d,
                        chunk, chunk + 1);
            }
        }
        long m = 0;
        for (long v : sum) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Adds |level| of kernel row {@code row}'s chunks [from, to) into the neurons at position p. */
    private static void addRow(HardwareImage img, long[] sum, int row, int base, int p,
            HardwareImage.StageDescriptor d, int from, int to) {
        int lanes = img.lanes;
        for (int chunk = from; chunk < to; chunk++) {
            for (int i = 0; i < lanes; i++) {
                sum[(base + chunk * d.positions() + p) * lanes + i] += Math.abs(img.kernel[(row + chunk) * lanes + i]);
            }
        }
    }

    /** The next core stage after stage s, or -1. */
    private static int nextCore(HardwareImage img, int s) {
        for (int r = s + 1; r < img.stages.size(); r++) {
            if (img.stages.get(r).kind() == HardwareImage.KIND_CORE) {
                return r;
            }
        }
        return -1;
    }
}
