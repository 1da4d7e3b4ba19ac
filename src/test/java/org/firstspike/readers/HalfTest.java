package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {

    @Test
    void everyHalfSurvivesARoundTrip() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat(h);
            if (Float.isNaN(f)) {
                assertTrue((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0);
            } else {
                assertEquals(h, Half.fromDouble(f), "half 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void knownValuesAndRounding() {
        assertEquals(65504f, Half.toFloat(0x7bff));
        assertEquals(0x1p-24f, Half.toFloat(0x0001));
        assertEquals(-2f, Half.toFloat(0xc000));
        assertEquals(0x3c00, Half.fromDouble(1.0 + 0x1p-11)); // tie: rounds to even (1.0)
        assertEquals(0x3c02, Half.fromDouble(1.0 + 3 * 0x1p-11)); // tie: rounds to even (1 + 2^-9)
        assertEquals(0x7c00, Half.fromDouble(65520)); // rounds to infinity
        assertEquals(0x7bff, Half.fromDouble(65519.99));
    }
}
