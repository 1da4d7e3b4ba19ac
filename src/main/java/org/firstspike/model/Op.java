package org.firstspike.model;

import java.util.List;

/** What a node of the network computes. Every op has exactly one output tensor. */
public sealed interface Op {

    /** The keyword the .ttfs language uses for this op. */
    String keyword();

    /** The network input, with how the host turns a sample into spike times. */
    record Input(Shape sampleShape, InputEncoding encoding) implements Op {
        public String keyword() {
            return "input";
        }
    }

    /** A TTFS convolution: every output pixel is an {@link NeuronModel} neuron over its patch. */
    record Conv2d(Window window, SynapseWeights weights, Bias bias, NeuronModel neuron, double noSpikeZ)
            implements Op, NeuronLayer {
        public String keyword() {
            return "conv2d";
        }
    }

    /** A fully connected TTFS layer. */
    record Dense(SynapseWeights weights, Bias bias, NeuronModel neuron, double noSpikeZ) implements Op, NeuronLayer {
        public String keyword() {
            return "dense";
        }
    }

    /** First-spike pooling: the earliest spike in the window passes (min over z). */
    record MinPool(Window window, double padZ) implements Op {
        public String keyword() {
            return "minpool";
        }
    }

    /** Mean of z over the window (the seed's MNIST skip): not a spike-time operation, float only. */
    record AvgPoolZ(Window window, double padZ) implements Op {
        public String keyword() {
            return "avgpool_z";
        }
    }

    /** Flattens [C, H, W] to [C·H·W] in the given order. */
    record Flatten(FlattenOrder order) implements Op {
        public String keyword() {
            return "flatten";
        }
    }

    /** Channels [from, to) of the input: one part of {@code chunk} or {@code split}. */
    record ChannelSlice(int from, int to) implements Op {
        public String keyword() {
            return "slice";
        }
    }

    /** Concatenation along channels, inputs in order. */
    record Concat() implements Op {
        public String keyword() {
            return "concat";
        }
    }

    /** Channel shuffle: out[n] = in[(n mod g)·C/g + ⌊n/g⌋]. */
    record Shuffle(int groups) implements Op {
        public String keyword() {
            return "shuffle";
        }
    }

    /** Addition skip: spike times add (z values multiply), element by element. */
    record Add() implements Op {
        public String keyword() {
            return "add";
        }
    }

    /**
     * A learned delay per channel (one value broadcasts to all): t ← t + d_c. {@code applied}
     * holds what the trainer applies (max(d, 0) when it clamps), {@code raw} what the file holds.
     */
    record Delay(double[] raw, double[] applied, boolean clampsNegative, String origin) implements Op {
        public String keyword() {
            return "delay";
        }

        public double delayOf(int channel) {
            return applied.length == 1 ? applied[0] : applied[channel];
        }
    }

    /** The ops that are layers of neurons with synapses. */
    sealed interface NeuronLayer permits Conv2d, Dense {
        SynapseWeights weights();

        Bias bias();

        NeuronModel neuron();

        double noSpikeZ();
    }

    /** All op keywords, for messages. */
    List<String> KEYWORDS = List.of("conv2d", "dense", "minpool", "avgpool_z", "flatten", "chunk", "split",
            "concat", "shuffle", "add", "delay");
}
