package org.firstspike.sim;

/** A node of the lowered program as the engine runs it: its size and the feeds it gathers from. */
abstract sealed class Stage permits InputStage, CoreStage, MinPoolStage, TimeAddStage {
    final String name;
    final int size;
    final Feed[] feeds;

    Stage(String name, int size, Feed[] feeds) {
        this.name = name;
        this.size = size;
        this.feeds = feeds;
    }

    /** Events at or after this tick are dropped at gather time (a core's no-spike tick); MAX for none. */
    int dropFrom() {
        return Integer.MAX_VALUE;
    }

    /** Size of the input space events address. */
    abstract int inputSize();

    /** Processes the sorted events of one image into this stage's output ticks; returns cycles spent. */
    abstract long process(Engine e, int[] evTick, int[] evElement, int events, int[] out);
}
