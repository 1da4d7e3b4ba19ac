package org.firstspike.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.firstspike.model.IndexMap;
import org.firstspike.model.LastInputSentinel;
import org.firstspike.model.NextInputTest;
import org.firstspike.model.Window;

/** What an IR node computes. Passes lower the model-level ops until only hardware units remain. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IrOp.Input.class, name = "input"),
    @JsonSubTypes.Type(value = IrOp.Neuron.class, name = "neuron"),
    @JsonSubTypes.Type(value = IrOp.MinPool.class, name = "minpool"),
    @JsonSubTypes.Type(value = IrOp.AvgPoolZ.class, name = "avgpool_z"),
    @JsonSubTypes.Type(value = IrOp.Move.class, name = "move"),
    @JsonSubTypes.Type(value = IrOp.DelayLine.class, name = "delay"),
    @JsonSubTypes.Type(value = IrOp.Add.class, name = "add"),
    @JsonSubTypes.Type(value = IrOp.TimeAdd.class, name = "time_add")})
public sealed interface IrOp {

    /**
     * Spikes from the host: it runs the encoder in float and sends ticks. {@code silentFrom} is the
     * tick of t_max (a spike at or after it is no spike), {@code noSpikeTick} the tick a silent
     * input carries; both are −1 until QuantizeInputTimes.
     */
    record Input(int[] sampleShape, String encoding, double noSpikeZ, int silentFrom, int noSpikeTick) implements IrOp {
    }

    /**
     * A core: conv2d ({@code window} set) or dense neurons over input tensor {@code inShape}.
     * {@code noSpikeTick} is −1 until QuantizeTime; {@code dead} lists neurons that can never fire.
     */
    record Neuron(String kind, Window window, int[] inShape, int outChannels, double threshold,
            NextInputTest nextInputTest, LastInputSentinel lastInputSentinel, double noSpikeZ, int noSpikeTick,
            Weights weights, Bias bias, int[] dead, CoreWidths widths, Placement placement) implements IrOp {

        public boolean conv() {
            return window != null;
        }

        public Neuron with(Weights w, Bias b) {
            return new Neuron(kind, window, inShape, outChannels, threshold, nextInputTest, lastInputSentinel,
                    noSpikeZ, noSpikeTick, w, b, dead, widths, placement);
        }

        public Neuron withNoSpikeTick(int tick) {
            return new Neuron(kind, window, inShape, outChannels, threshold, nextInputTest, lastInputSentinel,
                    noSpikeZ, tick, weights, bias, dead, widths, placement);
        }

        public Neuron withDead(int[] d) {
            return new Neuron(kind, window, inShape, outChannels, threshold, nextInputTest, lastInputSentinel,
                    noSpikeZ, noSpikeTick, weights, bias, d, widths, placement);
        }

        public Neuron withWidths(CoreWidths w) {
            return new Neuron(kind, window, inShape, outChannels, threshold, nextInputTest, lastInputSentinel,
                    noSpikeZ, noSpikeTick, weights, bias, dead, w, placement);
        }

        public Neuron withPlacement(Placement p) {
            return new Neuron(kind, window, inShape, outChannels, threshold, nextInputTest, lastInputSentinel,
                    noSpikeZ, noSpikeTick, weights, bias, dead, widths, p);
        }

        /** Synapses per output neuron: in·kh·kw for a conv, in for dense. */
        public int fanIn() {
            int in = 1;
            for (int d : inShape) {
                in *= d;
            }
            return conv() ? inShape[0] * window.kh() * window.kw() : in;
        }
    }

    /** First-spike pooling; {@code padTick} is −1 until QuantizeTime (and stays −1 for a pad that never wins). */
    record MinPool(Window window, int[] inShape, double padZ, int padTick) implements IrOp {
    }

    /** The seed's z-average pool: float only; RejectFloatOnlyOps refuses it. */
    record AvgPoolZ(Window window, double padZ) implements IrOp {
    }

    /** Slice, concat, shuffle or flatten: an index map that FoldIndexMaps folds into edges. */
    record Move(String kind, IndexMap map) implements IrOp {
    }

    /** A per-channel delay, folded into the edges of its consumers by LowerConcatSkip. */
    record DelayLine(double[] times, int plane) implements IrOp {
    }

    /** The addition skip before lowering: spike times add. */
    record Add() implements IrOp {
    }

    /** The time-add unit: emits at t_a + t_b once every operand (one per edge) has spiked. */
    record TimeAdd(int operands) implements IrOp {
    }
}
