package org.firstspike.reference;

import org.firstspike.model.InputEncoding;
import org.firstspike.model.Op;
import org.firstspike.model.TimeBase;

/**
 * Turns a raw sample (pixels 0..255, or spike times) into input z values. A spike at t ≥ t_max
 * is no spike and carries the no-spike value exactly; this is what the seed does, since its
 * encoder clamps at t_max = 6 and float32(e^6) is its no-spike code.
 */
final class InputStep implements Step {
    private final int self;
    private final Op.Input op;
    private final TimeBase time;

    InputStep(int self, Op.Input op, TimeBase time) {
        this.self = self;
        this.op = op;
        this.time = time;
    }

    @Override
    public void run(double[][] values, Workspace ws) {
        double[] t = times(values[self]);
        double[] z = new double[t.length];
        InputEncoding enc = op.encoding();
        for (int i = 0; i < t.length; i++) {
            z[i] = enc instanceof InputEncoding.HostSpikeTimes h && h.zDomain() ? zOf(t[i]) : toZ(t[i]);
        }
        values[self] = z;
    }

    /**
     * The encoder's spike times for a raw sample: t (NaN or ≥ t_max meaning no spike), or for
     * host spike times in the z domain, the z values as given.
     */
    double[] times(double[] raw) {
        InputEncoding enc = op.encoding();
        if (enc instanceof InputEncoding.LinearPixels l) {
            double[] t = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                t[i] = l.offset() + l.slope() * raw[i] * l.pixelScale();
            }
            return t;
        } else if (enc instanceof InputEncoding.Ann a) {
            double[] x = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                x[i] = raw[i] * a.pixelScale();
            }
            return AnnEncoder.run(a.steps(), x, op.sampleShape());
        }
        return raw.clone();
    }

    private double toZ(double t) {
        return t >= time.tMax() || Double.isNaN(t) ? time.noSpikeZ() : time.toZ(t);
    }

    private double zOf(double z) {
        return z >= time.toZ(time.tMax()) || Double.isNaN(z) ? time.noSpikeZ() : z;
    }
}
