package org.firstspike.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A target's stream width (elements per cycle of host input, gather, pooling and output writes) is
 * its lanes unless the file says otherwise: the simulator's targets stream as wide as their lanes,
 * the Verilog engine's one element per cycle whatever its lanes.
 */
class TargetEngineTest {
    @Test
    void streamWidthDefaultsToTheLanes() {
        Target.Engine e = Targets.load("generic").engine();
        assertEquals(8, e.lanes());
        assertEquals(8, e.stream());
        assertEquals(32, Targets.load("xc7a35t").engine().stream());
    }

    @Test
    void theVerilogEnginesTargetsStreamOneElement() {
        for (String name : new String[] {"generic-lanes8", "xc7a35t-lanes8"}) {
            Target.Engine e = Targets.load(name).engine();
            assertEquals(8, e.lanes(), name);
            assertEquals(1, e.neuronUnits(), name);
            assertEquals(1, e.stream(), name);
            assertTrue(e.directZc(), name);
        }
        // absent means the factored lookup: the one-lane targets keep their block RAM for the images
        for (String name : new String[] {"generic-serial", "xc7a35t-serial", "ice40-hx8k", "generic"}) {
            assertFalse(Targets.load(name).engine().directZc(), name);
        }
    }
}
