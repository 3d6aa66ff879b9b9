package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** FcnTagger against the original PyTorch FCN (msd weights) on two real 29 s clips. */
class FcnTaggerTest {

    @Test
    void matchesPyTorchOnRealClips() {
        FcnTagger fcn = FcnTagger.fromStateDict(TensorDumps.load("fcn/fcn-msd-weights"));
        assertEquals("fcn", fcn.architecture());
        assertEquals(1813, fcn.windowFrames());
        assertEquals(96, fcn.melBands());
        assertEquals(64, fcn.embeddingSize());
        assertEquals(50, fcn.tagCount());

        Map<String, Tensor> ref = TensorDumps.load("fcn/reference");
        float[][][] windows = TensorDumps.windows(ref.get("fcn.input"));
        RelativeToScale.assertOutputsWithin("fcn", fcn.forward(windows), ref.get("fcn.embedding"),
                ref.get("fcn.tags"), RelativeToScale.PYTORCH_TOL);
    }

    @Test
    void rejectsMissingAndMisshapenWeights() {
        Map<String, Tensor> sd = new HashMap<>(TensorDumps.load("fcn/fcn-msd-weights"));
        sd.remove("layer3.bn.running_var");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FcnTagger.fromStateDict(sd));
        assertTrue(e.getMessage().contains("layer3.bn.running_var"), e.getMessage());

        Map<String, Tensor> bad = new HashMap<>(TensorDumps.load("fcn/fcn-msd-weights"));
        bad.put("layer2.conv.weight", new Tensor(new int[] {128, 32, 3, 3}, new float[128 * 32 * 9]));
        e = assertThrows(IllegalArgumentException.class, () -> FcnTagger.fromStateDict(bad));
        assertTrue(e.getMessage().contains("layer2.conv.weight") && e.getMessage().contains("[128, 32, 3, 3]"),
                e.getMessage());

        Map<String, Tensor> dense = new HashMap<>(TensorDumps.load("fcn/fcn-msd-weights"));
        dense.put("dense.bias", new Tensor(new int[] {49}, new float[49]));
        e = assertThrows(IllegalArgumentException.class, () -> FcnTagger.fromStateDict(dense));
        assertTrue(e.getMessage().contains("dense.bias"), e.getMessage());
    }

    @Test
    void rejectsWrongWindows() {
        FcnTagger fcn = FcnTagger.fromStateDict(TensorDumps.load("fcn/fcn-msd-weights"));
        assertThrows(IllegalArgumentException.class, () -> fcn.forward(new float[0][][]));
        assertThrows(IllegalArgumentException.class, () -> fcn.forward(new float[1][1812][96]));
        assertThrows(IllegalArgumentException.class, () -> fcn.forward(new float[1][1813][95]));
        float[][][] nan = new float[1][1813][96];
        nan[0][5][7] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fcn.forward(nan));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }
}
