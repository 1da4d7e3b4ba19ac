package org.firstspike.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.junit.jupiter.api.Test;

/**
 * Which resources a synthesis result has beyond the device's, on the shipped UP5K's limits, and
 * when a failed nextpnr run means "does not fit" (its utilisation table, copied from a real run).
 */
class SynthReportLimitsTest {
    private final Target.Resources up5k = Targets.load("ice40-up5k").resources();

    @Test
    void aDesignWithinEveryLimitFits() {
        assertEquals(List.of(), SynthReport.overLimits(up5k, 5280, 5280, 5280, 30, 4, 8));
    }

    @Test
    void everyResourceOverItsLimitIsNamed() {
        assertEquals(List.of("LUTs 5,281 of 5,280", "logic cells 5,300 of 5,280", "flip-flops 6,000 of 5,280",
                "block RAM 31 of 30", "SPRAM 5 of 4", "DSPs 18 of 8"),
                SynthReport.overLimits(up5k, 5281, 5300, 6000, 31, 5, 18));
    }

    @Test
    void unknownLogicCellsAreNotCounted() {
        assertEquals(List.of("DSPs 9 of 8"), SynthReport.overLimits(up5k, 100, null, 100, 1, 0, 9));
    }

    @Test
    void aNextpnrLogWithACellTypeOverTheDeviceIsOverfull() {
        String failed = """
                Info: Device utilisation:
                Info: 	         ICESTORM_LC:  8976/ 5280   170%
                Info: 	        ICESTORM_RAM:    14/   30    46%
                Info: 	               SB_IO:     4/   96     4%
                Info: 	               SB_GB:     8/    8   100%
                """;
        assertEquals(true, SynthRunner.overfull(failed));
        assertEquals(false, SynthRunner.overfull(failed.replace("8976/ 5280   170%", "5000/ 5280    94%")));
    }
}
