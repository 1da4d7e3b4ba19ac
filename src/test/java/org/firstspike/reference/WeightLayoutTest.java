package org.firstspike.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.firstspike.dsl.Frontend;
import org.firstspike.model.Network;
import org.firstspike.model.Op;
import org.firstspike.model.Padding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same trained weights stored the PyTorch way ([out, in·kh·kw], separate bias) and the
 * TensorFlow seed's way ([kh·kw·in + 1, out], bias as the last row) must give the same network;
 * TensorFlow's asymmetric 'same' padding and NHWC flatten follow their definitions; a bias is an
 * input spiking at t = 0.
 */
class WeightLayoutTest {
    private static final long SEED = 20261123L;

    @TempDir
    Path dir;

    /** w[o][c][ky][kx] and b[o] with fixed random values. */
    private final double[][][][] w = new double[3][2][3][3];
    private final double[] b = new double[3];

    WeightLayoutTest() {
        Random r = new Random(SEED);
        for (double[][][] o : w) {
            for (double[][] c : o) {
                for (double[] row : c) {
                    for (int k = 0; k < 3; k++) {
                        row[k] = r.nextGaussian() * 0.3 + 0.15;
                    }
                }
            }
        }
        for (int o = 0; o < 3; o++) {
            b[o] = 0.2 + 0.1 * o;
        }
    }

    private void writeWeights() throws IOException {
        StringBuilder pt = new StringBuilder();
        for (int o = 0; o < 3; o++) {
            pt.append(o == 0 ? "" : ",").append('[');
            for (int c = 0; c < 2; c++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        pt.append(c + ky + kx == 0 ? "" : ",").append(num(w[o][c][ky][kx]));
                    }
                }
            }
            pt.append(']');
        }
        // TensorFlow: row (ky·3 + kx)·2 + c — the channel fastest — then the bias row.
        StringBuilder tf = new StringBuilder();
        for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
                for (int c = 0; c < 2; c++) {
                    tf.append(tf.length() == 0 ? "" : ",").append('[').append(num(w[0][c][ky][kx])).append(',')
                            .append(num(w[1][c][ky][kx])).append(',').append(num(w[2][c][ky][kx])).append(']');
                }
            }
        }
        tf.append(",[").append(num(b[0])).append(',').append(num(b[1])).append(',').append(num(b[2])).append(']');
        String json = "{\"pt\": [" + pt + "], \"bias\": [" + num(b[0]) + "," + num(b[1]) + "," + num(b[2])
                + "], \"tf\": [" + tf + "], \"fc\": [[0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,"
                + "0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]]}";
        Files.writeString(dir.resolve("w.json"), json);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private Network load(String name, String weight, String bias, String padding, String flatten) throws IOException {
        String src = """
                time { t_max = 6; }
                weights w = json("w.json");
                input x = spikes(shape = [2, 6, 6]);
                c = conv2d(x, out = 3, kernel = 3, stride = 2, padding = %s, weight = %s, bias = %s);
                f = flatten(c, order = %s);
                y = dense(f, out = 1, weight = w["fc"]);
                output y decode first_spike();
                """.formatted(padding, weight, bias, flatten);
        Path file = dir.resolve(name + ".ttfs");
        Files.writeString(file, src);
        return Frontend.load(file);
    }

    private static double[] spikes() {
        Random r = new Random(SEED + 1);
        double[] t = new double[72];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 7 == 3 ? 99 : r.nextDouble() * 4; // some silent inputs
        }
        return t;
    }

    @Test
    void pytorchAndTensorflowLayoutsAreTheSameNetwork() throws IOException {
        writeWeights();
        Network pt = load("pt", "w[\"pt\"] as [out, in*kh*kw]", "w[\"bias\"]", "same", "nchw");
        Network tf = load("tf", "w[\"tf\"][0:-1, :] as [kh*kw*in, out]", "w[\"tf\"][-1, :]", "same", "nchw");
        Op.Conv2d a = (Op.Conv2d) pt.node("c").op();
        Op.Conv2d b2 = (Op.Conv2d) tf.node("c").op();
        assertArrayEquals(a.weights().values().toArray(), b2.weights().values().toArray(), 0.0);
        assertArrayEquals(a.bias().weights(), b2.bias().weights(), 0.0);
        // Canonical [out, in, kh, kw] holds w[o][c][ky][kx] at ((o·2 + c)·3 + ky)·3 + kx.
        assertEquals(w[2][1][0][2], a.weights().values().get(((2 * 2 + 1) * 3) * 3 + 2), 0.0);
        double[] s = spikes();
        int c = pt.indexByName().get("c");
        assertArrayEquals(new FloatReference(pt).evaluateAll(s)[c], new FloatReference(tf).evaluateAll(s)[c], 0.0);
    }

    @Test
    void samePaddingIsTensorflowsAsymmetricRule() throws IOException {
        writeWeights();
        Network net = load("same", "w[\"pt\"] as [out, in*kh*kw]", "w[\"bias\"]", "same", "nchw");
        // H = 6, stride 2: output ⌈6/2⌉ = 3; total pad (3−1)·2 + 3 − 6 = 1, all of it bottom/right.
        assertEquals(new Padding(0, 1, 0, 1), ((Op.Conv2d) net.node("c").op()).window().padding());
        assertEquals(java.util.List.of(3, 3, 3), net.node("c").shape().dims());
    }

    @Test
    void nhwcFlattenPutsChannelsFastest() throws IOException {
        writeWeights();
        Network nchw = load("a", "w[\"pt\"] as [out, in*kh*kw]", "w[\"bias\"]", "same", "nchw");
        Network nhwc = load("b", "w[\"pt\"] as [out, in*kh*kw]", "w[\"bias\"]", "same", "nhwc");
        double[] s = spikes();
        double[][] va = new FloatReference(nchw).evaluateAll(s);
        double[][] vb = new FloatReference(nhwc).evaluateAll(s);
        int c = nchw.indexByName().get("c");
        int f = nchw.indexByName().get("f");
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    double v = va[c][(ch * 3 + y) * 3 + x];
                    assertEquals(v, va[f][ch * 9 + y * 3 + x], 0.0);
                    assertEquals(v, vb[f][(y * 3 + x) * 3 + ch], 0.0);
                }
            }
        }
    }

    @Test
    void biasIsAnInputSpikingAtTimeZero() throws IOException {
        String weights = "{\"w\": [[0.6, 0.4, -0.2], [0.3, 0.9, 0.5]], \"b\": [0.7, 0.25],"
                + " \"wb\": [[0.6, 0.4, -0.2, 0.7], [0.3, 0.9, 0.5, 0.25]], \"o\": [[1, 1]]}";
        Files.writeString(dir.resolve("b.json"), weights);
        String withBias = """
                time { t_max = 6; }
                weights w = json("b.json");
                input x = spikes(shape = [3]);
                h = dense(x, out = 2, weight = w["w"], bias = w["b"]);
                output h decode first_spike();
                """;
        String explicit = withBias.replace("shape = [3]", "shape = [4]")
                .replace("weight = w[\"w\"], bias = w[\"b\"]", "weight = w[\"wb\"]");
        Files.writeString(dir.resolve("bias.ttfs"), withBias);
        Files.writeString(dir.resolve("explicit.ttfs"), explicit);
        double[] t = {0.5, 1.0, 2.0};
        double[] z1 = new FloatReference(Frontend.load(dir.resolve("bias.ttfs"))).evaluate(t);
        double[] z2 = new FloatReference(Frontend.load(dir.resolve("explicit.ttfs"))).evaluate(
                new double[] {0.5, 1.0, 2.0, 0.0});
        assertArrayEquals(z2, z1, 1e-15);
        assertTrue(z1[0] < 403, "neuron 0 fires: " + z1[0]);
    }
}
