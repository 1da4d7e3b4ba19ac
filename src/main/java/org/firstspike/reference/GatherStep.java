package org.firstspike.reference;

import org.firstspike.model.IndexMap;

/** Slice, concat, shuffle and flatten: pure index maps. */
final class GatherStep implements Step {
    private final int self;
    private final int[] sources;
    private final IndexMap map;

    GatherStep(int self, int[] sources, IndexMap map) {
        this.self = self;
        this.sources = sources;
        this.map = map;
    }

    @Override
    public void run(double[][] values, Workspace ws) {
        double[] out = new double[map.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[sources[map.source()[j]]][map.index()[j]];
        }
        values[self] = out;
    }
}
