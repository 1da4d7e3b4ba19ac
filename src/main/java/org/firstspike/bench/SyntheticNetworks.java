package org.firstspike.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.firstspike.readers.NpyWriter;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;

/**
 * Writes synthetic networks for the benchmarks: a .ttfs file plus its weights, a directory of int8
 * .npy files or one JSON file ({@code scaled_int} levels, so the compiler keeps them as trained),
 * with random nonzero levels from a fixed seed. The inputs are host spike times, so a benchmark can drive them with
 * random times directly.
 */
public final class SyntheticNetworks {
    private SyntheticNetworks() {
    }

    /** t_max of every synthetic network (τ_syn = 1). */
    public static final double T_MAX = 4;

    /** A written network: its .ttfs file, weight file or directory, input size and synapse count. */
    public record Written(Path file, Path weights, String description, int inputs, long synapses) {
    }

    /** How the weights are stored: a directory of int8 .npy files, or one JSON file of tensor objects. */
    public enum Format {
        NPY, JSON;

        public static Format of(String word) {
            return switch (word) {
                case "npy" -> NPY;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException(word);
            };
        }
    }

    /** Collects a network's tensors, then writes them in one format. */
    private static final class WeightSet {
        private final Format format;
        private final Path path;
        private final StringBuilder json = new StringBuilder("{");

        WeightSet(Path dir, String name, Format format) {
            this.format = format;
            this.path = dir.resolve(name + (format == Format.NPY ? "_weights" : "_weights.json"));
        }

        void put(String key, double[] values, int... shape) {
            if (format == Format.NPY) {
                write(path.resolve(key + ".npy"), values, shape);
                return;
            }
            json.append(json.length() > 1 ? ",\n" : "\n").append('"').append(key).append("\": {\"shape\": ")
                    .append(java.util.Arrays.toString(shape)).append(", \"dtype\": \"int8\", \"data\": [");
            for (int i = 0; i < values.length; i++) {
                json.append(i == 0 ? "" : ",").append((int) values[i]);
            }
            json.append("]}");
        }

        /** The weights statement's reader word and path, once every tensor is in. */
        String statement() {
            if (format == Format.JSON) {
                try {
                    Files.writeString(path, json.append("\n}\n"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return (format == Format.NPY ? "npy" : "json") + "(\"" + path.getFileName() + "\")";
        }
    }

    /**
     * A dense network inputs → hidden → outputs. The hidden threshold is {@code hiddenThetaLevels}
     * levels (θ/s): high enough that few hidden neurons fire before the last input, so nearly every
     * event reaches every hidden neuron, but below the excitatory sum, so none is dead.
     */
    public static Written dense(Path dir, String name, int inputs, int hidden, int outputs, double hiddenThetaLevels,
            long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        WeightSet w = new WeightSet(dir, name, Format.NPY);
        w.put("h", levels(r, hidden * inputs), hidden, inputs);
        w.put("y", levels(r, outputs * hidden), outputs, hidden);
        String src = header(name, w.statement())
                + String.format(Locale.ROOT, "input x = spikes(shape = [%d], domain = t);%n", inputs)
                + dense("h", "x", hidden, 1 / hiddenThetaLevels)
                + dense("y", "h", outputs, 1 / (8.0 * Math.sqrt(hidden)))
                + "output y decode first_spike(ties = lowest_index);\n";
        long synapses = (long) inputs * hidden + (long) hidden * outputs;
        return new Written(writeSource(dir.resolve(name + ".ttfs"), src), w.path,
                String.format(Locale.ROOT, "dense %d-%d-%d", inputs, hidden, outputs), inputs, synapses);
    }

    /**
     * A network of about {@code synapses} synapses, half in a 3×3 convolution over a [C, 16, 16]
     * spike input and half in a dense layer over its flattened output, then a dense layer of 10
     * outputs: every compiler path for conv cores, dense cores and folded index maps, at any size.
     */
    public static Written sized(Path dir, long synapses, long seed, Format format) {
        final int side = 16;
        long convTaps = inBoundsTaps(side, 3);
        int c = (int) Math.max(1, Math.round(Math.sqrt(synapses / 2.0 / convTaps)));
        long conv = convTaps * c * c;
        int flat = c * side * side;
        int hidden = (int) Math.max(1, Math.round((synapses - conv) / (double) (flat + 10)));
        long total = conv + (long) flat * hidden + hidden * 10L;
        String name = "sized_" + synapses;
        SplittableRandom r = new SplittableRandom(seed);
        WeightSet w = new WeightSet(dir, name, format);
        w.put("c1", levels(r, c * c * 9), c, c, 3, 3);
        w.put("h", levels(r, hidden * flat), hidden, flat);
        w.put("y", levels(r, 10 * hidden), 10, hidden);
        String src = header(name, w.statement())
                + String.format(Locale.ROOT, "input x = spikes(shape = [%d, %d, %d], domain = t);%n", c, side, side)
                + String.format(Locale.ROOT, "c1 = conv2d(x, out = %d, kernel = 3, padding = 1, weight = w[\"c1\"], "
                        + "quant = scaled_int(bits = 8, scale = %s));%n", c, num(1 / (16.0 * Math.sqrt(9.0 * c))))
                + "f = flatten(c1, order = nchw);\n"
                + dense("h", "f", hidden, 1 / (16.0 * Math.sqrt(flat)))
                + dense("y", "h", 10, 1 / (16.0 * Math.sqrt(hidden)))
                + "output y decode first_spike(ties = lowest_index);\n";
        return new Written(writeSource(dir.resolve(name + ".ttfs"), src), w.path,
                String.format(Locale.ROOT, "conv 3x3 [%d,16,16]→%d, dense %d→%d→10", c, c, flat, hidden),
                c * side * side, total);
    }

    /** Random spike times in [0, 0.95·t_max): every one arrives, and none on the no-spike tick. */
    public static double[] randomTimes(SplittableRandom r, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextDouble() * 0.95 * T_MAX;
        }
        return t;
    }

    /** Taps of a k×k, stride-1, "same"-padded window that fall inside a side×side plane, over all positions. */
    static long inBoundsTaps(int side, int k) {
        long n = 0;
        int pad = k / 2;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                for (int dy = -pad; dy <= pad; dy++) {
                    for (int dx = -pad; dx <= pad; dx++) {
                        n += y + dy >= 0 && y + dy < side && x + dx >= 0 && x + dx < side ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    private static String header(String name, String weights) {
        return "// Synthetic network written by `firstspike bench`: random int8 levels, host spike times.\n"
                + "network " + name + ";\n"
                + "weights w = " + weights + ";\n"
                + "time {\n  t_max = " + num(T_MAX) + ";\n}\n"
                + "neuron {\n  model = if_exp;\n  tau_syn = 1;\n  threshold = 1;\n}\n";
    }

    /** A dense layer whose threshold is 1/scale levels. */
    private static String dense(String name, String in, int out, double scale) {
        return String.format(Locale.ROOT, "%s = dense(%s, out = %d, weight = w[\"%s\"], quant = scaled_int(bits = 8, "
                + "scale = %s));%n", name, in, out, name, num(scale));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }

    /** Uniform nonzero int8 levels in [−127, 127]. */
    private static double[] levels(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int q = r.nextInt(254) - 127;
            v[i] = q >= 0 ? q + 1 : q;
        }
        return v;
    }

    private static void write(Path file, double[] values, int... shape) {
        try {
            Files.createDirectories(file.getParent());
            NpyWriter.write(file, Tensor.of(DType.INT8, values, shape));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeSource(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
