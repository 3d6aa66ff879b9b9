package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** MusicnnTagger against the original PyTorch Musicnn (jamendo weights) on real 3 s windows, and its streaming split. */
class MusicnnTaggerTest {

    private static MusicnnTagger network() {
        return MusicnnTagger.fromStateDict(TensorDumps.load("fcn/musicnn-jamendo-weights"));
    }

    @Test
    void matchesPyTorchOnRealClips() {
        MusicnnTagger musicnn = network();
        assertEquals("musicnn", musicnn.architecture());
        assertEquals(188, musicnn.windowFrames());
        assertEquals(96, musicnn.melBands());
        assertEquals(200, musicnn.embeddingSize());
        assertEquals(50, musicnn.tagCount());

        Map<String, Tensor> ref = TensorDumps.load("fcn/reference");
        float[][][] windows = TensorDumps.windows(ref.get("musicnn.input"));
        RelativeToScale.assertOutputsWithin("musicnn", musicnn.forward(windows), ref.get("musicnn.embedding"),
                ref.get("musicnn.tags"), RelativeToScale.PYTORCH_TOL);
        RelativeToScale.assertWithin("musicnn front end of window 0", flatten(musicnn.frontEnd(windows[0])),
                ref.get("musicnn.frontEnd0").data(), RelativeToScale.PYTORCH_TOL);
    }

    @Test
    void forwardIsBackEndOfFrontEnd() {
        MusicnnTagger musicnn = network();
        float[][][] windows = TensorDumps.windows(TensorDumps.load("fcn/reference").get("musicnn.input"));
        TaggerOutput[] out = musicnn.forward(windows);
        for (int n = 0; n < windows.length; n++) {
            TaggerOutput split = musicnn.backEnd(musicnn.frontEnd(windows[n]));
            assertArrayEquals(out[n].embedding(), split.embedding(), 1e-6f);
            assertArrayEquals(out[n].tags(), split.tags(), 1e-6f);
        }
    }

    /**
     * The front end run once over a 29 s stream and sliced equals the front end of each window alone
     * except within {@link MusicnnTagger#FRONT_END_HALF_WIDTH} frames of the window's edges, where the
     * window alone sees zero padding. Prints how much that edge difference moves the tags.
     */
    @Test
    void streamFrontEndSlicesMatchWindowsAwayFromEdges() {
        MusicnnTagger musicnn = network();
        float[][] stream = TensorDumps.windows(TensorDumps.load("fcn/reference").get("fcn.input"))[1];   // reggae, 1813 frames
        float[][] streamFront = musicnn.frontEnd(stream);
        int w = MusicnnTagger.WINDOW_FRAMES;
        int half = MusicnnTagger.FRONT_END_HALF_WIDTH;
        double worstTags = 0;
        double worstEmbedding = 0;
        for (int start : new int[] {0, 150, 700, 1813 - w}) {
            float[][] window = Arrays.copyOfRange(stream, start, start + w);
            float[][] alone = musicnn.frontEnd(window);
            float[][] cut = slice(streamFront, start, start + w);
            double interior = 0;
            double edge = 0;
            for (int c = 0; c < alone.length; c++) {
                for (int t = 0; t < w; t++) {
                    double d = Math.abs(alone[c][t] - cut[c][t]);
                    // a stream edge is an edge of both, so only an interior window edge can differ
                    boolean nearCutEdge = (t < half && start > 0) || (t >= w - half && start + w < stream.length);
                    if (nearCutEdge) {
                        edge = Math.max(edge, d);
                    } else {
                        interior = Math.max(interior, d);
                    }
                }
            }
            TaggerOutput a = musicnn.backEnd(alone);
            TaggerOutput b = musicnn.backEnd(cut);
            double tags = maxAbsDiff(a.tags(), b.tags());
            double emb = RelativeToScale.error(b.embedding(), a.embedding());
            worstTags = Math.max(worstTags, tags);
            worstEmbedding = Math.max(worstEmbedding, emb);
            System.out.printf("Musicnn stream window at %d: front end max |diff| interior %.3g, within %d of a cut edge %.3g;"
                    + " tags max |diff| %.3g, embedding rel. %.3g%n", start, interior, half, edge, tags, emb);
            assertTrue(interior <= 1e-4, "interior front end differs by " + interior + " at window " + start);
        }
        System.out.printf("Musicnn stream vs alone: worst tag |diff| %.3g, worst embedding rel. diff %.3g%n",
                worstTags, worstEmbedding);
    }

    @Test
    void rejectsMissingAndMisshapenWeights() {
        Map<String, Tensor> sd = new HashMap<>(TensorDumps.load("fcn/musicnn-jamendo-weights"));
        sd.remove("bn.running_mean");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MusicnnTagger.fromStateDict(sd));
        assertTrue(e.getMessage().contains("bn.running_mean"), e.getMessage());

        Map<String, Tensor> front = new HashMap<>(TensorDumps.load("fcn/musicnn-jamendo-weights"));
        front.put("layers.3.conv.weight", new Tensor(new int[] {50, 1, 65}, new float[50 * 65]));
        e = assertThrows(IllegalArgumentException.class, () -> MusicnnTagger.fromStateDict(front));
        assertTrue(e.getMessage().contains("layers.3.conv.bias"), e.getMessage());

        Map<String, Tensor> back = new HashMap<>(TensorDumps.load("fcn/musicnn-jamendo-weights"));
        back.put("layer1.conv.weight", new Tensor(new int[] {64, 560, 7}, new float[64 * 560 * 7]));
        e = assertThrows(IllegalArgumentException.class, () -> MusicnnTagger.fromStateDict(back));
        assertTrue(e.getMessage().contains("layer1.conv.weight") && e.getMessage().contains("[64, 560, 7]"),
                e.getMessage());

        Map<String, Tensor> dense = new HashMap<>(TensorDumps.load("fcn/musicnn-jamendo-weights"));
        dense.put("dense1.weight", new Tensor(new int[] {200, 1505}, new float[200 * 1505]));
        e = assertThrows(IllegalArgumentException.class, () -> MusicnnTagger.fromStateDict(dense));
        assertTrue(e.getMessage().contains("dense1.weight"), e.getMessage());
    }

    @Test
    void rejectsWrongInputs() {
        MusicnnTagger musicnn = network();
        assertThrows(IllegalArgumentException.class, () -> musicnn.forward(new float[1][187][96]));
        assertThrows(IllegalArgumentException.class, () -> musicnn.frontEnd(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> musicnn.frontEnd(new float[10][97]));
        assertThrows(IllegalArgumentException.class, () -> musicnn.backEnd(new float[560][10]));
        float[][] ragged = new float[561][10];
        ragged[3] = new float[9];
        assertThrows(IllegalArgumentException.class, () -> musicnn.backEnd(ragged));
        float[][] inf = new float[561][10];
        inf[0][0] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> musicnn.backEnd(inf));
    }

    private static float[][] slice(float[][] channels, int from, int to) {
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = Arrays.copyOfRange(channels[c], from, to);
        }
        return out;
    }

    private static float[] flatten(float[][] x) {
        float[] out = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[i].length);
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
