package org.firstspike.model;

import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;

/**
 * The seed's quantization-aware training scheme ({@code weight_quantization(w, 8)}), applied to
 * latent weights: w̃ = tanh(w); α = max|w̃| (per tensor, or per output channel);
 * q = round_half_even(clamp(w̃/α, −1, 1) · (2^(b−1) − 1)); effective weight q·α/(2^(b−1) − 1).
 * The trainer computes in float32, so each step is rounded to float32 to reproduce its levels.
 */
public final class QatTanh {
    private QatTanh() {
    }

    /** Quantizes canonical-layout latent weights whose first axis is the output channel. */
    public static Quantization quantize(Tensor latent, int bits, Granularity granularity) {
        int out = latent.dim(0);
        int perChannel = latent.size() / out;
        float[] squashed = new float[latent.size()];
        for (int i = 0; i < squashed.length; i++) {
            squashed[i] = (float) Math.tanh((float) latent.get(i));
        }
        int groups = granularity == Granularity.PER_TENSOR ? 1 : out;
        float[] alpha = new float[groups];
        for (int i = 0; i < squashed.length; i++) {
            int g = groups == 1 ? 0 : i / perChannel;
            alpha[g] = Math.max(alpha[g], Math.abs(squashed[i]));
        }
        int qmax = (1 << (bits - 1)) - 1;
        int[] levels = new int[squashed.length];
        for (int i = 0; i < squashed.length; i++) {
            float a = alpha[groups == 1 ? 0 : i / perChannel];
            float ratio = a == 0f ? 0f : Math.max(-1f, Math.min(1f, squashed[i] / a));
            levels[i] = (int) Math.rint(ratio * (float) qmax);
        }
        double[] scales = new double[groups];
        for (int g = 0; g < groups; g++) {
            scales[g] = (double) alpha[g] / qmax;
        }
        return new Quantization(Quantization.Scheme.QAT_TANH, bits, granularity, levels, scales);
    }

    /** The effective weights {@code level · scale} in the layout of {@code like}. */
    public static Tensor effective(Quantization q, int[] shape) {
        int out = shape[0];
        int perChannel = q.levels().length / out;
        double[] w = new double[q.levels().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = q.levels()[i] * q.scale(i / perChannel);
        }
        return Tensor.of(DType.FLOAT64, w, shape);
    }
}
