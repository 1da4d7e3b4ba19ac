package org.firstspike.model;

import java.util.Arrays;

/**
 * How a layer's weights were quantized in training. For quantized schemes every weight is
 * {@code levels[i] · scales[channel]}; {@code levels} follow the canonical weight layout.
 */
public record Quantization(Scheme scheme, int bits, Granularity granularity, int[] levels, double[] scales) {

    /** The schemes a trainer file can carry. */
    public enum Scheme {
        /** Float weights, used as stored. */
        FLOAT("float"),
        /** The seed's QAT: tanh, α = max|tanh W|, round half to even to ±(2^(b−1) − 1). */
        QAT_TANH("qat_tanh"),
        /** Integer levels stored in the file, with an explicit scale. */
        SCALED_INT("scaled_int");

        private final String word;

        Scheme(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static final Quantization FLOAT = new Quantization(Scheme.FLOAT, 0, Granularity.PER_TENSOR, null, null);

    public boolean quantized() {
        return scheme != Scheme.FLOAT;
    }

    /** Largest level magnitude: 127 for 8 bits. */
    public int maxLevel() {
        return (1 << (bits - 1)) - 1;
    }

    public double scale(int outChannel) {
        return granularity == Granularity.PER_TENSOR ? scales[0] : scales[outChannel];
    }

    /** "int8 qat_tanh per-tensor" — how `info` shows it. */
    public String describe() {
        if (!quantized()) {
            return "float";
        }
        String scale = granularity == Granularity.PER_TENSOR ? String.format("scale %.6g", scales[0])
                : String.format("%d scales %.4g..%.4g", scales.length,
                        Arrays.stream(scales).min().orElse(0), Arrays.stream(scales).max().orElse(0));
        return "int" + bits + " " + scheme.word() + " per-" + granularity.word() + ", " + scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantization q && q.scheme == scheme && q.bits == bits && q.granularity == granularity
                && Arrays.equals(q.levels, levels) && Arrays.equals(q.scales, scales);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + bits) * 31 + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return describe();
    }
}
