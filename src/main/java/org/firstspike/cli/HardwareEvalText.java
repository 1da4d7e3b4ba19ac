package org.firstspike.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.firstspike.report.HardwareEvaluation;
import org.firstspike.report.HardwareReport;
import org.firstspike.report.Json;
import org.firstspike.report.Table;

/** Renders `eval --hardware` as text and as JSON. */
final class HardwareEvalText {
    private HardwareEvalText() {
    }

    static String text(String network, String data, String config, HardwareReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s on %s: %d images in %.1f s; hardware: %s%n", network, data, r.images(), r.seconds(),
                config));
        if (Double.isNaN(r.referenceAccuracy())) {
            sb.append("  accuracy            none: the data set has no labels (--labels FILE.npy)\n");
        } else {
            sb.append(String.format("  reference accuracy  %.2f%%%n", 100 * r.referenceAccuracy()));
            sb.append(String.format("  hardware accuracy   %.2f%%  (%+.2f points)%n", 100 * r.hardwareAccuracy(),
                    100 * (r.hardwareAccuracy() - r.referenceAccuracy())));
        }
        sb.append(String.format("  class agreement     %.2f%%%n", 100 * r.classAgreement()));
        sb.append(String.format("  cycles per image    %,.0f to the decision (%,.0f without early exit); limit %,.0f "
                + "(synaptic events before the decision ÷ %d lanes): %.2f× the limit%n", r.cyclesPerImage(),
                r.cyclesPerImageFull(), r.limit(), r.lanes(), r.cyclesOverLimit()));
        sb.append(String.format("  synaptic events     %,.0f per image (%,.0f before the decision); effective "
                + "accumulates %,.0f; delay-register writes %,.0f%n", r.synapticEventsPerImage(),
                r.synapticEventsBeforeDecision(), r.synapticOpsPerImage(), r.delayWritesPerImage()));
        sb.append("spike-time difference per layer, hardware tick − float time in ticks (neurons firing in both):\n");
        String[] head = new String[2 * HardwareEvaluation.RANGE + 4];
        head[0] = "layer";
        for (int k = 0; k <= 2 * HardwareEvaluation.RANGE; k++) {
            int d = k - HardwareEvaluation.RANGE;
            head[k + 1] = (d == -HardwareEvaluation.RANGE ? "≤" : d == HardwareEvaluation.RANGE ? "≥" : "")
                    + (d > 0 ? "+" : "") + d;
        }
        head[head.length - 2] = "float only";
        head[head.length - 1] = "hardware only";
        Table t = new Table(head);
        for (HardwareReport.Layer l : r.layers()) {
            Object[] row = new Object[head.length];
            row[0] = l.name();
            for (int k = 0; k < l.histogram().length; k++) {
                row[k + 1] = l.histogram()[k];
            }
            row[head.length - 2] = l.floatOnly();
            row[head.length - 1] = l.hardwareOnly();
            t.row(row);
        }
        return sb.append(t.render()).toString();
    }

    static ObjectNode json(String network, String data, String config, HardwareReport r) {
        ObjectNode o = Json.object();
        o.put("network", network);
        o.put("data", data);
        o.put("hardware", config);
        o.put("images", r.images());
        Json.put(o, "reference_accuracy", r.referenceAccuracy());
        Json.put(o, "hardware_accuracy", r.hardwareAccuracy());
        o.put("class_agreement", r.classAgreement());
        o.put("cycles_per_image_mean", r.cyclesPerImage());
        o.put("cycles_per_image_no_early_exit", r.cyclesPerImageFull());
        o.put("cycles_over_limit", r.cyclesOverLimit());
        o.put("lanes", r.lanes());
        o.put("synaptic_events_per_image", r.synapticEventsPerImage());
        o.put("synaptic_events_before_decision", r.synapticEventsBeforeDecision());
        o.put("synaptic_ops_per_image", r.synapticOpsPerImage());
        o.put("synaptic_ops_before_decision", r.synapticOpsBeforeDecision());
        o.put("delay_register_writes_per_image", r.delayWritesPerImage());
        o.put("seconds", r.seconds());
        ArrayNode layers = o.putArray("layers");
        for (HardwareReport.Layer l : r.layers()) {
            ObjectNode x = layers.addObject();
            x.put("name", l.name());
            ObjectNode h = x.putObject("tick_difference_histogram");
            for (int k = 0; k < l.histogram().length; k++) {
                h.put(Integer.toString(k - HardwareEvaluation.RANGE), l.histogram()[k]);
            }
            x.put("fired_both", l.both());
            x.put("fired_float_only", l.floatOnly());
            x.put("fired_hardware_only", l.hardwareOnly());
        }
        return o;
    }
}
