package org.firstspike.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * StaticTiming's parser on Yosys 0.23 `sta` output: the seed engine's longest path as a real run
 * printed it (src/test/resources/synth/xc7a35t-sta.txt, the expected values read off that file by
 * hand), and hand-written paths from a data input and without any path.
 */
class StaticTimingTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = StaticTimingTest.class.getResourceAsStream("/synth/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesTheSeedEnginesLongestPath() throws IOException {
        StaticTiming t = StaticTiming.parse(resource("xc7a35t-sta.txt"));
        assertNotNull(t);
        // the endpoint's input at 20,692 ps, the clock out of its BUFG at 96 ps
        assertEquals(20.596, t.delayNs(), 1e-9);
        assertEquals(1000.0 / 20.596, t.fmaxBoundMhz(), 1e-9);
        assertEquals("engine.merge.epoch[0] (FDSE)", t.start());
        assertEquals("engine.ticks_wd[0] (RAMB18E1.DIADI)", t.end());
        assertEquals(62, t.cells(), "lines 3 to 125 of the file, every second one");
    }

    @Test
    void aPathFromADataInputStartsAtTheInput() {
        String sta = """
                Latest arrival time in 'top' is 1200:
                    1200 q_reg (FDRE.D)
                           \\n1
                     800 lut (LUT2.I0->O)
                           \\in_valid_buf
                     100 $iopadmap$top.in_valid (IBUF.I->O)
                           \\in_valid
                     100   \\in_valid (<primary input>)
                """;
        StaticTiming t = StaticTiming.parse(sta);
        assertNotNull(t);
        assertEquals(1.1, t.delayNs(), 1e-9);
        assertEquals("in_valid (input)", t.start());
        assertEquals("n1 (FDRE.D)", t.end());
        assertEquals(3, t.cells(), "the endpoint, the LUT and the input buffer");
    }

    @Test
    void noPathIsNull() {
        assertNull(StaticTiming.parse("5. Executing STA pass (static timing analysis).\nNo timing paths found.\n"));
        assertNull(StaticTiming.parse(""));
    }
}
