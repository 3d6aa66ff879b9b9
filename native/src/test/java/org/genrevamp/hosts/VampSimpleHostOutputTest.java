package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines in the exact shapes vamp-simple-host 2.10 prints (copied from real runs, see the class doc). */
class VampSimpleHostOutputTest {

    @Test
    void readsTimeAndValuesWithTheTrailingSpaceOfAnEmptyLabel() {
        List<VampFeature> f = VampSimpleHostOutput.parse(" 0.000000000: 0.0272384 \n 0.046439909: 0.0828189 \n", 1);
        assertEquals(2, f.size());
        assertEquals(0.046439909, f.get(1).seconds(), 1e-12);
        assertArrayEquals(new float[] {0.0828189f}, f.get(1).values());
        assertFalse(f.get(1).hasDuration());
        assertEquals("", f.get(1).label());
    }

    @Test
    void readsDurationAndAMultiWordLabel() {
        List<VampFeature> f = VampSimpleHostOutput.parse(" 12.500000000, 3.250000000: 4 hip hop\n", 1);
        assertEquals(12.5, f.get(0).seconds(), 0);
        assertEquals(3.25, f.get(0).duration(), 0);
        assertArrayEquals(new float[] {4f}, f.get(0).values());
        assertEquals("hip hop", f.get(0).label());
    }

    @Test
    void binCountSeparatesANumericLabelFromTheValues() {
        assertEquals("7", VampSimpleHostOutput.parse(" 1.000000000: 0.5 -2e-05 7\n", 2).get(0).label());
        assertEquals(3, VampSimpleHostOutput.parse(" 1.000000000: 0.5 -2e-05 7\n", -1).get(0).values().length);
    }

    @Test
    void readsNonFiniteValuesAsIostreamsPrintThem() {
        float[] v = VampSimpleHostOutput.parse(" 0.000000000: nan -nan inf -inf 1e+10\n", 5).get(0).values();
        assertTrue(Float.isNaN(v[0]) && Float.isNaN(v[1]));
        assertEquals(Float.POSITIVE_INFINITY, v[2]);
        assertEquals(Float.NEGATIVE_INFINITY, v[3]);
        assertEquals(1e10f, v[4]);
    }

    @Test
    void refusesALineThatIsNotAFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VampSimpleHostOutput.parse(" 0.000000000: 1 \nhello from a plugin\n", 1));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void refusesTooFewValues() {
        assertThrows(IllegalArgumentException.class, () -> VampSimpleHostOutput.parse(" 0.000000000: 1 label\n", 2));
    }
}
