package org.firstspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The bias event's cycles (docs/architecture.md §4.3): one per (position, chunk of L output
 * channels) that holds a synapse of the bias list, at least one. Worked by hand on a core of 3 output
 * channels at 4 positions (neuron j = channel · 4 + position) whose bias list reaches neurons
 * 0 (c0 p0), 1 (c0 p1), 4 (c1 p0) and 11 (c2 p3): the others are dead or have a zero level.
 */
class BiasCyclesTest {
    private static final int[] LIST = {0, 1, 4, 11};

    @Test
    void oneLaneTakesOneCyclePerSynapse() {
        assertEquals(4, CoreCompiler.biasCycles(LIST, 0, 4, 4, 1));
    }

    /** Chunks {c0, c1} and {c2}: (chunk 0, p0) holds c0 and c1, then (0, p1) and (1, p3). */
    @Test
    void twoLanesShareAPositionsChunk() {
        assertEquals(3, CoreCompiler.biasCycles(LIST, 0, 4, 4, 2));
    }

    /** One chunk {c0, c1, c2}: positions p0, p1 and p3 hold a synapse. */
    @Test
    void fourLanesTakeEveryChannelOfAPosition() {
        assertEquals(3, CoreCompiler.biasCycles(LIST, 0, 4, 4, 4));
    }

    /** A sub-list counts only its own synapses; an empty list still takes its cycle. */
    @Test
    void aSubListAndAnEmptyList() {
        assertEquals(1, CoreCompiler.biasCycles(LIST, 2, 3, 4, 2));
        assertEquals(1, CoreCompiler.biasCycles(LIST, 2, 2, 4, 2));
    }
}
