package org.firstspike.ir;

import org.firstspike.model.Granularity;

/**
 * A core's weights in canonical layout ([out, in, kh, kw] or [out, in]): as trained, and — once
 * QuantizeWeights has run — as the hardware holds them.
 */
public record Weights(Trained trained, Hardware hardware) {

    /**
     * The trained model's weights: float {@code values} and, for a layer trained with quantization,
     * its integer levels and scales ({@code scheme} qat_tanh or scaled_int; "float" otherwise).
     */
    public record Trained(double[] values, String scheme, int bits, Granularity granularity, int[] levels,
            double[] scales, String origin) {
    }

    /**
     * Integer levels with their scales, and the threshold of each output channel in level units
     * (θ/scale) with the grid's threshold fraction bits. {@code scheme}: "qat" (levels as trained)
     * or "ptq" (post-training quantization of a float layer).
     */
    public record Hardware(int[] levels, int bits, Granularity granularity, double[] scales, long[] thresholds,
            String scheme) {

        public double scale(int outChannel) {
            return scales.length == 1 ? scales[0] : scales[outChannel];
        }

        public long threshold(int outChannel) {
            return thresholds.length == 1 ? thresholds[0] : thresholds[outChannel];
        }
    }

    public boolean quantized() {
        return hardware != null;
    }

    public Weights withHardware(Hardware h) {
        return new Weights(trained, h);
    }
}
