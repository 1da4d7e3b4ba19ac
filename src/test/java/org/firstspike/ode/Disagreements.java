package org.firstspike.ode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.firstspike.testing.SpikeComparison.Mismatch;

/**
 * Sorts the elements where the float reference and the ODE solver disagree by cause, in node order:
 * the seed's sentinel quirk (a), a float near-tie, or an input that already disagreed.
 */
final class Disagreements {
    /** A relative margin below this is a float near-tie. */
    static final double NEAR_TIE = 1e-9;

    enum Cause {
        /** The exact ODE fired after the neuron's last input, which had no padded or silent input. */
        QUIRK_A,
        /** A decision of the neuron came within {@link #NEAR_TIE} of going the other way. */
        NEAR_TIE,
        /** An element it reads disagrees too. */
        UPSTREAM,
        UNEXPLAINED
    }

    record Classified(Mismatch mismatch, Cause cause) {
        @Override
        public String toString() {
            return cause + ": " + mismatch;
        }
    }

    private Disagreements() {
    }

    /**
     * @param quirkFlags an ODE result whose {@code firedAfterLastInput} marks quirk (a), or null when
     *                   the quirk cannot explain anything (exact settings)
     * @param margins    ODE results whose neuron margins count for near-ties
     */
    static List<Classified> classify(OdeSolver ode, List<Mismatch> mismatches, OdeSolver.Result quirkFlags,
            List<OdeSolver.Result> margins) {
        Set<Long> differing = new HashSet<>();
        List<Classified> out = new ArrayList<>();
        for (Mismatch m : mismatches) {
            differing.add(((long) m.node() << 32) | m.element());
        }
        for (Mismatch m : mismatches) {
            out.add(new Classified(m, cause(ode, m, differing, quirkFlags, margins)));
        }
        return out;
    }

    private static Cause cause(OdeSolver ode, Mismatch m, Set<Long> differing, OdeSolver.Result quirkFlags,
            List<OdeSolver.Result> margins) {
        if (quirkFlags != null && quirkFlags.firedAfterLastInput()[m.node()] != null
                && quirkFlags.firedAfterLastInput()[m.node()][m.element()]) {
            return Cause.QUIRK_A;
        }
        for (OdeSolver.Result r : margins) {
            if (r.margin(m.node(), m.element()) < NEAR_TIE) {
                return Cause.NEAR_TIE;
            }
        }
        for (long s : ode.sourcesOf(m.node(), m.element())) {
            if (differing.contains(s)) {
                return Cause.UPSTREAM;
            }
        }
        return Cause.UNEXPLAINED;
    }

    static List<Classified> unexplained(List<Classified> all) {
        return all.stream().filter(c -> c.cause() == Cause.UNEXPLAINED).toList();
    }

    static long count(List<Classified> all, Cause cause) {
        return all.stream().filter(c -> c.cause() == cause).count();
    }
}
