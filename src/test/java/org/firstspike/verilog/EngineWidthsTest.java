package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * headroom) above the largest tick, one above the largest index. That the engine computes exactly at this width is
 * CosimTest's and SeedCosimTest's job.
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
    void theSeedIsBoundByItsKernel() throws Exception {
        HardwareImage img = image("fmnist_shuffle_delay");
        // kernel rows: z2 32·9·32 + z3 32·9·32 + z4 32·9·64 + z5 64·9·64 + fc 1,536·10 = 89,088 levels,
        // addresses up to 2^16 < 89,088 < 2^17; event words (channel < 64) · 2^11 + pixel (< 1,536)
        // stay below 2^17 too: 17 bits, and one more so that two add without overflow. Its ticks
        // (horizon, largest delay and the queue's 34 bucket ticks below 2^12) need 12 and two more: fewer.
        assertEquals(9_216 + 9_216 + 18_432 + 36_864 + 15_360, img.kernel.length);
        assertEquals(11, img.pixelBits);
        assertEquals(1286, img.horizon);
        assertTrue(1286 + java.util.Arrays.stream(img.runDelay).max().getAsInt() + 34 < 1 << 12);
        assertEquals(17 + 1, EngineWidths.of(img).wordBits());
        // int8 levels (QAT conv layers, PTQ dense layer)
        assertEquals(8, EngineWidths.of(img).levelBits());
    }
}
