package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties of librosa's filters.mel (as in librosa's tests/test_filters.py), at several rates. */
class MelFilterbankTest {
    /**
     * Slaney-normalised filters have unit area in Hz; the sum of the sampled triangle times the bin
     * width approximates that area, with an error that shrinks as the filter spans more bins.
     */
    static final double AREA_TOLERANCE_WIDE_FILTERS = 0.01;
    /** Filters spanning at least this many bins are held to {@link #AREA_TOLERANCE_WIDE_FILTERS}. */
    static final double WIDE_FILTER_BINS = 8;

    @ParameterizedTest(name = "{0} Hz, {1} bands, {2}/{3}")
    @CsvSource({
        "22050, 128, SLANEY, SLANEY",
        "44100, 128, SLANEY, SLANEY",
        "48000, 128, SLANEY, SLANEY",
        "22050, 40, HTK, NONE",
        "96000, 64, HTK, SLANEY"})
    void filtersHaveTheRightShapePeaksAndArea(double rate, int bands, String scale, String norm) {
        MelConfig config = MelConfig.defaults().withMelBands(bands, 0, 11025, MelConfig.MelScale.valueOf(scale),
                MelConfig.MelNorm.valueOf(norm));
        int fftSize = config.fftSizeAt(rate);
        MelFilterbank bank = MelFilterbank.create(config, rate, fftSize);
        double[][] w = bank.dense();
        double binHz = rate / fftSize;
        double[] edges = MelScales.melFrequencies(bands + 2, 0, 11025, config.melScale());
        assertEquals(bands, w.length);
        assertEquals(fftSize / 2 + 1, w[0].length);
        assertEquals(bands, bank.bands());
        for (int b = 0; b < bands; b++) {
            int peak = 0;
            double sum = 0;
            for (int k = 0; k < w[b].length; k++) {
                assertTrue(w[b][k] >= 0, "non-negative");
                if (w[b][k] > w[b][peak]) {
                    peak = k;
                }
                sum += w[b][k];
            }
            assertTrue(w[b][peak] > 0, "band " + b + " is empty");
            double centre = bank.centresHz()[b];
            assertEquals(edges[b + 1], centre, 1e-9 * centre);
            assertTrue(Math.abs(peak * binHz - centre) <= binHz, "band " + b + " peaks at " + peak * binHz
                    + " Hz, centre " + centre + " Hz");
            double height = config.melNorm() == MelConfig.MelNorm.SLANEY ? 2 / (edges[b + 2] - edges[b]) : 1.0;
            assertTrue(w[b][peak] <= height * (1 + 1e-12), "peak never above the triangle's apex");
            if (config.melNorm() == MelConfig.MelNorm.SLANEY && (edges[b + 2] - edges[b]) / binHz >= WIDE_FILTER_BINS) {
                assertEquals(1.0, sum * binHz, AREA_TOLERANCE_WIDE_FILTERS, "unit area of band " + b);
            }
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"111", "11025"})
    void bandsAboveNyquistAreEmpty(double rate) {
        MelConfig config = MelConfig.defaults();
        MelFilterbank bank = MelFilterbank.create(config, rate, config.fftSizeAt(rate));
        double[][] w = bank.dense();
        int empty = 0;
        for (int b = 0; b < w.length; b++) {
            double sum = 0;
            for (double v : w[b]) {
                sum += v;
            }
            if (b > 0 && bank.centresHz()[b - 1] >= rate / 2) {
                assertEquals(0.0, sum, 0.0, "band " + b + " above Nyquist");
                empty++;
            }
        }
        assertTrue(empty > 0, "some bands lie above Nyquist at " + rate + " Hz");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SLANEY", "HTK"})
    void melScaleRoundTrips(String scale) {
        MelConfig.MelScale s = MelConfig.MelScale.valueOf(scale);
        for (double hz : new double[] {0, 20, 440, 999.9, 1000, 1000.1, 8000, 20000}) {
            assertEquals(hz, MelScales.melToHz(MelScales.hzToMel(hz, s), s), 1e-9 * (1 + hz));
        }
        // hand-derived points: Slaney 1 kHz = 15 mel (linear part 200/3 Hz per mel); HTK 700 Hz = 2595 log10 2
        assertEquals(s == MelConfig.MelScale.SLANEY ? 15.0 : 2595 * Math.log10(1 + 1000.0 / 700),
                MelScales.hzToMel(1000, s), 1e-12);
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        for (double rate : new double[] {0, -22050, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MelFilterbank.create(MelConfig.defaults(), rate, 2048));
            assertTrue(e.getMessage().contains("sampleRate"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MelFilterbank.create(MelConfig.defaults(), 22050, 1));
    }
}
