package org.firstspike.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.IndexMap;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.Window;
import org.firstspike.model.WindowTaps;

/**
 * Compares two evaluators' spike times node by node, in t (not z). Works for any pair: the float
 * reference (whose z values {@link #toTimes} converts), the ODE solver, an integer simulator.
 *
 * <p>"No spike" differs between evaluators: the reference carries its no-spike code (and codes above
 * it, after delays and adds), the ODE +∞. {@link #silenceLevels} gives, per element, the time that
 * a silent input turns into there; a lenient comparison counts two values that are both at or above
 * it as equal (for its consumers, which ignore inputs at or above their own no-spike time, they are).
 */
public final class SpikeComparison {
    private SpikeComparison() {
    }

    /** One element where the evaluators disagree. */
    public record Mismatch(int node, String nodeName, String op, int element, double expected, double actual) {
        @Override
        public String toString() {
            return nodeName + " (" + op + ")[" + element + "]: expected t = " + expected + ", actual t = " + actual;
        }
    }

    /** t = τ·ln z for every node's values (no silencing: a no-spike code becomes its time). */
    public static double[][] toTimes(Network network, double[][] z) {
        double tau = network.time().tauSyn();
        double[][] t = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null) {
                continue;
            }
            t[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                t[i][j] = tau * Math.log(z[i][j]);
            }
        }
        return t;
    }

    /**
     * Per element of every node, the time from which its values are "no spike": t_max for the input,
     * τ·ln(no_spike) for a neuron layer, and for the other ops what a silent input becomes: the
     * smallest level in a min-pool window (with the pad time where the window is padded), the input's
     * level plus the delay, the smallest level of the added elements (spike times are ≥ 0), the
     * copied element's level.
     */
    public static double[][] silenceLevels(Network network) {
        List<Node> nodes = network.nodes();
        double tau = network.time().tauSyn();
        var index = network.indexByName();
        double[][] level = new double[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            Op op = n.op();
            double[] out = new double[n.shape().size()];
            List<double[]> in = n.inputs().stream().map(s -> level[index.get(s)]).toList();
            if (op instanceof Op.Input) {
                Arrays.fill(out, network.time().tMax());
            } else if (op instanceof Op.NeuronLayer l) {
                Arrays.fill(out, tau * Math.log(l.noSpikeZ()));
            } else if (op instanceof Op.MinPool || op instanceof Op.AvgPoolZ) {
                Window win = op instanceof Op.MinPool p ? p.window() : ((Op.AvgPoolZ) op).window();
                double padZ = op instanceof Op.MinPool p ? p.padZ() : ((Op.AvgPoolZ) op).padZ();
                Shape s = network.node(n.inputs().get(0)).shape();
                int plane = n.shape().plane();
                for (int j = 0; j < out.length; j++) {
                    int ow = n.shape().width();
                    double m = Double.POSITIVE_INFINITY;
                    for (int tap : WindowTaps.oneChannel(win, s, j / plane, j % plane / ow, j % ow)) {
                        m = Math.min(m, tap < 0 ? tau * Math.log(padZ) : in.get(0)[tap]);
                    }
                    out[j] = m;
                }
            } else if (op instanceof Op.Delay d) {
                int plane = n.shape().plane();
                for (int j = 0; j < out.length; j++) {
                    out[j] = in.get(0)[j] + d.delayOf(j / plane);
                }
            } else if (op instanceof Op.Add) {
                for (int j = 0; j < out.length; j++) {
                    double m = Double.POSITIVE_INFINITY;
                    for (double[] l : in) {
                        m = Math.min(m, l[j]);
                    }
                    out[j] = m;
                }
            } else {
                List<Shape> shapes = n.inputs().stream().map(x -> network.node(x).shape()).toList();
                IndexMap map = IndexMap.of(op, shapes, n.shape());
                for (int j = 0; j < out.length; j++) {
                    out[j] = in.get(map.source()[j])[map.index()[j]];
                }
            }
            level[i] = out;
        }
        return level;
    }

    /**
     * Every element of every node where {@code expected} and {@code actual} differ by more than
     * {@code relTol}·max(1, |t|), skipping nodes either side left null. With {@code lenient}, values
     * both at or above the node's silence level are equal.
     */
    public static List<Mismatch> compare(Network network, double[][] expected, double[][] actual, double relTol,
            boolean lenient) {
        double[][] level = lenient ? silenceLevels(network) : null;
        List<Mismatch> out = new ArrayList<>();
        for (int i = 0; i < network.nodes().size(); i++) {
            if (expected[i] == null || actual[i] == null) {
                continue;
            }
            Node n = network.nodes().get(i);
            for (int j = 0; j < expected[i].length; j++) {
                if (!agree(expected[i][j], actual[i][j], relTol, lenient ? level[i][j] : Double.NaN)) {
                    out.add(new Mismatch(i, n.name(), n.op().keyword(), j, expected[i][j], actual[i][j]));
                }
            }
        }
        return out;
    }

    /** Equal (infinities too), finite and within relTol·max(1, |a|, |b|), or both at/above {@code level} (to relTol). */
    public static boolean agree(double a, double b, double relTol, double level) {
        if (a == b) {
            return true;
        }
        // The level itself is computed in floats (e.g. ln(z·e^d) vs ln z + d): allow relTol below it.
        double floor = level - relTol * Math.max(1, Math.abs(level));
        if (a >= floor && b >= floor) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b) || Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        double scale = Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= relTol * scale;
    }
}
