package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The engine's word width, hand-computed from what dominates each network: two bits (sign and
 * headroom) above the largest index or tick. That the engine computes exactly at this width is
 * CosimTest's and SeedCosimTest's job (a word two bits narrower changes the seed's results).
 */
class EngineWidthsTest {
    private static HardwareImage image(String example) throws Exception {
        Network net = TestData.example(example);
        Target t = Targets.load("generic-serial");
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), t);
        return HardwareImage.of(SimProgram.of(ir, t.engine()));
    }

    @Test
    void tinyIsBoundByItsHorizon() throws Exception {
        HardwareImage img = image("tiny");
        // horizon 1,201 ticks (+ 34 bucket ticks of the queue, + delays of a few ticks): 11 bits
        assertEquals(1201, img.horizon);
        assertEquals(11 + 2, EngineWidths.of(img).wordBits());
    }

    @Test
    void theSeedIsBoundByItsSynapseAddresses() throws Exception {
        HardwareImage img = image("fmnist_shuffle_delay");
        // 1,344,203 explicit synapses: addresses up to 2^20 < 1,344,204 < 2^21, 21 bits
        assertEquals(1_344_203, img.fanTarget.length);
        assertEquals(21 + 2, EngineWidths.of(img).wordBits());
    }
}
