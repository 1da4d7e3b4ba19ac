package org.firstspike.reference;

import org.firstspike.model.InputEncoding.AnnStep;
import org.firstspike.model.Shape;
import org.firstspike.model.Window;
import org.firstspike.tensor.Tensor;

/** Evaluates the host-side float ANN encoder in double precision; its output is spike times t. */
final class AnnEncoder {
    private AnnEncoder() {
    }

    /** Runs {@code steps} on x of shape {@code in}; returns the activation (the spike times). */
    static double[] run(java.util.List<AnnStep> steps, double[] x, Shape in) {
        Shape shape = in;
        for (AnnStep s : steps) {
            if (s instanceof AnnStep.Normalize n) {
                x = affine(x, shape, n.mean(), n.std());
            } else if (s instanceof AnnStep.Conv c) {
                Shape out = Shape.chw(c.weight().dim(0), c.window().outHeight(shape.height()),
                        c.window().outWidth(shape.width()));
                x = conv(x, shape, c.weight(), c.bias(), c.window(), out);
                shape = out;
            } else if (s instanceof AnnStep.BatchNorm b) {
                x = batchNorm(x, shape, b);
            } else if (s instanceof AnnStep.Relu) {
                x = clamp(x, 0, Double.POSITIVE_INFINITY);
            } else if (s instanceof AnnStep.MaxPool m) {
                Shape out = Shape.chw(shape.channels(), m.window().outHeight(shape.height()),
                        m.window().outWidth(shape.width()));
                x = maxPool(x, shape, m.window(), out);
                shape = out;
            } else if (s instanceof AnnStep.Clamp c) {
                x = clamp(x, c.min(), c.max());
            }
        }
        return x;
    }

    private static double[] affine(double[] x, Shape s, double[] mean, double[] std) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i / s.plane();
            out[i] = (x[i] - pick(mean, c)) / pick(std, c);
        }
        return out;
    }

    private static double pick(double[] v, int c) {
        return v.length == 1 ? v[0] : v[c];
    }

    private static double[] batchNorm(double[] x, Shape s, AnnStep.BatchNorm b) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i / s.plane();
            out[i] = (x[i] - pick(b.mean(), c)) / Math.sqrt(pick(b.var(), c) + b.eps()) * pick(b.gamma(), c)
                    + pick(b.beta(), c);
        }
        return out;
    }

    private static double[] clamp(double[] x, double lo, double hi) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(Math.max(x[i], lo), hi);
        }
        return out;
    }

    private static double[] conv(double[] x, Shape in, Tensor w, double[] bias, Window win, Shape out) {
        double[] y = new double[out.size()];
        int cin = in.channels();
        for (int o = 0; o < out.channels(); o++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    double acc = bias == null ? 0 : bias[o];
                    for (int c = 0; c < cin; c++) {
                        for (int ky = 0; ky < win.kh(); ky++) {
                            int iy = oy * win.sh() - win.padding().top() + ky;
                            if (iy < 0 || iy >= in.height()) {
                                continue;
                            }
                            for (int kx = 0; kx < win.kw(); kx++) {
                                int ix = ox * win.sw() - win.padding().left() + kx;
                                if (ix >= 0 && ix < in.width()) {
                                    acc += w.get(((o * cin + c) * win.kh() + ky) * win.kw() + kx)
                                            * x[(c * in.height() + iy) * in.width() + ix];
                                }
                            }
                        }
                    }
                    y[(o * out.height() + oy) * out.width() + ox] = acc;
                }
            }
        }
        return y;
    }

    private static double[] maxPool(double[] x, Shape in, Window win, Shape out) {
        double[] y = new double[out.size()];
        for (int c = 0; c < out.channels(); c++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int t : org.firstspike.model.WindowTaps.oneChannel(win, in, c, oy, ox)) {
                        if (t >= 0) {
                            m = Math.max(m, x[t]);
                        }
                    }
                    y[(c * out.height() + oy) * out.width() + ox] = m;
                }
            }
        }
        return y;
    }
}
