package org.firstspike.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.firstspike.dsl.Frontend;
import org.firstspike.model.Network;

/**
 * Random small TTFS networks as .ttfs source plus a JSON weights file, for property tests of any
 * evaluator (the float reference, the ODE solver, later an integer simulator). Everything comes from
 * one seed: {@code generate(seed, options)} is a pure function, so a failing seed replays exactly.
 *
 * <p>A network has an input ({@code spikes(shape = [C, H, W] or [N], domain = t)}, 1–6 channels of
 * 3–9 px), then 3–9 random ops drawn from conv2d (kernel 1–4 per axis, stride 1–3, padding none,
 * uniform, [h, w], asymmetric [t, b, l, r], same or valid, optional bias), dense, minpool (pad never,
 * z(1e5) or a time), delay (per channel with negative values clamped, or one number), add skips of
 * equal shapes, concat skips (often with a delayed min-pool branch, as the seed), chunk, split,
 * shuffle and flatten (nchw or nhwc), with random weights (negative ones too) and thresholds; the
 * output is a dense layer. Usage:
 * <pre>
 *   RandomNetworks.Generated g = RandomNetworks.generate(seed, RandomNetworks.Options.exact());
 *   Network net = g.load(tempDir);                 // writes g.name().ttfs and .json, runs the front end
 *   double[] t = g.randomInputTimes(new Random(seed));   // spike times, some silent (≥ t_max, +∞, NaN)
 * </pre>
 */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /** The neuron block: exact settings, or the seed's (gt, one; dense layers ge). */
    public enum NeuronSettings {
        /** next_input_test = ge, last_input_sentinel = inf. */
        EXACT,
        /** next_input_test = gt and last_input_sentinel = one, dense layers next_input_test = ge. */
        SEED
    }

    /** How layers set their no-spike time. */
    public enum NoSpikeLevels {
        /** Every layer uses the time block's no_spike. */
        UNIFORM,
        /** Some layers lower it (never below t_max): no layer's level exceeds any upstream level. */
        NON_INCREASING,
        /** Like the seed's res model, later layers raise it: a silent code becomes a late spike downstream. */
        RAISED
    }

    /**
     * @param minOps / maxOps   how many random ops (not counting the output layer and helpers)
     * @param biasProbability   chance that a conv2d/dense layer has a bias input
     */
    public record Options(NeuronSettings settings, NoSpikeLevels levels, int minOps, int maxOps,
            double biasProbability) {
        public static Options exact() {
            return new Options(NeuronSettings.EXACT, NoSpikeLevels.NON_INCREASING, 3, 9, 0.25);
        }

        public static Options seed() {
            return new Options(NeuronSettings.SEED, NoSpikeLevels.NON_INCREASING, 3, 9, 0.25);
        }

        public Options with(NeuronSettings s) {
            return new Options(s, levels, minOps, maxOps, biasProbability);
        }

        public Options with(NoSpikeLevels l) {
            return new Options(settings, l, minOps, maxOps, biasProbability);
        }
    }

    /** A generated network: its source, its weights file and what its input looks like. */
    public record Generated(long seed, String name, String source, String weightsJson, int[] inputShape,
            double tMax, double tauSyn, List<String> ops) {

        public int inputSize() {
            return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        }

        /** Writes {@code name.ttfs} and {@code name.json} into {@code dir}; returns the .ttfs path. */
        public Path write(Path dir) {
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name + ".json"), weightsJson);
                Path ttfs = dir.resolve(name + ".ttfs");
                Files.writeString(ttfs, source);
                return ttfs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the files and loads them with the front end ({@link Frontend#load}). */
        public Network load(Path dir) {
            return Frontend.load(write(dir));
        }

        /**
         * Random input spike times: uniform in [0, t_max), a few exactly 0, a random share silent
         * (t_max, beyond it, +∞ or NaN) and some copies of earlier values (simultaneous inputs).
         */
        public double[] randomInputTimes(Random rnd) {
            double[] t = new double[inputSize()];
            double silent = rnd.nextDouble() * 0.35;
            for (int i = 0; i < t.length; i++) {
                double r = rnd.nextDouble();
                if (r < silent) {
                    t[i] = switch (rnd.nextInt(5)) {
                        case 0 -> tMax;
                        case 1 -> Double.POSITIVE_INFINITY;
                        case 2 -> Double.NaN;
                        default -> tMax + rnd.nextDouble() * 2;
                    };
                } else if (r < silent + 0.08 && i > 0) {
                    t[i] = t[rnd.nextInt(i)];
                } else if (r < silent + 0.11) {
                    t[i] = 0;
                } else {
                    // Mostly early, so that deep layers still have time to fire before t_max.
                    t[i] = rnd.nextDouble() * tMax * (rnd.nextInt(4) == 0 ? 1 : 0.5);
                }
            }
            return t;
        }
    }

    public static Generated generate(long seed, Options options) {
        return new Builder(seed, options).build();
    }

    private record T(String name, int[] dims) {
        boolean map() {
            return dims.length == 3;
        }

        int c() {
            return dims[0];
        }

        int h() {
            return dims[1];
        }

        int w() {
            return dims[2];
        }

        int size() {
            return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }

        boolean sameShape(T o) {
            return Arrays.equals(dims, o.dims);
        }

        boolean samePlane(T o) {
            return map() && o.map() && h() == o.h() && w() == o.w() || !map() && !o.map();
        }
    }

    private static final class Builder {
        private final long seed;
        private final Options options;
        private final Random rnd;
        private final StringBuilder body = new StringBuilder();
        private final Map<String, String> weights = new LinkedHashMap<>();
        private final List<T> tensors = new ArrayList<>();
        private final List<String> ops = new ArrayList<>();
        private final double tMax;
        private final double tau;
        private final double timeLevel;
        private double level;
        private int counter;

        Builder(long seed, Options options) {
            this.seed = seed;
            this.options = options;
            this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 17);
            this.tMax = round(4 + rnd.nextDouble() * 5);
            this.tau = new double[] {1, 1, 1, 0.5, 2, 1.7}[rnd.nextInt(6)];
            this.timeLevel = rnd.nextBoolean() ? tMax : round(tMax + rnd.nextDouble());
            this.level = timeLevel;
        }

        Generated build() {
            T in;
            int[] shape;
            if (rnd.nextDouble() < 0.75) {
                shape = new int[] {1 + rnd.nextInt(6), 3 + rnd.nextInt(7), 3 + rnd.nextInt(7)};
            } else {
                shape = new int[] {3 + rnd.nextInt(18)};
            }
            in = new T("x", shape);
            tensors.add(in);
            int n = options.minOps() + rnd.nextInt(options.maxOps() - options.minOps() + 1);
            T current = in;
            for (int i = 0; i < n; i++) {
                T src = rnd.nextDouble() < 0.7 ? current : tensors.get(rnd.nextInt(tensors.size()));
                current = step(src);
            }
            if (current.map()) {
                current = flatten(current);
            }
            T out = dense(current, 2 + rnd.nextInt(4), true);
            StringBuilder src = new StringBuilder();
            String name = "rand" + Long.toUnsignedString(seed);
            src.append("// Random network from seed ").append(seed).append(" (RandomNetworks, replay with -D").append(Seeds.PROPERTY).append("=").append(seed).append(")\n");
            src.append("network ").append(name).append(";\n");
            src.append("weights w = json(\"").append(name).append(".json\");\n");
            src.append("time {\n  t_max = ").append(num(tMax)).append(";\n");
            if (timeLevel != tMax) {
                src.append("  no_spike = t(").append(num(timeLevel)).append(");\n");
            }
            src.append("}\n");
            boolean exact = options.settings() == NeuronSettings.EXACT;
            src.append("neuron {\n  model = if_exp;\n  tau_syn = ").append(num(tau)).append(";\n  threshold = 1;\n")
                    .append("  next_input_test = ").append(exact ? "ge" : "gt").append(";\n")
                    .append("  last_input_sentinel = ").append(exact ? "inf" : "one").append(";\n}\n");
            src.append("input x = spikes(shape = ").append(list(shape)).append(", domain = t);\n");
            src.append(body);
            src.append("output ").append(out.name()).append(" decode first_spike();\n");
            StringBuilder json = new StringBuilder("{\n");
            int k = 0;
            for (Map.Entry<String, String> e : weights.entrySet()) {
                json.append("  \"").append(e.getKey()).append("\": ").append(e.getValue())
                        .append(++k < weights.size() ? ",\n" : "\n");
            }
            json.append("}\n");
            return new Generated(seed, name, src.toString(), json.toString(), shape, tMax, tau, List.copyOf(ops));
        }

        private T step(T in) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int kind = rnd.nextInt(100);
                if (in.map()) {
                    if (kind < 22) {
                        return conv(in, 1 + rnd.nextInt(6));
                    } else if (kind < 34) {
                        return minpool(in);
                    } else if (kind < 42) {
                        return delay(in);
                    } else if (kind < 52) {
                        return add(in);
                    } else if (kind < 66) {
                        return concat(in);
                    } else if (kind < 74 && in.c() >= 2) {
                        return chunk(in);
                    } else if (kind < 80 && in.c() >= 2) {
                        return split(in);
                    } else if (kind < 88 && in.c() >= 2) {
                        return shuffle(in);
                    } else if (kind >= 88 && in.c() * in.h() * in.w() <= 400) {
                        return flatten(in);
                    }
                } else {
                    if (kind < 35) {
                        return dense(in, 1 + rnd.nextInt(6), false);
                    } else if (kind < 45) {
                        return delay(in);
                    } else if (kind < 60) {
                        return add(in);
                    } else if (kind < 75) {
                        return concat(in);
                    } else if (kind < 82 && in.c() >= 2) {
                        return chunk(in);
                    } else if (kind < 88 && in.c() >= 2) {
                        return split(in);
                    } else if (in.c() >= 2) {
                        return shuffle(in);
                    }
                }
            }
            return in.map() ? conv(in, 1 + rnd.nextInt(4)) : dense(in, 1 + rnd.nextInt(4), false);
        }

        private String fresh(String prefix) {
            return prefix + counter++;
        }

        private T add(T t) {
            T partner;
            List<T> same = tensors.stream().filter(o -> o != t && o.sameShape(t)).toList();
            if (!same.isEmpty() && rnd.nextBoolean()) {
                partner = same.get(rnd.nextInt(same.size()));
            } else if (t.map()) {
                int r = rnd.nextInt(3);
                partner = r == 0 ? convSame(t, t.c()) : r == 1 ? poolSame(t) : delay(t);
            } else {
                partner = rnd.nextBoolean() ? dense(t, t.c(), false) : delay(t);
            }
            List<T> parts = new ArrayList<>(List.of(t, partner));
            if (rnd.nextInt(6) == 0) {
                parts.add(t.map() ? poolSame(t) : delay(t));
            }
            java.util.Collections.shuffle(parts, rnd);
            T out = new T(fresh("a"), t.dims());
            emit(out.name() + " = add(" + String.join(", ", parts.stream().map(T::name).toList()) + ");", out, "add");
            return out;
        }

        private T concat(T t) {
            T partner;
            List<T> compatible = tensors.stream().filter(o -> o != t && o.samePlane(t) && o.c() <= 6).toList();
            if (!compatible.isEmpty() && rnd.nextBoolean()) {
                partner = compatible.get(rnd.nextInt(compatible.size()));
            } else if (t.map()) {
                // The seed's pattern: a delayed first-spike pool beside a conv branch.
                partner = rnd.nextBoolean() ? delay(poolSame(t)) : convSame(t, 1 + rnd.nextInt(4));
            } else {
                partner = rnd.nextBoolean() ? delay(t) : dense(t, 1 + rnd.nextInt(4), false);
            }
            List<T> parts = new ArrayList<>(List.of(partner, t));
            if (rnd.nextBoolean()) {
                java.util.Collections.reverse(parts);
            }
            int c = parts.stream().mapToInt(T::c).sum();
            int[] dims = t.dims().clone();
            dims[0] = c;
            T out = new T(fresh("c"), dims);
            emit(out.name() + " = concat(" + String.join(", ", parts.stream().map(T::name).toList()) + ");", out,
                    "concat");
            return out;
        }

        private T chunk(T t) {
            List<Integer> divisors = new ArrayList<>();
            for (int p = 2; p <= Math.min(4, t.c()); p++) {
                if (t.c() % p == 0) {
                    divisors.add(p);
                }
            }
            if (divisors.isEmpty()) {
                return split(t);
            }
            int parts = divisors.get(rnd.nextInt(divisors.size()));
            int[] sizes = new int[parts];
            Arrays.fill(sizes, t.c() / parts);
            return slices(t, sizes, "chunk(" + t.name() + ", " + parts + ")");
        }

        private T split(T t) {
            int parts = 2 + rnd.nextInt(Math.min(3, t.c()) - 1);
            int[] sizes = new int[parts];
            Arrays.fill(sizes, 1);
            for (int left = t.c() - parts; left > 0; left--) {
                sizes[rnd.nextInt(parts)]++;
            }
            return slices(t, sizes, "split(" + t.name() + ", sizes = " + list(sizes) + ")");
        }

        private T slices(T t, int[] sizes, String call) {
            List<T> outs = new ArrayList<>();
            for (int size : sizes) {
                int[] dims = t.dims().clone();
                dims[0] = size;
                outs.add(new T(fresh("s"), dims));
            }
            body.append(String.join(", ", outs.stream().map(T::name).toList())).append(" = ").append(call)
                    .append(";\n");
            tensors.addAll(outs);
            ops.add(call.substring(0, call.indexOf('(')));
            return outs.get(rnd.nextInt(outs.size()));
        }

        private T shuffle(T t) {
            List<Integer> divisors = new ArrayList<>();
            for (int g = 2; g <= t.c(); g++) {
                if (t.c() % g == 0) {
                    divisors.add(g);
                }
            }
            int g = divisors.get(rnd.nextInt(divisors.size()));
            T out = new T(fresh("h"), t.dims());
            emit(out.name() + " = shuffle(" + t.name() + ", groups = " + g + ");", out, "shuffle");
            return out;
        }

        private T flatten(T t) {
            T out = new T(fresh("f"), new int[] {t.size()});
            emit(out.name() + " = flatten(" + t.name() + ", order = " + (rnd.nextBoolean() ? "nchw" : "nhwc") + ");",
                    out, "flatten");
            return out;
        }

        private T delay(T t) {
            T out = new T(fresh("d"), t.dims());
            String by;
            String extra = "";
            if (rnd.nextInt(4) == 0) {
                by = num(round(rnd.nextDouble()));
            } else {
                String key = out.name();
                double[] d = new double[t.c()];
                boolean negative = false;
                for (int c = 0; c < d.length; c++) {
                    d[c] = rnd.nextInt(5) == 0 ? -rnd.nextDouble() * 0.5 : rnd.nextDouble() * 1.2;
                    negative |= d[c] < 0;
                }
                weights.put(key, tensor(new int[] {d.length}, d));
                by = "w[\"" + key + "\"]";
                extra = negative || rnd.nextBoolean() ? ", negative = clamp" : "";
            }
            emit(out.name() + " = delay(" + t.name() + ", by = " + by + extra + ");", out, "delay");
            return out;
        }

        /** A stride-1 pool that keeps the spatial size (for add and concat partners). */
        private T poolSame(T t) {
            T out = new T(fresh("p"), t.dims());
            emit(out.name() + " = minpool(" + t.name() + ", kernel = 3, stride = 1, padding = 1" + pad() + ");", out,
                    "minpool");
            return out;
        }

        private T minpool(T t) {
            for (int attempt = 0; attempt < 30; attempt++) {
                int kh = 1 + rnd.nextInt(Math.min(3, t.h()));
                int kw = 1 + rnd.nextInt(Math.min(3, t.w()));
                boolean strideGiven = rnd.nextInt(4) != 0;
                int sh = strideGiven ? 1 + rnd.nextInt(2) : kh;
                int sw = strideGiven ? (rnd.nextBoolean() ? sh : 1 + rnd.nextInt(2)) : kw;
                int[] pad = padding(kh, kw);
                int oh = Math.floorDiv(t.h() + pad[0] + pad[1] - kh, sh) + 1;
                int ow = Math.floorDiv(t.w() + pad[2] + pad[3] - kw, sw) + 1;
                if (oh < 1 || ow < 1) {
                    continue;
                }
                T out = new T(fresh("m"), new int[] {t.c(), oh, ow});
                String args = "kernel = " + pair(kh, kw) + (strideGiven ? ", stride = " + pair(sh, sw) : "")
                        + paddingArg(pad);
                emit(out.name() + " = minpool(" + t.name() + ", " + args + pad() + ");", out, "minpool");
                return out;
            }
            return poolSame(t);
        }

        private String pad() {
            return switch (rnd.nextInt(4)) {
                case 0 -> "";
                case 1 -> ", pad = never";
                case 2 -> ", pad = z(1e5)";
                default -> ", pad = t(" + num(round(rnd.nextDouble() * (tMax + 2))) + ")";
            };
        }

        /** [top, bottom, left, right], each below the kernel size. */
        private int[] padding(int kh, int kw) {
            return switch (rnd.nextInt(5)) {
                case 0 -> new int[] {0, 0, 0, 0};
                case 1 -> {
                    int p = rnd.nextInt(Math.min(kh, kw));
                    yield new int[] {p, p, p, p};
                }
                case 2 -> {
                    int ph = rnd.nextInt(kh);
                    int pw = rnd.nextInt(kw);
                    yield new int[] {ph, ph, pw, pw};
                }
                default -> new int[] {rnd.nextInt(kh), rnd.nextInt(kh), rnd.nextInt(kw), rnd.nextInt(kw)};
            };
        }

        private static String paddingArg(int[] p) {
            if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
                return "";
            }
            if (p[0] == p[1] && p[2] == p[3]) {
                return p[0] == p[2] ? ", padding = " + p[0] : ", padding = [" + p[0] + ", " + p[2] + "]";
            }
            return ", padding = " + list(p);
        }

        private T convSame(T t, int out) {
            int k = rnd.nextBoolean() ? 1 : 3;
            return convWith(t, out, k, k, 1, 1, new int[] {k / 2, k / 2, k / 2, k / 2}, null);
        }

        private T conv(T t, int out) {
            for (int attempt = 0; attempt < 30; attempt++) {
                int kh = 1 + rnd.nextInt(Math.min(4, t.h() + 1));
                int kw = 1 + rnd.nextInt(Math.min(4, t.w() + 1));
                int sh = new int[] {1, 1, 2, 3}[rnd.nextInt(4)];
                int sw = rnd.nextBoolean() ? sh : new int[] {1, 1, 2, 3}[rnd.nextInt(4)];
                int[] pad;
                String word = null;
                int r = rnd.nextInt(8);
                if (r == 0) {
                    word = "same";
                    int ph = Math.max(0, (ceilDiv(t.h(), sh) - 1) * sh + kh - t.h());
                    int pw = Math.max(0, (ceilDiv(t.w(), sw) - 1) * sw + kw - t.w());
                    pad = new int[] {ph / 2, ph - ph / 2, pw / 2, pw - pw / 2};
                } else if (r == 1) {
                    word = "valid";
                    pad = new int[] {0, 0, 0, 0};
                } else {
                    pad = padding(kh, kw);
                }
                int oh = Math.floorDiv(t.h() + pad[0] + pad[1] - kh, sh) + 1;
                int ow = Math.floorDiv(t.w() + pad[2] + pad[3] - kw, sw) + 1;
                if (oh < 1 || ow < 1) {
                    continue;
                }
                return convWith(t, out, kh, kw, sh, sw, pad, word);
            }
            return convSame(t, out);
        }

        private T convWith(T t, int out, int kh, int kw, int sh, int sw, int[] pad, String word) {
            int oh = Math.floorDiv(t.h() + pad[0] + pad[1] - kh, sh) + 1;
            int ow = Math.floorDiv(t.w() + pad[2] + pad[3] - kw, sw) + 1;
            T o = new T(fresh("k"), new int[] {out, oh, ow});
            double theta = round(0.4 + rnd.nextDouble() * 1.6);
            weights.put(o.name(), tensor(new int[] {out, t.c(), kh, kw}, randomWeights(out, t.c() * kh * kw, theta)));
            StringBuilder call = new StringBuilder(o.name() + " = conv2d(" + t.name() + ", out = " + out + ", kernel = "
                    + pair(kh, kw));
            if (sh != 1 || sw != 1 || rnd.nextBoolean()) {
                call.append(", stride = ").append(pair(sh, sw));
            }
            call.append(word != null ? ", padding = " + word : paddingArg(pad));
            call.append(", weight = w[\"").append(o.name()).append("\"]");
            call.append(neuronTail(o.name(), out, theta, false));
            emit(call + ");", o, "conv2d");
            return o;
        }

        private T dense(T t, int out, boolean output) {
            T o = new T(fresh(output ? "y" : "n"), new int[] {out});
            double theta = round(0.4 + rnd.nextDouble() * 1.6);
            weights.put(o.name(), tensor(new int[] {out, t.size()}, randomWeights(out, t.size(), theta * (output ? 1.5 : 1))));
            String call = o.name() + " = dense(" + t.name() + ", out = " + out + ", weight = w[\"" + o.name() + "\"]"
                    + neuronTail(o.name(), out, theta, true);
            emit(call + ");", o, "dense");
            return o;
        }

        /** threshold, optional bias, no_spike and (seed settings) the dense layer's next_input_test. */
        private String neuronTail(String name, int out, double theta, boolean dense) {
            StringBuilder s = new StringBuilder(", threshold = " + num(theta));
            if (rnd.nextDouble() < options.biasProbability()) {
                double[] b = new double[out];
                for (int o = 0; o < out; o++) {
                    b[o] = round(theta * (rnd.nextDouble() * 1.2 - 0.3));
                }
                weights.put(name + "_b", tensor(new int[] {out}, b));
                s.append(", bias = w[\"").append(name).append("_b\"]");
                if (rnd.nextBoolean()) {
                    s.append(", bias_time = t(").append(num(round(rnd.nextDouble() * tMax * 0.8))).append(")");
                }
            }
            switch (options.levels()) {
                case UNIFORM -> {
                }
                case NON_INCREASING -> {
                    if (rnd.nextInt(4) == 0) {
                        level = round(level - rnd.nextDouble() * 0.5 * (level - tMax));
                    }
                    if (level != timeLevel) {
                        s.append(", no_spike = t(").append(num(level)).append(")");
                    }
                }
                case RAISED -> {
                    if (rnd.nextBoolean()) {
                        level = round(level + 0.2 + rnd.nextDouble());
                    }
                    if (level != timeLevel) {
                        s.append(", no_spike = t(").append(num(level)).append(")");
                    }
                }
            }
            if (dense && options.settings() == NeuronSettings.SEED) {
                s.append(", next_input_test = ge");
            }
            return s.toString();
        }

        /**
         * Weights whose sum is θ·(f ± s/2) for a random f in [0.8, 4] and spread s: neurons fire,
         * early or late, or stay silent, and single weights are often negative.
         */
        private double[] randomWeights(int out, int fanIn, double theta) {
            double f = 0.8 + rnd.nextDouble() * 3.2;
            double spread = 0.3 + rnd.nextDouble() * 2.2;
            double[] w = new double[out * fanIn];
            for (int i = 0; i < w.length; i++) {
                w[i] = theta / fanIn * (f + spread * Math.sqrt(fanIn) / 2 * rnd.nextGaussian());
            }
            return w;
        }

        private void emit(String line, T out, String op) {
            body.append(line).append('\n');
            tensors.add(out);
            ops.add(op);
        }

        private static String tensor(int[] shape, double[] data) {
            StringBuilder s = new StringBuilder("{\"shape\": ").append(list(shape)).append(", \"data\": [");
            for (int i = 0; i < data.length; i++) {
                s.append(i == 0 ? "" : ", ").append(Double.toString(data[i]));
            }
            return s.append("]}").toString();
        }

        private static int ceilDiv(int a, int b) {
            return -Math.floorDiv(-a, b);
        }

        private static String pair(int a, int b) {
            return a == b ? Integer.toString(a) : "[" + a + ", " + b + "]";
        }

        private static String list(int[] v) {
            return Arrays.toString(v);
        }

        /** Four decimals: readable in the source and exact through the language's number parser. */
        private static double round(double v) {
            return Math.round(v * 1e4) / 1e4;
        }

        private static String num(double v) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
