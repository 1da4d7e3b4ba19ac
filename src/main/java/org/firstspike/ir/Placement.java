package org.firstspike.ir;

/** Which target memory holds a core's weights and neuron state, and how many blocks each takes. */
public record Placement(String weightMemory, int weightBlocks, long weightBits, String stateMemory,
        int stateBlocks, long stateBits) {
}
