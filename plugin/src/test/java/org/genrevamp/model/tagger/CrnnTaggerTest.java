package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java CRNN against the original PyTorch network (references written by
 * {@code crnn/make_crnn_reference.py} from the pretrained MSD weights, on real clips).
 */
class CrnnTaggerTest {

    static Map<String, Tensor> weights;
    static Map<String, Tensor> ref;
    static CrnnTagger tagger;

    @BeforeAll
    static void load() {
        weights = TensorDumps.load("crnn/crnn_msd_weights");
        ref = TensorDumps.load("crnn/crnn_reference");
        tagger = CrnnTagger.fromStateDict(weights);
    }

    private static void checkWindow(String name, float[][] mel, TaggerOutput out) {
        RelativeToScale.assertWithin(name + " embedding", out.embedding(), ref.get(name + ".embedding").data(),
                RelativeToScale.PYTORCH_TOL);
        RelativeToScale.assertWithin(name + " tags", out.tags(), ref.get(name + ".tags").data(),
                RelativeToScale.PYTORCH_TOL);
    }

    @Test
    void describesItself() {
        assertEquals("crnn", tagger.architecture());
        assertEquals(1813, tagger.windowFrames());
        assertEquals(96, tagger.melBands());
        assertEquals(32, tagger.embeddingSize());
        assertEquals(50, tagger.tagCount());
        assertEquals(18, CrnnTagger.WINDOW_STEPS);
    }

    @Test
    void bluesWindowMatchesPyTorch() {
        float[][] mel = TensorDumps.rows(ref.get("blues.mel"));
        assertEquals(1813, mel.length);
        checkWindow("blues", mel, tagger.forward(new float[][][] {mel})[0]);
    }

    @Test
    void convStackMatchesPyTorch() {
        float[][] steps = tagger.convSteps(TensorDumps.rows(ref.get("blues.mel")));
        float[][] expected = TensorDumps.rows(ref.get("blues.conv")); // [128][18]
        assertEquals(expected[0].length, steps.length);
        float[] actual = new float[128 * steps.length];
        for (int c = 0; c < 128; c++) {
            for (int t = 0; t < steps.length; t++) {
                actual[c * steps.length + t] = steps[t][c];
            }
        }
        RelativeToScale.assertWithin("blues conv", actual, ref.get("blues.conv").data(), RelativeToScale.PYTORCH_TOL);
    }

    @Test
    void shortWindowMatchesPyTorch() {
        float[][] mel = TensorDumps.rows(ref.get("short.mel"));
        assertEquals(188, mel.length);
        checkWindow("short", mel, tagger.forward(new float[][][] {mel})[0]);
    }

    @Test
    void batchOfMetalWindowsMatchesPyTorch() {
        float[][] stream = TensorDumps.rows(ref.get("metal.stream"));
        float[][][] windows = {
                java.util.Arrays.copyOfRange(stream, 0, 1813),
                java.util.Arrays.copyOfRange(stream, 1728, 1728 + 1813)};
        TaggerOutput[] out = tagger.forward(windows);
        checkWindow("metal.w0", windows[0], out[0]);
        checkWindow("metal.w1", windows[1], out[1]);
    }

    @Test
    void missingTensorIsNamed() {
        Map<String, Tensor> sd = new HashMap<>(weights);
        sd.remove("layer3.bn.running_var");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrnnTagger.fromStateDict(sd));
        assertTrue(e.getMessage().contains("layer3.bn.running_var") && e.getMessage().contains("missing"),
                e.getMessage());
    }

    @Test
    void misshapenTensorIsNamedWithBothShapes() {
        Map<String, Tensor> sd = new HashMap<>(weights);
        sd.put("layer5.weight_hh_l1", new Tensor(new int[] {32, 96}, new float[32 * 96]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrnnTagger.fromStateDict(sd));
        assertTrue(e.getMessage().contains("layer5.weight_hh_l1") && e.getMessage().contains("[32, 96]")
                && e.getMessage().contains("[96, 32]"), e.getMessage());

        sd.put("layer5.weight_hh_l1", weights.get("layer5.weight_hh_l1"));
        sd.put("layer2.conv.weight", new Tensor(new int[] {128, 64, 5, 5}, new float[128 * 64 * 25]));
        e = assertThrows(IllegalArgumentException.class, () -> CrnnTagger.fromStateDict(sd));
        assertTrue(e.getMessage().contains("layer2.conv.weight") && e.getMessage().contains("[128, 64, 3, 3]"),
                e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> tagger.forward(new float[0][][]));
        assertThrows(IllegalArgumentException.class, () -> tagger.forward(new float[][][] {new float[200][95]}));
        assertThrows(IllegalArgumentException.class, () -> tagger.forward(new float[][][] {new float[95][96]}));
        assertThrows(IllegalArgumentException.class,
                () -> tagger.forward(new float[][][] {new float[200][96], new float[201][96]}));
        float[][] nan = new float[200][96];
        nan[7][3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> tagger.forward(new float[][][] {nan}));
    }
}
