package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code tags} and {@code tracktags} outputs of {@link GenrePlugin} on the first 45 s of a real song,
 * for each tagger: every window's tags equal the tagger network's own forward pass over the frames the
 * window covers (computed here with MelStream and the network, outside the plugin), stamped at the
 * window's first frame on whole host samples; the msd tags read from the default model's stream equal
 * those of the tagger run on its own (model {@code cnn}, on a second spectrogram).
 */
class TagOutputsTest {

    /**
     * A streamed window's first and last conv steps see the real neighbouring frames where a lone
     * window sees zero padding, and the GRU carries that into its last state: measured on this excerpt,
     * max |d tag| 0.015 (msd), 0.065 (mtat), 0.0078 (jamendo); mean |d tag| 0.0010, 0.0029, 0.0005.
     */
    static final double STREAMED_VS_LONE_WINDOW = 0.1;
    /** The mean over tags and windows: a shifted or misaligned window would move every tag. */
    static final double STREAMED_VS_LONE_WINDOW_MEAN = 0.004;
    /**
     * The window's conv steps computed with one step (96 frames) of real context on each side, so they see
     * what the stream's steps see (the conv stack's receptive half-width is 33 frames), then the GRU over
     * its 18 steps: the same arithmetic in another order (measured max 9e-8).
     */
    static final double STREAMED_VS_IN_CONTEXT = 1e-6;
    /** The same network on the same frames, whether inside the default model's stream or alone. */
    static final double SHARED_VS_OWN_STREAM = 1e-5;
    static final double SECONDS = 45;
    static final int BLOCK = 8192;

    private static DecodedAudio audio;

    @BeforeAll
    static void readSong() throws Exception {
        DecodedAudio song = AudioFiles.read(SharedData.require("songs/reggae.mp3"));
        int n = (int) Math.round(SECONDS * song.sampleRate());
        float[][] channels = Arrays.stream(song.channels()).map(c -> Arrays.copyOf(c, n)).toArray(float[][]::new);
        audio = new DecodedAudio(channels, song.sampleRate());
    }

    @ParameterizedTest
    @EnumSource(TagSource.class)
    void tagsEqualTheTaggersOwnWindowsOnWholeSampleSteps(TagSource source) throws Exception {
        GenrePlugin plugin = new GenrePlugin(audio.sampleRate());
        // the scratch cnn: cheap, and the tagger runs itself on its own spectrogram (the default model's
        // sharing is the next test)
        plugin.setParameter(GenreParameters.MODEL, modelIndex(plugin, "cnn"));
        plugin.setParameter(GenreParameters.TAGGER, 1 + source.ordinal());
        FeatureSet out = run(plugin);
        int tagsOut = outputIndex(plugin, TagOutputs.TAGS);
        List<Feature> tags = out.get(tagsOut);
        OutputDescriptor d = plugin.getOutputDescriptors().get(tagsOut);
        assertEquals(source.tagNames(), d.binNames());
        assertEquals(50, d.binCount());
        assertEquals(SampleType.FIXED_SAMPLE_RATE, d.sampleType());

        List<float[]> frames = taggerFrames();
        CrnnTagger network = (CrnnTagger) source.load().list().get(0).network();
        float[][] all = frames.toArray(new float[0][]);
        int window = 18 * BackboneStream.STRIDE_FRAMES;
        int regular = (frames.size() - window) / BackboneStream.STRIDE_FRAMES + 1;
        assertTrue(tags.size() >= regular, tags.size() + " tag windows, " + regular + " regular ones");
        int hopSamples = BackboneStream.STRIDE_FRAMES * MelConfig.torchaudioTagger().hopAt(audio.sampleRate());
        double worst = 0;
        double worstInContext = 0;
        double sum = 0;
        int compared = 0;
        // windows with a conv step of real frames after them (the zero-padded last block adds frames the
        // reference does not have)
        int withContext = (frames.size() - window - BackboneStream.STRIDE_FRAMES) / BackboneStream.STRIDE_FRAMES + 1;
        for (int k = 0; k < withContext; k += 3) {
            Feature f = tags.get(k);
            assertEquals((long) k * hopSamples, Math.round(f.timestamp().toSeconds() * audio.sampleRate()), "window " + k);
            float[][] lone = frames.subList(k * BackboneStream.STRIDE_FRAMES, k * BackboneStream.STRIDE_FRAMES + window)
                    .toArray(new float[0][]);
            float[] expected = network.forward(new float[][][] {lone})[0].tags();
            int first = k * BackboneStream.STRIDE_FRAMES;
            int from = Math.max(0, first - BackboneStream.STRIDE_FRAMES);
            int to = first + window + BackboneStream.STRIDE_FRAMES;
            float[][] steps = network.convSteps(all, from, to);
            int offset = (first - from) / BackboneStream.STRIDE_FRAMES;
            float[] inContext = network.head(steps, offset, offset + 18).tags();
            for (int t = 0; t < inContext.length; t++) {
                worstInContext = Math.max(worstInContext, Math.abs(inContext[t] - f.values()[t]));
            }
            for (int t = 0; t < expected.length; t++) {
                worst = Math.max(worst, Math.abs(expected[t] - f.values()[t]));
                sum += Math.abs(expected[t] - f.values()[t]);
                compared++;
            }
        }
        double mean = sum / compared;
        System.err.printf("TagOutputsTest %s: streamed vs lone windows |d tag| max %.5f, mean %.5f; vs in context"
                + " max %.2e%n", source.id(), worst, mean, worstInContext);
        assertTrue(worstInContext <= STREAMED_VS_IN_CONTEXT, "max |d tag| in context " + worstInContext);
        assertTrue(worst <= STREAMED_VS_LONE_WINDOW, "max |d tag| " + worst);
        assertTrue(mean <= STREAMED_VS_LONE_WINDOW_MEAN, "mean |d tag| " + mean);

        List<Feature> track = out.get(outputIndex(plugin, TagOutputs.TRACK_TAGS));
        assertEquals(1, track.size());
        String[] named = track.get(0).label().split(" \\| ");
        assertEquals(TagOutputs.LABEL_TAGS, named.length, track.get(0).label());
        String top = source.tagNames().get(Math.round(track.get(0).values()[0]));
        assertTrue(named[0].startsWith(top + " "), track.get(0).label() + " starts with " + top);
        assertEquals(SECONDS, track.get(0).duration().toSeconds(), 0.2);
    }

    @Test
    void msdTagsFromTheDefaultModelsStreamEqualTheTaggerRunAlone() {
        GenrePlugin shared = new GenrePlugin(audio.sampleRate());   // default model: runs msd/crnn itself
        GenrePlugin alone = new GenrePlugin(audio.sampleRate());
        alone.setParameter(GenreParameters.MODEL, modelIndex(alone, "cnn"));
        List<Feature> a = run(shared).get(outputIndex(shared, TagOutputs.TAGS));
        List<Feature> b = run(alone).get(outputIndex(alone, TagOutputs.TAGS));
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).timestamp(), b.get(k).timestamp(), "window " + k);
            for (int t = 0; t < 50; t++) {
                assertEquals(a.get(k).values()[t], b.get(k).values()[t], SHARED_VS_OWN_STREAM, "window " + k + " tag " + t);
            }
        }
    }

    @Test
    void offGivesNoTags() {
        GenrePlugin plugin = new GenrePlugin(audio.sampleRate());
        plugin.setParameter(GenreParameters.TAGGER, 0);
        FeatureSet out = run(plugin);
        assertTrue(out.get(outputIndex(plugin, TagOutputs.TAGS)).isEmpty());
        assertTrue(out.get(outputIndex(plugin, TagOutputs.TRACK_TAGS)).isEmpty());
        assertEquals(1, out.get(outputIndex(plugin, GenreOutputs.TRACK)).size(), "the genre outputs still run");
    }

    /** The taggers' log-mel of the excerpt, as the plugin computes it (mono mix, whole-sample hop). */
    private static List<float[]> taggerFrames() {
        List<float[]> frames = new ArrayList<>();
        MelStream stream = new MelStream(MelConfig.torchaudioTagger(), audio.sampleRate());
        float[] mono = audio.mono();
        stream.push(mono, 0, mono.length, (k, mel) -> frames.add(mel.clone()));
        return frames;
    }

    /** initialise, blocks of BLOCK samples (the last zero-padded, as hosts do), remaining features. */
    private static FeatureSet run(GenrePlugin plugin) {
        assertTrue(plugin.initialise(audio.channelCount(), BLOCK, BLOCK));
        FeatureSet all = new FeatureSet();
        float[][] buffers = new float[audio.channelCount()][BLOCK];
        for (int start = 0; start < audio.frames(); start += BLOCK) {
            for (int c = 0; c < buffers.length; c++) {
                Arrays.fill(buffers[c], 0f);
                System.arraycopy(audio.channels()[c], start, buffers[c], 0, Math.min(BLOCK, audio.frames() - start));
            }
            addAll(all, plugin.process(buffers, RealTime.fromSeconds(start / (double) audio.sampleRate())));
        }
        addAll(all, plugin.getRemainingFeatures());
        return all;
    }

    private static void addAll(FeatureSet to, FeatureSet from) {
        for (int output : from.outputs()) {
            from.get(output).forEach(f -> to.add(output, f));
        }
    }

    private static int modelIndex(GenrePlugin plugin, String name) {
        int i = plugin.getParameterDescriptors().get(0).valueNames().indexOf(name);
        assertTrue(i >= 0, "bundled model " + name);
        return i;
    }

    private static int outputIndex(GenrePlugin plugin, String identifier) {
        List<OutputDescriptor> d = plugin.getOutputDescriptors();
        for (int i = 0; i < d.size(); i++) {
            if (d.get(i).identifier().equals(identifier)) {
                return i;
            }
        }
        throw new AssertionError("no output " + identifier);
    }
}
