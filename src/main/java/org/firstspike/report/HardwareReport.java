package org.firstspike.report;

import java.util.List;

/**
 * The fidelity figures of `eval --hardware`. Per layer: a histogram of hardware tick − float spike
 * time in ticks (index k holds the difference k − RANGE, ends open), and neurons that fired in
 * both, only in float, only in hardware, in neither.
 */
public record HardwareReport(int images, double seconds, double referenceAccuracy, double hardwareAccuracy,
        double classAgreement, double cyclesPerImage, double cyclesPerImageFull, double synapticEventsPerImage,
        double synapticEventsBeforeDecision, double synapticOpsPerImage, double synapticOpsBeforeDecision,
        double delayWritesPerImage, int lanes, List<Layer> layers) {

    public record Layer(String name, long[] histogram, long[] firing) {
        public long both() {
            return firing[0];
        }

        public long floatOnly() {
            return firing[1];
        }

        public long hardwareOnly() {
            return firing[2];
        }
    }

    /** The limit: synaptic events before the decision ÷ lanes, the cycles perfect lanes would need. */
    public double limit() {
        return synapticEventsBeforeDecision / lanes;
    }

    /** Cycles to the decision divided by the limit. */
    public double cyclesOverLimit() {
        return cyclesPerImage / limit();
    }
}
