package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.ExpectedDiagnostics;
import org.genrevamp.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genre outputs in-process, with an UNTRAINED test model (so nothing here asserts which genre comes
 * out): descriptors, coverage of the segments, probabilities that are distributions, confidence = top
 * probability, the track label's shape, parameters, determinism and rate independence.
 */
@ExtendWith(ExpectedDiagnostics.class)
class GenreOutputsTest {

    private static final int SEGMENTS = 1, PROBABILITIES = 2, CONFIDENCE = 3, TRACK = 4;
    /** Softmax rows in float: sum within this of 1. */
    private static final double SUM_TOLERANCE = 1e-4;
    /** Timestamps are stored in whole nanoseconds. */
    private static final double TIME_TOLERANCE_S = 1e-6;
    /**
     * 22.05 kHz GTZAN vs the same clip upsampled by sox to 44.1 kHz: largest probability difference per
     * window. The spectrogram differs by ~0.02 dB mean (see RateInvarianceTest; more in the top bands,
     * where sox's filter rolls off). Measured on blues.00000 with the untrained test CNN: max 0.0023; bound 0.02.
     */
    static final double RATE_PROBABILITY_TOLERANCE = 0.02;
    private static final Pattern TRACK_LABEL = Pattern.compile("(unknown \\| )?[a-z]+ [01]\\.\\d\\d( \\| [a-z]+ [01]\\.\\d\\d){2}");

    @BeforeAll
    static void model() {
        TestBundles.installAsCustomModel();
    }

    @Test
    void descriptorsNameTheModelsGenresBeforeInitialise() {
        List<OutputDescriptor> d = new GenrePlugin(44100f).getOutputDescriptors();
        assertEquals(List.of("melspectrogram", "segments", "probabilities", "confidence", "track", "tags", "tracktags"),
                d.stream().map(OutputDescriptor::identifier).toList());
        OutputDescriptor segments = d.get(SEGMENTS);
        assertEquals(SampleType.VARIABLE_SAMPLE_RATE, segments.sampleType());
        assertTrue(segments.hasDuration());
        assertEquals(1, segments.binCount(), "one bin: a Regions layer in Sonic Visualiser");
        OutputDescriptor probabilities = d.get(PROBABILITIES);
        assertEquals(TestBundles.LABELS, probabilities.binNames());
        assertEquals(SampleType.FIXED_SAMPLE_RATE, probabilities.sampleType());
        double hop = Math.round(1.5 / TestBundles.melConfig().hopSeconds()) * TestBundles.melConfig().hopSeconds();
        assertEquals(1 / hop, probabilities.sampleRate(), 1e-4);
        assertEquals(1, d.get(CONFIDENCE).binCount());
        assertTrue(d.get(TRACK).hasDuration());
    }

    @Test
    void modelParameterListsTheCustomBundle() {
        ParameterDescriptor model = new GenrePlugin(44100f).getParameterDescriptors().get(0);
        assertEquals("model", model.identifier());
        assertEquals("custom", model.valueNames().get(0));
        assertEquals(model.valueNames().size() - 1, model.maxValue());
        assertEquals(1f, model.quantizeStep());
    }

    @Test
    void outputsCoverTheFileAndAreDistributions() {
        float rate = 22050f;
        float[] signal = music(rate, 20.0, 1);
        Map<Integer, List<Feature>> out = PluginRun.run(new GenrePlugin(rate), new float[][] {signal}, 1024, 1024);
        double duration = signal.length / (double) rate;   // the host's zero padding is not part of the file

        List<Feature> segments = out.get(SEGMENTS);
        assertFalse(segments.isEmpty());
        double end = 0;
        for (Feature s : segments) {
            assertEquals(end, s.timestamp().toSeconds(), TIME_TOLERANCE_S, "contiguous");
            assertTrue(s.duration().toSeconds() > 0);
            end = s.timestamp().toSeconds() + s.duration().toSeconds();
            int index = (int) s.values()[0];
            assertEquals(index < 0 ? "unknown" : TestBundles.LABELS.get(index), s.label());
        }
        assertEquals(duration, end, TIME_TOLERANCE_S, "segments end at the end of the input");

        List<Feature> probabilities = out.get(PROBABILITIES);
        List<Feature> confidence = out.get(CONFIDENCE);
        // 20 s at a 1.5 s hop with 3 s windows: 12 regular windows + the end-aligned tail
        assertEquals(13, probabilities.size());
        assertEquals(probabilities.size(), confidence.size());
        double hop = probabilities.get(1).timestamp().toSeconds() - probabilities.get(0).timestamp().toSeconds();
        for (int k = 0; k < probabilities.size(); k++) {
            float[] p = probabilities.get(k).values();
            assertEquals(TestBundles.LABELS.size(), p.length);
            double sum = 0;
            float top = 0;
            for (float v : p) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
                top = Math.max(top, v);
            }
            assertEquals(1.0, sum, SUM_TOLERANCE);
            assertEquals(top, confidence.get(k).values()[0]);
            if (k < probabilities.size() - 1) {
                assertEquals(k * hop, probabilities.get(k).timestamp().toSeconds(), TIME_TOLERANCE_S, "window starts");
            }
        }

        List<Feature> track = out.get(TRACK);
        assertEquals(1, track.size());
        assertEquals(0.0, track.get(0).timestamp().toSeconds());
        assertEquals(duration, track.get(0).duration().toSeconds(), TIME_TOLERANCE_S);
        assertTrue(TRACK_LABEL.matcher(track.get(0).label()).matches(), track.get(0).label());
        int top = (int) track.get(0).values()[0];
        assertTrue(track.get(0).label().startsWith(top < 0 ? "unknown" : TestBundles.LABELS.get(top) + " "),
                track.get(0).label());
    }

    @Test
    void unknownThresholdOfOneMakesEverythingUnknown() {
        GenrePlugin p = new GenrePlugin(22050f);
        p.setParameter("unknown", 1f);
        Map<Integer, List<Feature>> out = PluginRun.run(p, new float[][] {music(22050f, 12.0, 2)}, 1024, 1024);
        assertEquals(1, out.get(SEGMENTS).size(), "adjacent unknown regions merge");
        assertEquals("unknown", out.get(SEGMENTS).get(0).label());
        assertEquals(-1f, out.get(SEGMENTS).get(0).values()[0]);
        assertEquals(-1f, out.get(TRACK).get(0).values()[0]);
        assertTrue(out.get(TRACK).get(0).label().startsWith("unknown | "));
    }

    @Test
    void shortAndSilentInputsStillGetOneCoveringRegion() {
        for (float[] signal : List.of(music(22050f, 0.5, 3), new float[22050 * 5])) {
            Map<Integer, List<Feature>> out = PluginRun.run(new GenrePlugin(22050f), new float[][] {signal}, 1024, 1024);
            assertEquals(1, out.get(TRACK).size());
            List<Feature> segments = out.get(SEGMENTS);
            assertEquals(0.0, segments.get(0).timestamp().toSeconds());
            Feature last = segments.get(segments.size() - 1);
            double end = last.timestamp().toSeconds() + last.duration().toSeconds();
            // digital silence at the end of a file cannot be told from the host's padding: within one block
            assertTrue(end >= (signal.length - 1024) / 22050.0 && end <= paddedSeconds(signal.length, 22050f, 1024),
                    "end " + end + " for " + signal.length + " samples");
        }
    }

    @Test
    void segmentsEndWhereTheFileEndsNotWhereThePaddedBlockEnds() {
        float rate = 44100f;
        float[][] stereo = {music(rate, 7.3, 7), music(rate, 7.3, 8)};
        int block = new GenrePlugin(rate).getPreferredBlockSize();
        Map<Integer, List<Feature>> out = PluginRun.run(new GenrePlugin(rate), stereo, block, block);
        Feature last = out.get(SEGMENTS).get(out.get(SEGMENTS).size() - 1);
        assertEquals(stereo[0].length / (double) rate, last.timestamp().toSeconds() + last.duration().toSeconds(),
                TIME_TOLERANCE_S);
        assertEquals(stereo[0].length / (double) rate, out.get(TRACK).get(0).duration().toSeconds(), TIME_TOLERANCE_S);
    }

    @Test
    void emptyInputGivesNoGenre() {
        GenrePlugin p = new GenrePlugin(22050f);
        assertTrue(p.initialise(1, 1024, 1024));
        assertTrue(p.getRemainingFeatures().isEmpty());
    }

    @Test
    void longerWindowAveragesModelWindows() {
        float[] signal = music(22050f, 20.0, 4);
        GenrePlugin plain = new GenrePlugin(22050f);
        List<Feature> base = PluginRun.run(plain, new float[][] {signal}, 1024, 1024).get(PROBABILITIES);
        GenrePlugin wide = new GenrePlugin(22050f);
        wide.setParameter("window", 6f);   // model window ~3 s + 2 hops of 1.5 s: 3 windows per estimate
        List<Feature> averaged = PluginRun.run(wide, new float[][] {signal}, 1024, 1024).get(PROBABILITIES);
        assertEquals(base.size() - 2, averaged.size());
        for (int g = 0; g < TestBundles.LABELS.size(); g++) {
            double mean = (base.get(0).values()[g] + base.get(1).values()[g] + base.get(2).values()[g]) / 3.0;
            assertEquals(mean, averaged.get(0).values()[g], 1e-6);
        }
    }

    @Test
    void refusesWindowAndHopItCannotHonour() {
        GenrePlugin shortWindow = new GenrePlugin(22050f);
        shortWindow.setParameter("window", 1f);
        assertFalse(shortWindow.initialise(1, 1024, 1024), "window shorter than the model's");
        GenrePlugin longHop = new GenrePlugin(22050f);
        longHop.setParameter("hop", 10f);
        assertFalse(longHop.initialise(1, 1024, 1024), "hop longer than the window leaves gaps");
    }

    @Test
    void brokenCustomBundleMakesInitialiseFail(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("broken.zip"), "not a zip");
        Files.writeString(home.resolve("genre-vamp.conf"), "model=broken.zip\n");
        String saved = System.getProperty(ModelCatalogue.HOME_PROPERTY);
        System.setProperty(ModelCatalogue.HOME_PROPERTY, home.toString());
        try {
            GenrePlugin p = new GenrePlugin(22050f);
            assertEquals(7, p.getOutputDescriptors().size(), "valid descriptors even so");
            assertFalse(p.initialise(1, 1024, 1024));
        } finally {
            System.setProperty(ModelCatalogue.HOME_PROPERTY, saved);
        }
    }

    @Test
    void confAndEnvironmentNameTheCustomBundle(@TempDir Path home) throws IOException {
        assertEquals(null, ModelCatalogue.customBundle(null, home.toString()), "no conf file");
        Files.writeString(home.resolve("genre-vamp.conf"), "# comment\njvm=/usr/lib/jvm\nmodel = mine.zip \n");
        assertEquals(null, ModelCatalogue.customBundle(null, home.toString()), "'model =' is not the 'model=' key");
        Files.writeString(home.resolve("genre-vamp.conf"), "jvm=/x\nmodel=mine.zip # mine\n");
        assertEquals(home.resolve("mine.zip"), ModelCatalogue.customBundle(null, home.toString()));
        assertEquals(Path.of("/elsewhere/b.zip"), ModelCatalogue.customBundle("/elsewhere/b.zip", home.toString()),
                "the environment wins");
    }

    @Test
    void confAndEnvironmentSetTheEngineThreads(@TempDir Path home) throws IOException {
        assertEquals(0, PluginConf.engineThreads(null, home.toString()), "no conf file: the default");
        Files.writeString(home.resolve("genre-vamp.conf"), "jvm=/x\nmodel=mine.zip\nthreads=3 # three\n");
        assertEquals(3, PluginConf.engineThreads(null, home.toString()));
        assertEquals(1, PluginConf.engineThreads("1", home.toString()), "the environment wins");
        assertEquals(0, PluginConf.engineThreads("many", home.toString()), "not a count: a warning and the default");
        Files.writeString(home.resolve("genre-vamp.conf"), "threads=-2\n");
        assertEquals(0, PluginConf.engineThreads(null, home.toString()), "not a count: a warning and the default");
    }

    @Test
    void instancesAndResetGiveIdenticalFeatures() {
        float[][] stereo = {music(44100f, 12.0, 5), music(44100f, 12.0, 6)};
        GenrePlugin a = new GenrePlugin(44100f);
        Map<Integer, List<Feature>> first = PluginRun.run(a, stereo, 1024, 1024);
        Map<Integer, List<Feature>> other = PluginRun.run(new GenrePlugin(44100f), stereo, 1024, 1024);
        a.reset();
        Map<Integer, List<Feature>> again = PluginRun.process(a, stereo, 1024, 1024);
        for (int o : List.of(SEGMENTS, PROBABILITIES, CONFIDENCE, TRACK)) {
            assertSame(first.get(o), other.get(o));
            assertSame(first.get(o), again.get(o));
        }
    }

    @Test
    void sameClipAt22050And44100HzGivesTheSameProbabilities(@TempDir Path tmp) throws Exception {
        Path clip = SharedData.require("gtzan-excerpts/full/blues/blues.00000.au");
        Path upsampled = tmp.resolve("up.wav");
        Process sox = new ProcessBuilder("sox", "-D", clip.toString(), "-r", "44100", upsampled.toString())
                .redirectErrorStream(true).start();
        String soxOutput = new String(sox.getInputStream().readAllBytes());
        assumeTrue(sox.waitFor() == 0, "sox failed or is not installed: " + soxOutput);
        List<Feature> low = probabilitiesOf(AudioFiles.read(clip));
        List<Feature> high = probabilitiesOf(AudioFiles.read(upsampled));
        int compared = Math.min(low.size(), high.size()) - 1;   // the tail window may differ by a block of padding
        assertTrue(compared > 10);
        double worst = 0;
        for (int k = 0; k < compared; k++) {
            assertEquals(low.get(k).timestamp().toSeconds(), high.get(k).timestamp().toSeconds(), 1e-3);
            for (int g = 0; g < TestBundles.LABELS.size(); g++) {
                worst = Math.max(worst, Math.abs(low.get(k).values()[g] - high.get(k).values()[g]));
            }
        }
        System.err.println("GenreOutputsTest: 22.05 vs 44.1 kHz, largest probability difference " + worst);
        assertTrue(worst <= RATE_PROBABILITY_TOLERANCE, "largest probability difference " + worst);
    }

    private static List<Feature> probabilitiesOf(DecodedAudio audio) {
        GenrePlugin p = new GenrePlugin(audio.sampleRate());
        return PluginRun.run(p, audio.channels(), 1024, 1024).get(PROBABILITIES);
    }

    private static void assertSame(List<Feature> expected, List<Feature> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).values(), actual.get(k).values(), "feature " + k);
            assertEquals(expected.get(k).timestamp(), actual.get(k).timestamp());
            assertEquals(expected.get(k).duration(), actual.get(k).duration());
            assertEquals(expected.get(k).label(), actual.get(k).label());
        }
    }

    /** Seconds the plugin sees: hosts zero-pad the last block. */
    private static double paddedSeconds(int samples, float rate, int block) {
        return (samples + block - 1) / block * block / (double) rate;
    }

    /** A seeded mix of chords and noise bursts whose content changes every 2 s. */
    static float[] music(float rate, double seconds, long seed) {
        Random random = new Random(seed);
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        List<double[]> sections = new ArrayList<>();
        for (int s = 0; s <= seconds / 2; s++) {
            sections.add(new double[] {80 + 400 * random.nextDouble(), 1.5 + random.nextDouble(), 0.3 * random.nextDouble()});
        }
        for (int i = 0; i < n; i++) {
            double[] s = sections.get((int) (i / rate / 2));
            double t = i / rate;
            x[i] = (float) (0.2 * Math.sin(2 * Math.PI * s[0] * t) + 0.1 * Math.sin(2 * Math.PI * s[0] * s[1] * t)
                    + s[2] * (random.nextDouble() - 0.5));
        }
        return x;
    }
}
