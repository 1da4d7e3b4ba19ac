package org.firstspike.data;

/**
 * Samples and labels held in memory. Sample i is {@code values[i·sampleSize .. (i+1)·sampleSize)}:
 * pixels 0..255 for image sets, spike times for spike-time sets. Labels are −1 when unknown.
 */
public record Dataset(String name, int[] sampleShape, int count, double[] values, int[] labels) {

    public int sampleSize() {
        int n = 1;
        for (int d : sampleShape) {
            n *= d;
        }
        return n;
    }

    public double[] sample(int i) {
        int size = sampleSize();
        double[] s = new double[size];
        System.arraycopy(values, i * size, s, 0, size);
        return s;
    }

    public boolean labelled() {
        return labels != null;
    }

    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }
}
