package org.firstspike.dsl;

import java.nio.file.Path;
import org.firstspike.diag.Diagnostics;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.TimeBase;

/** What layer builders share: the evaluator, the time base, the default neuron, the source directory. */
record Context(Evaluator ev, TimeBase time, NeuronModel neuron, Path sourceDir) {

    Diagnostics diagnostics() {
        return ev.diagnostics();
    }

    /** A spike-time value as z = e^{t/τ}; {@code never} is +∞. */
    double toZ(Value.Time t) {
        return t.zDomain() ? t.value() : time.toZ(t.value());
    }
}
