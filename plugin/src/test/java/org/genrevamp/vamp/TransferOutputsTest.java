package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.model.transfer.TransferStream;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.TestTransferModels;
import org.junit.jupiter.api.Test;

/**
 * The genre outputs of a streaming transfer model on a real song (44.1 kHz stereo mp3): estimates every
 * 1.536 s (one CRNN conv step of 96 frames), each equal to the model's own per-window prediction on the
 * frames its window covers, and regions covering the song.
 */
class TransferOutputsTest {

    /**
     * A streamed window sees real frames where a lone window sees zero padding at its two edges; with
     * the random test head this moved probabilities by at most 0.009 here (measured on this song).
     */
    static final double STREAMED_VS_LONE_WINDOW = 0.02;

    @Test
    void estimatesEveryConvStepMatchTheirWindowsAndRegionsCoverTheSong() throws Exception {
        TransferModel model = TestTransferModels.crnnWithRandomHead();
        DecodedAudio audio = AudioFiles.read(SharedData.require("songs/reggae.mp3"));
        MelConfig config = model.melConfig();
        List<float[]> frames = new java.util.ArrayList<>();
        MelStream stream = new MelStream(config, audio.sampleRate());
        float[] mono = audio.mono();
        stream.push(mono, 0, mono.length, (i, mel) -> frames.add(mel.clone()));
        stream.finish((i, mel) -> frames.add(mel.clone()));

        GenreParameters parameters = new GenreParameters(List.of("custom"));
        GenreOutputs outputs = new GenreOutputs(model.labels(), config, audio.sampleRate(), parameters);
        outputs.bind(model);
        outputs.start(config, audio.sampleRate());
        FeatureSet out = new FeatureSet();
        for (int i = 0; i < frames.size(); i++) {
            outputs.frame(i, frames.get(i), out, 0);
        }
        outputs.finish(out, 0, audio.seconds());

        // 96 frames of whole-sample hops at the file's rate (1.536 s at 16 kHz, 96 * 706 samples at 44.1 kHz)
        double rate = audio.sampleRate();
        double step = TransferStream.STRIDE_FRAMES * config.hopAt(rate) / rate;
        assertEquals(1.536, step, 0.001);
        List<Feature> probabilities = out.get(GenreOutputs.PROBABILITIES_OUT);
        int regular = (frames.size() / TransferStream.STRIDE_FRAMES) - 18 + 1;
        assertTrue(probabilities.size() >= regular, probabilities.size() + " estimates for " + regular + " windows");
        double worst = 0;
        for (int k = 0; k < regular; k += 7) {
            Feature f = probabilities.get(k);
            assertEquals(k * step, f.timestamp().toSeconds(), 1e-6, "estimate " + k + " at its window's start");
            assertEquals((long) k * TransferStream.STRIDE_FRAMES * config.hopAt(rate),
                    Math.round(f.timestamp().toSeconds() * rate), "estimate " + k + " on a whole sample");
            int first = k * TransferStream.STRIDE_FRAMES;
            float[][] window = frames.subList(first, first + model.windowFrames()).toArray(new float[0][]);
            float[] lone = model.predict(new float[][][] {window})[0];
            for (int c = 0; c < lone.length; c++) {
                worst = Math.max(worst, Math.abs(lone[c] - f.values()[c]));
            }
        }
        System.out.printf("streamed vs lone windows on reggae.mp3: max |dp| = %.5f%n", worst);
        assertTrue(worst <= STREAMED_VS_LONE_WINDOW, "max |dp| " + worst);

        List<Feature> regions = out.get(GenreOutputs.SEGMENTS_OUT);
        assertEquals(0.0, regions.get(0).timestamp().toSeconds());
        Feature last = regions.get(regions.size() - 1);
        assertEquals(audio.seconds(), last.timestamp().toSeconds() + last.duration().toSeconds(), 0.05);
        assertEquals(1, out.get(GenreOutputs.TRACK_OUT).size());
        assertTrue(Arrays.stream(TestTransferModels.LABELS.toArray()).anyMatch(l ->
                out.get(GenreOutputs.TRACK_OUT).get(0).label().contains((String) l)));
    }
}
