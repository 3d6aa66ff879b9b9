package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputDescriptorTest {

    /**
     * Hosts place feature k of a FixedSampleRate output in column {@code (long) (time * rate)} with the
     * descriptor's float rate: every k of a 10-hour file must land in column k, from its time as the plugin
     * stamps it (RealTime, rounded to the nanosecond).
     */
    @ParameterizedTest
    @CsvSource({"67776, 44100", "73728, 48000", "353, 22050", "706, 44100", "1115, 48000", "512, 22050"})
    void aFixedRateFromAHopPutsEveryFeatureInItsOwnColumn(int hopSamples, int sampleRate) {
        double hop = hopSamples / (double) sampleRate;
        float rate = OutputDescriptor.builder("x").fixedSampleRateEvery(hop).build().sampleRate();
        assertTrue(rate >= 1 / hop, "not below the exact rate");
        assertEquals(1 / hop, rate, 2.5e-7 / hop, "within 1e-7 and a float step of it");
        long features = (long) (36000 / hop);
        for (long k = 0; k < features; k += 1 + k / 1000) {
            double time = RealTime.fromSeconds(k * hop).toSeconds();
            assertEquals(k, (long) (time * rate), "feature " + k);
        }
    }
}
