package org.firstspike.reference;

/**
 * Ops that add to spike times, i.e. multiply z: the addition skip (t = Σ t_i, z = Π z_i) and the
 * per-channel delay (t + d_c, z·e^{d_c/τ}). Like the seed, silent values are shifted too; they
 * stay above every no-spike threshold downstream, so they stay silent.
 */
final class TimeShiftStep implements Step {
    private final int self;
    private final int[] sources;
    private final double[] factorPerChannel;
    private final int plane;

    private TimeShiftStep(int self, int[] sources, double[] factorPerChannel, int plane) {
        this.self = self;
        this.sources = sources;
        this.factorPerChannel = factorPerChannel;
        this.plane = plane;
    }

    static TimeShiftStep add(int self, int[] sources) {
        return new TimeShiftStep(self, sources, null, 1);
    }

    static TimeShiftStep delay(int self, int source, double[] delays, double tauSyn, int plane) {
        double[] f = new double[delays.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = Math.exp(delays[c] / tauSyn);
        }
        return new TimeShiftStep(self, new int[] {source}, f, plane);
    }

    @Override
    public void run(double[][] values, Workspace ws) {
        double[] out = values[sources[0]].clone();
        if (factorPerChannel == null) {
            for (int s = 1; s < sources.length; s++) {
                double[] other = values[sources[s]];
                for (int j = 0; j < out.length; j++) {
                    out[j] *= other[j];
                }
            }
        } else {
            for (int j = 0; j < out.length; j++) {
                out[j] *= factorPerChannel.length == 1 ? factorPerChannel[0] : factorPerChannel[j / plane];
            }
        }
        values[self] = out;
    }
}
