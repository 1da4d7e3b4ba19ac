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
        double[] raw = values[self];
        InputEncoding enc = op.encoding();
        double[] out = new double[0];
        if (enc instanceof InputEncoding.HostSpikeTimes h) {
            out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = h.zDomain() ? zOf(raw[i]) : toZ(raw[i]);
            }
        } else if (enc instanceof InputEncoding.LinearPixels l) {
            out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = toZ(l.offset() + l.slope() * raw[i] * l.pixelScale());
            }
        } else if (enc instanceof InputEncoding.Ann a) {
            double[] x = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                x[i] = raw[i] * a.pixelScale();
            }
            double[] t = AnnEncoder.run(a.steps(), x, op.sampleShape());
            out = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = toZ(t[i]);
            }
        }
        values[self] = out;
    }

    private double toZ(double t) {
        return t >= time.tMax() || Double.isNaN(t) ? time.noSpikeZ() : time.toZ(t);
    }

    private double zOf(double z) {
        return z >= time.toZ(time.tMax()) || Double.isNaN(z) ? time.noSpikeZ() : z;
    }
}
