package org.firstspike.passes;

import org.firstspike.model.Granularity;

/**
 * Choices a user makes when compiling; every one has a default from the target.
 *
 * @param ticksPerTMax          ticks in [0, t_max]; 0 = the target's default
 * @param zFractionBits         fraction bits of the e^{nΔ} tables
 * @param thresholdFractionBits fraction bits of thresholds in level units
 * @param ptqBits               bits for post-training quantization of layers trained in float
 * @param ptqGranularity        one scale per tensor or per output channel for PTQ
 * @param weightBits            0 = keep the trained bits; otherwise re-quantize every layer to this width
 */
public record CompileOptions(int ticksPerTMax, int zFractionBits, int thresholdFractionBits, int ptqBits,
        Granularity ptqGranularity, int weightBits) {

    public static CompileOptions defaults() {
        return new CompileOptions(0, 16, 8, 8, Granularity.PER_CHANNEL, 0);
    }

    public CompileOptions withTicks(int ticks) {
        return new CompileOptions(ticks, zFractionBits, thresholdFractionBits, ptqBits, ptqGranularity, weightBits);
    }

    public CompileOptions withWeightBits(int bits) {
        return new CompileOptions(ticksPerTMax, zFractionBits, thresholdFractionBits, ptqBits, ptqGranularity, bits);
    }

    public CompileOptions withPtqBits(int bits) {
        return new CompileOptions(ticksPerTMax, zFractionBits, thresholdFractionBits, bits, ptqGranularity, weightBits);
    }

    public CompileOptions withPtqGranularity(Granularity per) {
        return new CompileOptions(ticksPerTMax, zFractionBits, thresholdFractionBits, ptqBits, per, weightBits);
    }

    public CompileOptions withZFractionBits(int bits) {
        return new CompileOptions(ticksPerTMax, bits, thresholdFractionBits, ptqBits, ptqGranularity, weightBits);
    }
}
