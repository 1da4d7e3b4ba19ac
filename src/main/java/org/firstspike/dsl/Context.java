package org.firstspike.dsl;

import java.nio.file.Path;
import org.firstspike.diag.Diagnostics;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.TimeBase;

/**
 * What layer builders share: the evaluator, the time base, the default neuron, the source directory.
 * {@code timeKnown} is false when the time block is missing or wrong (already reported): the layers
 * are still checked, with a stand-in time base, but nothing is compared with its t_max.
 */
record Context(Evaluator ev, TimeBase time, boolean timeKnown, NeuronModel neuron, Path sourceDir) {

    Diagnostics diagnostics() {
        return ev.diagnostics();
    }

    /** A spike-time value as z = e^{t/τ}; {@code never} is +∞. */
    double toZ(Value.Time t) {
        return t.zDomain() ? t.value() : time.toZ(t.value());
    }
}
