package org.firstspike.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.firstspike.diag.DiagnosticException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target's stream width (elements per cycle of host input, gather, pooling and output writes) is
 * its lanes unless the file says otherwise: the simulator's targets stream as wide as their lanes,
 * the Verilog engine's one element per cycle whatever its lanes. The Xilinx targets name the DSP48E1
 * ports the Verilog lanes tile their products to.
 */
class TargetEngineTest {
    @Test
    void streamWidthDefaultsToTheLanes() {
        Target.Engine e = Targets.load("generic-units4").engine();
        assertEquals(8, e.lanes());
        assertEquals(8, e.stream());
        assertEquals(32, Targets.load("xc7a35t-units8").engine().stream());
    }

    @Test
    void theVerilogEnginesTargetsStreamOneElement() {
        for (String name : new String[] {"generic", "xc7a35t-lanes8", "xc7a35t"}) {
            Target.Engine e = Targets.load(name).engine();
            assertEquals(name.equals("xc7a35t") ? 16 : 8, e.lanes(), name);
            assertEquals(1, e.neuronUnits(), name);
            assertEquals(1, e.stream(), name);
            assertTrue(e.directZc(), name);
        }
        // absent means the factored lookup: the one-lane targets keep their block RAM for the images
        for (String name : new String[] {"generic-serial", "xc7a35t-serial", "ice40-hx8k", "generic-units4"}) {
            assertFalse(Targets.load(name).engine().directZc(), name);
        }
    }

    @Test
    void theXilinxTargetsNameTheDsp48Ports() {
        for (String name : new String[] {"xc7a35t", "xc7a35t-serial", "xc7a35t-lanes8", "xc7a35t-units8",
                "xc7a100t-serial"}) {
            Target.Engine e = Targets.load(name).engine();
            assertEquals(25, e.dspPortA(), name);   // DSP48E1: 25 × 18 signed (UG479)
            assertEquals(18, e.dspPortB(), name);
        }
        // absent: one product each, tiled by synthesis
        for (String name : new String[] {"generic", "ice40-hx8k", "ice40-up5k"}) {
            assertEquals(0, Targets.load(name).engine().dspPortA(), name);
            assertEquals(0, Targets.load(name).engine().dspPortB(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[25]", "[18, 25]", "[25, 1]", "[25, 18, 9]"})
    void badDspPortsAreRejectedWithTheFileName(String ports, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        String good = new String(Targets.class.getResourceAsStream("/targets/xc7a35t.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(file, good.replace("[25, 18]", ports));
        DiagnosticException e = assertThrows(DiagnosticException.class, () -> Targets.load(file.toString()));
        assertEquals(file.toString(), e.diagnostics().get(0).file());
        assertTrue(e.getMessage().contains("dsp_ports must be two signed port widths"), e.getMessage());
    }
}
