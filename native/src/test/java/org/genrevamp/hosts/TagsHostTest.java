package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The {@code tags} and {@code tracktags} outputs through vamp-simple-host, with the default tagger (msd,
 * read from the default model's stream when the default model is the bundled transfer model), on the
 * first 45 s of a shared song written as a WAV so that the host and this test read the same samples.
 * The reference is computed here without the plugin's streaming code: the msd CRNN's conv stack over each
 * window with one conv step of real context on each side, then its GRU head over the window's 18 steps.
 */
class TagsHostTest {

    static final String TAGS = "vamp:genre-vamp:genre:tags";
    static final String TRACK_TAGS = "vamp:genre-vamp:genre:tracktags";
    static final Duration HOST_TIMEOUT = Duration.ofSeconds(180);
    static final int SECONDS = 45;
    /** vamp-simple-host prints 6 significant digits; the arithmetic in the plugin agrees to 1e-7. */
    static final double PRINTED_TAG_TOLERANCE = 2e-5;
    /**
     * vamp-simple-host prints 9 decimals of feature number / the output's float rate (measured: 1.536870775
     * for 67776 / 44100 = 1.536870748); the plugin rounds that rate up by 1e-7 and at most one float step
     * (OutputDescriptor.Builder#fixedSampleRateEvery): relative 2.5e-7, far below one sample (22.7 us) over
     * these 17 s.
     */
    static final double PRINTED_TIME_RELATIVE_TOLERANCE = 2.5e-7;
    static final double PRINTED_TIME_TOLERANCE_S = 2e-9;

    @Test
    void tagsOfASongMatchTheMsdTaggerOnWholeSampleStepsAndTheTrackNamesFiveTags() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path song = SharedData.require("songs/reggae.mp3");
        Path dir = HostArtifacts.dir("genre-tags-reggae");
        Path wav = dir.resolve("reggae-45s.wav");
        Process sox = new ProcessBuilder("sox", song.toString(), "-b", "16", wav.toString(), "trim", "0",
                String.valueOf(SECONDS)).redirectErrorStream(true).start();
        String soxOut = new String(sox.getInputStream().readAllBytes());
        assertEquals(0, sox.waitFor(), soxOut);

        VampSimpleHost host = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString());
        VampSimpleHost.Result run = host.run(wav, TAGS, 50, HOST_TIMEOUT);
        assertEquals(0, run.process().exitCode(), run::diagnosis);
        assertTrue(run.process().stderrText().lines().noneMatch(l -> l.startsWith("genre-vamp:")), run::diagnosis);
        List<VampFeature> tags = run.features();

        var audio = AudioFiles.read(wav);
        double rate = audio.sampleRate();
        List<float[]> frames = new ArrayList<>();
        MelStream stream = new MelStream(MelConfig.torchaudioTagger(), rate);
        float[] mono = audio.mono();
        stream.push(mono, 0, mono.length, (k, mel) -> frames.add(mel.clone()));
        float[][] all = frames.toArray(new float[0][]);
        CrnnTagger msd = (CrnnTagger) TagSource.MSD.load().list().get(0).network();
        int stride = CrnnTagger.TIME_STRIDE;
        int window = 18 * stride;
        int regular = (all.length - window) / stride + 1;
        assertTrue(tags.size() >= regular, tags.size() + " windows for " + regular + " regular ones; " + run.diagnosis());
        // windows with a conv step of real frames after them (the host's zero-padded last block adds frames
        // the reference does not have)
        int compared = (all.length - window - stride) / stride + 1;
        assertTrue(compared >= 10, compared + " windows compared");

        int hop = stride * MelConfig.torchaudioTagger().hopAt(rate);   // 96 * 706 samples at 44.1 kHz
        double worst = 0;
        for (int k = 0; k < compared; k++) {
            VampFeature f = tags.get(k);
            double start = k * (double) hop / rate;
            assertEquals(start, f.seconds(), PRINTED_TIME_TOLERANCE_S + PRINTED_TIME_RELATIVE_TOLERANCE * start,
                    "window " + k + " start");
            assertEquals((long) k * hop, Math.round(f.seconds() * rate), "window " + k + " on a whole sample");
            int first = k * stride;
            int from = Math.max(0, first - stride);
            int to = first + window + stride;
            int offset = (first - from) / stride;
            float[] expected = msd.head(msd.convSteps(all, from, to), offset, offset + 18).tags();
            for (int t = 0; t < expected.length; t++) {
                worst = Math.max(worst, Math.abs(expected[t] - f.values()[t]));
            }
        }
        System.err.printf("TagsHostTest: %d windows, max |host - reference| = %.2e%n", compared, worst);
        assertTrue(worst <= PRINTED_TAG_TOLERANCE, "max |host - reference| " + worst);

        VampSimpleHost.Result track = host.run(wav, TRACK_TAGS, 1, HOST_TIMEOUT);
        assertEquals(0, track.process().exitCode(), track::diagnosis);
        assertEquals(1, track.features().size(), track::diagnosis);
        VampFeature whole = track.features().get(0);
        assertEquals(0.0, whole.seconds());
        assertEquals(SECONDS, whole.duration(), 0.2);
        List<String> names = TagSource.MSD.tagNames();
        String[] parts = whole.label().split(" \\| ");
        assertEquals(5, parts.length, whole.label());
        for (String part : parts) {
            assertTrue(names.contains(part.substring(0, part.lastIndexOf(' '))), part + " is an msd tag");
        }
        assertTrue(parts[0].startsWith(names.get(Math.round(whole.values()[0])) + " "), whole.label());
    }
}
