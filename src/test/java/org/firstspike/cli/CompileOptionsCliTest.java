package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.firstspike.testing.CliRun;

/** The quantization and table options of `compile`, and what the passes report for them. */
class CompileOptionsCliTest {
    static final String SHUFFLE = "examples/fmnist_shuffle_delay.ttfs";

    private static String report(String... extra) {
        String[] args = new String[2 + extra.length];
        args[0] = "compile";
        args[1] = SHUFFLE;
        System.arraycopy(extra, 0, args, 2, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return r.out() + r.err();
    }

    @Test
    void ptqWidthAndGranularityAreTheUsersAndReportedAsSuch() {
        assertTrue(report().contains("fc: PTQ to int8 per channel (trained in float)"), "defaults");
        String r = report("--ptq-bits", "6", "--ptq-per", "tensor");
        assertTrue(r.contains("fc: PTQ to int6 per tensor (trained in float)"), r);
        assertTrue(r.contains("z2: int8 levels as trained"), "QAT layers keep their levels: " + r);
    }

    /** B = Σ q·Z holds Z with F fraction bits, so 4 fewer table bits make the widest product 4 bits narrower. */
    @Test
    void fewerTableBitsNarrowTheFiringTestProducts() {
        assertEquals(widestProduct(report()) - 4, widestProduct(report("--z-fraction-bits", "12")));
    }

    private static int widestProduct(String report) {
        Matcher m = Pattern.compile("products (\\d+) bits").matcher(report);
        int widest = 0;
        while (m.find()) {
            widest = Math.max(widest, Integer.parseInt(m.group(1)));
        }
        assertTrue(widest > 0, report);
        return widest;
    }

    /** hi·lo of the tables needs about 2F + 11 bits on the seed model's 1,024 ticks: F = 28 no longer fits. */
    @Test
    void tablesTooWideForTheArithmeticAreAnErrorNotAWrongAnswer() {
        CliRun r = CliRun.of("compile", SHUFFLE, "--z-fraction-bits", "28");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the membrane tables overflow 64-bit arithmetic with 28 fraction bits"), r.err());
    }

    @Test
    void badGranularityIsAUsageError() {
        CliRun r = CliRun.of("compile", SHUFFLE, "--ptq-per", "row");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--ptq-per takes tensor or channel, not 'row'"), r.err());
    }
}
