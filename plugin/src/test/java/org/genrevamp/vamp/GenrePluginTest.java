package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Pattern;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.testing.ExpectedDiagnostics;
import org.genrevamp.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What vamp-plugin-tester checks, on the Java plugin directly: metadata, descriptors, timestamps,
 * odd input (empty, short, silent, loud, random, NaN), determinism across instances and reset(),
 * and sample rates from 111 Hz to 1094091 Hz.
 */
@ExtendWith(ExpectedDiagnostics.class)
class GenrePluginTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final MelConfig MEL = MelConfig.defaults();
    /** 10 log10(amin): what a band with no energy reads. */
    private static final float FLOOR_DB = (float) (10 * Math.log10(MelConfig.DEFAULT_AMIN));
    private static final int MEL_OUTPUT = 0;

    @BeforeAll
    static void model() {
        TestBundles.installAsCustomModel();
    }

    @Test
    void metadataIsCompleteAndIdentifiersAreValid() {
        Plugin p = new GenrePlugin(44100f);
        assertTrue(IDENTIFIER.matcher(p.getIdentifier()).matches());
        for (String text : List.of(p.getName(), p.getDescription(), p.getMaker(), p.getCopyright())) {
            assertFalse(text.isBlank());
        }
        assertTrue(p.getPluginVersion() >= 1);
        assertTrue(p.getMinChannelCount() >= 1 && p.getMaxChannelCount() >= p.getMinChannelCount());
        assertTrue(p.getPreferredBlockSize() > 0 && p.getPreferredStepSize() > 0);
        for (ParameterDescriptor d : p.getParameterDescriptors()) {
            assertTrue(IDENTIFIER.matcher(d.identifier()).matches(), d.identifier());
            assertEquals(d.defaultValue(), p.getParameter(d.identifier()), "default applies: " + d.identifier());
        }
        List<OutputDescriptor> outputs = p.getOutputDescriptors();
        assertFalse(outputs.isEmpty());
        for (OutputDescriptor o : outputs) {
            assertTrue(IDENTIFIER.matcher(o.identifier()).matches(), o.identifier());
            assertFalse(o.name().isBlank() || o.description().isBlank(), o.identifier());
            assertTrue(o.binNames().isEmpty() || o.binNames().size() == o.binCount(), o.identifier());
            assertTrue(o.sampleType() != SampleType.FIXED_SAMPLE_RATE || o.sampleRate() > 0, o.identifier());
        }
        assertEquals(outputs.size(), outputs.stream().map(OutputDescriptor::identifier).distinct().count());
    }

    @Test
    void melOutputIsAColourPlotOfNamedBandsAtTheFrameRate() {
        OutputDescriptor mel = new GenrePlugin(48000f).getOutputDescriptors().get(MEL_OUTPUT);
        assertEquals("melspectrogram", mel.identifier());
        assertEquals(SampleType.FIXED_SAMPLE_RATE, mel.sampleType());
        assertEquals(48000.0 / MEL.hopAt(48000), mel.sampleRate(), 1e-4, "whole-sample hop: 1115 samples at 48 kHz");
        assertEquals(128, mel.binCount());
        int previous = -1;
        for (String name : mel.binNames()) {
            assertTrue(name.matches("\\d+ Hz"), name);
            int hz = Integer.parseInt(name.substring(0, name.length() - 3));
            assertTrue(hz > previous, "band centres increase: " + mel.binNames());
            previous = hz;
        }
        assertTrue(previous > 10000 && previous <= MEL.fMax(), "top band centre " + previous);
    }

    /** At 48 kHz the 22.05 kHz models' hop is 1114.56 samples: frames must sit on whole samples (1115). */
    @ParameterizedTest
    @ValueSource(floats = {44100f, 48000f})
    void timestampsAreOnTheWholeSampleFrameGridAndIncrease(float rate) {
        List<Feature> features = run(new GenrePlugin(rate), 2.0, 1, 1024, 1024, sine(rate, 1000));
        int hop = MEL.hopAt(rate);
        for (int k = 0; k < features.size(); k++) {
            assertEquals((long) k * hop, Math.round(features.get(k).timestamp().toSeconds() * rate), "feature " + k);
            assertEquals(k * hop / (double) rate, features.get(k).timestamp().toSeconds(), 1e-9, "feature " + k);
        }
        assertEquals(MelStream.frameCount(paddedLength(2.0, rate, 1024), MEL, rate), features.size());
        OutputDescriptor mel = new GenrePlugin(rate).getOutputDescriptors().get(0);
        assertEquals(rate / hop, mel.sampleRate(), 1e-4, "a whole number of host samples per column");
    }

    @Test
    void emptyInputGivesNoFeatures() {
        GenrePlugin p = new GenrePlugin(22050f);
        assertTrue(p.initialise(1, 1024, 1024));
        assertTrue(p.getRemainingFeatures().isEmpty());
    }

    @Test
    void inputShorterThanOneBlockStillGivesFiniteFrames() {
        List<Feature> features = run(new GenrePlugin(22050f), 0.01, 1, 1024, 1024, sine(22050, 440));
        assertFalse(features.isEmpty());
        features.forEach(f -> assertAllFinite(f.values()));
    }

    @Test
    void silenceReadsTheFloorInEveryBand() {
        for (Feature f : run(new GenrePlugin(22050f), 1.0, 2, 1024, 1024, i -> 0.0)) {
            for (float v : f.values()) {
                assertEquals(FLOOR_DB, v, 1e-4);
            }
        }
    }

    @Test
    void loudRandomAndInvalidInputGiveFiniteValues() {
        Random random = new Random(42);
        List<IntToDoubleFunction> signals = List.of(
                i -> (i / 50) % 2 == 0 ? 1.0 : -1.0,          // full-scale square wave
                i -> 8.0 * (random.nextDouble() - 0.5),        // random, beyond full scale
                i -> i % 100 == 0 ? Double.NaN : i % 77 == 0 ? Double.POSITIVE_INFINITY : 0.1);
        for (IntToDoubleFunction signal : signals) {
            List<Feature> features = run(new GenrePlugin(44100f), 1.0, 1, 1024, 1024, signal);
            assertFalse(features.isEmpty());
            features.forEach(f -> assertAllFinite(f.values()));
        }
    }

    @Test
    void instancesAndResetAreDeterministic() {
        Random random = new Random(5);
        double[] noise = random.doubles(44100 * 2).map(x -> x - 0.5).toArray();
        IntToDoubleFunction signal = i -> i < noise.length ? noise[i] : 0;
        GenrePlugin a = new GenrePlugin(44100f);
        List<Feature> first = run(a, 2.0, 2, 1024, 1024, signal);
        List<Feature> other = run(new GenrePlugin(44100f), 2.0, 2, 1024, 1024, signal);
        a.reset();
        List<Feature> again = process(a, 2.0, 2, 1024, 1024, signal);
        assertSameValues(first, other);
        assertSameValues(first, again);
    }

    @Test
    void featuresStartWhereTheHostSaysTheInputStarts() {
        IntToDoubleFunction signal = sine(22050, 440);
        List<Feature> fromZero = run(new GenrePlugin(22050f), 1.0, 1, 1024, 1024, signal);
        GenrePlugin late = new GenrePlugin(22050f);
        assertTrue(late.initialise(1, 1024, 1024));
        List<Feature> fromTen = process(late, 1.0, 1, 1024, 1024, signal, 10.0);
        assertEquals(fromZero.size(), fromTen.size());
        for (int i = 0; i < fromZero.size(); i++) {
            assertArrayEquals(fromZero.get(i).values(), fromTen.get(i).values(), "feature " + i + " values");
            assertEquals(fromZero.get(i).timestamp().toSeconds() + 10.0, fromTen.get(i).timestamp().toSeconds(), 1e-9,
                    "feature " + i + " moved by the first block's timestamp");
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {111f, 800f, 8000f, 22050f, 44100f, 96000f, 192000f, 1094091f})
    void anySampleRateGivesFiniteFramesAtTheSameFrameRate(float rate) {
        double seconds = rate > 200000 ? 0.3 : 12.0 * Math.min(1, 8000 / rate) + 0.5;
        List<Feature> features = run(new GenrePlugin(rate), seconds, 1, 1024, 1024, sine(rate, rate / 8));
        assertEquals(MelStream.frameCount(paddedLength(seconds, rate, 1024), MEL, rate), features.size(), "at " + rate);
        assertEquals(seconds * rate / MEL.hopAt(rate), features.size(), 1 + 1024.0 / MEL.hopAt(rate),
                "frames ~ duration");
        features.forEach(f -> assertAllFinite(f.values()));
    }

    @Test
    void refusesWhatItCannotHonourWithFalse() {
        assertFalse(new GenrePlugin(44100f).initialise(0, 1024, 1024), "no channels");
        assertFalse(new GenrePlugin(44100f).initialise(GenrePlugin.MAX_CHANNELS + 1, 1024, 1024), "too many channels");
        assertFalse(new GenrePlugin(44100f).initialise(1, 2048, 1024), "step > block would skip samples");
        assertTrue(new GenrePlugin(44100f).initialise(1, 1, 3), "odd sizes are fine");
    }

    /** initialise + process + remaining, returning the mel output's features. */
    static List<Feature> run(GenrePlugin p, double seconds, int channels, int step, int block, IntToDoubleFunction x) {
        assertTrue(p.initialise(channels, step, block));
        return process(p, seconds, channels, step, block, x);
    }

    private static List<Feature> process(GenrePlugin p, double seconds, int channels, int step, int block,
                                         IntToDoubleFunction x) {
        return process(p, seconds, channels, step, block, x, 0.0);
    }

    /** As above, with the host's clock starting at {@code startSeconds}. */
    private static List<Feature> process(GenrePlugin p, double seconds, int channels, int step, int block,
                                         IntToDoubleFunction x, double startSeconds) {
        int total = (int) Math.round(seconds * p.inputSampleRate);
        List<Feature> features = new ArrayList<>();
        float[][] buffers = new float[channels][block];
        for (int start = 0; start < total; start += step) {
            for (int i = 0; i < block; i++) {
                float v = start + i < total ? (float) x.applyAsDouble(start + i) : 0f;
                for (float[] channel : buffers) {
                    channel[i] = v;
                }
            }
            features.addAll(p.process(buffers,
                    RealTime.fromSeconds(startSeconds + start / (double) p.inputSampleRate)).get(MEL_OUTPUT));
        }
        features.addAll(p.getRemainingFeatures().get(MEL_OUTPUT));
        return features;
    }

    /** Samples the plugin sees: hosts zero-pad the last block to the block size. */
    private static long paddedLength(double seconds, double rate, int block) {
        long samples = Math.round(seconds * rate);
        return (samples + block - 1) / block * block;
    }

    private static IntToDoubleFunction sine(double rate, double hz) {
        return i -> 0.5 * Math.sin(2 * Math.PI * hz * i / rate);
    }

    private static void assertAllFinite(float[] values) {
        for (float v : values) {
            assertTrue(Float.isFinite(v), () -> "non-finite value in " + Arrays.toString(values));
        }
    }

    private static void assertSameValues(List<Feature> expected, List<Feature> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).values(), actual.get(k).values(), "frame " + k);
            assertEquals(expected.get(k).timestamp(), actual.get(k).timestamp());
        }
    }
}
