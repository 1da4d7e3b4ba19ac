package org.firstspike.model;

import java.util.List;
import org.firstspike.tensor.Tensor;

/** How the host turns one data sample into the network's input spike times t. */
public sealed interface InputEncoding {

    String describe();

    /** The data already holds spike times (t, or z = e^{t/τ} when {@code zDomain}). */
    record HostSpikeTimes(boolean zDomain) implements InputEncoding {
        public String describe() {
            return "host spike times (" + (zDomain ? "z" : "t") + ")";
        }
    }

    /** t = offset + slope · (pixel · pixelScale), e.g. t = 3·(1 − p) with offset 3, slope −3. */
    record LinearPixels(double pixelScale, double offset, double slope) implements InputEncoding {
        public String describe() {
            return String.format("linear t = %s + %s·p, p = pixel·%s", fmt(offset), fmt(slope), fmt(pixelScale));
        }
    }

    /** A float ANN evaluated on the host; its output activation is the spike time. */
    record Ann(double pixelScale, List<AnnStep> steps) implements InputEncoding {
        public Ann {
            steps = List.copyOf(steps);
        }

        public String describe() {
            return "ANN encoder: " + String.join(" → ", steps.stream().map(AnnStep::describe).toList());
        }
    }

    /** One layer of the ANN encoder; shapes are [C, H, W]. */
    sealed interface AnnStep {
        String describe();

        /** x = (x − mean)/std, per channel (one value broadcasts). */
        record Normalize(double[] mean, double[] std) implements AnnStep {
            public String describe() {
                return "normalize";
            }
        }

        /** Float convolution, weight [out, in, kh, kw], optional bias [out]. */
        record Conv(Window window, Tensor weight, double[] bias) implements AnnStep {
            public String describe() {
                return "conv " + weight.dim(2) + "×" + weight.dim(3) + " " + weight.dim(1) + "→" + weight.dim(0);
            }
        }

        /** Eval-mode batch norm with running statistics. */
        record BatchNorm(double[] gamma, double[] beta, double[] mean, double[] var, double eps) implements AnnStep {
            public String describe() {
                return "batchnorm";
            }
        }

        record Relu() implements AnnStep {
            public String describe() {
                return "relu";
            }
        }

        record MaxPool(Window window) implements AnnStep {
            public String describe() {
                return "maxpool " + window.kh();
            }
        }

        /** Clamps to [min, max]; the seed clamps at t_max so saturated features are silent. */
        record Clamp(double min, double max) implements AnnStep {
            public String describe() {
                return "clamp" + (Double.isInfinite(min) ? "" : " min " + fmt(min)) + " max " + fmt(max);
            }
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format("%.6g", v);
    }
}
