package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TorchGru against PyTorch's nn.GRU (the CRNN's layer5) on seeded random input, every time step. */
class TorchGruTest {

    /** The GRU is plain float maths with double accumulation: tighter than the network's tolerance. */
    static final double GRU_TOL = 1e-5;

    @Test
    void equalsPyTorchAtEveryStep() {
        Map<String, Tensor> weights = TensorDumps.load("crnn/crnn_msd_weights");
        Map<String, Tensor> ref = TensorDumps.load("crnn/crnn_reference");
        TorchGru gru = TorchGru.fromStateDict(weights, "layer5", 2, 128, 32);
        float[][] out = gru.run(TensorDumps.rows(ref.get("gru.x")));
        assertEquals(20, out.length);
        float[] flat = new float[20 * 32];
        for (int t = 0; t < 20; t++) {
            System.arraycopy(out[t], 0, flat, t * 32, 32);
        }
        RelativeToScale.assertWithin("gru all steps", flat, ref.get("gru.out").data(), GRU_TOL);
    }

    @Test
    void oneUnitByHand() {
        // input 1, hidden 1, one layer: gates by hand from the PyTorch formulas
        Map<String, Tensor> sd = new HashMap<>();
        sd.put("g.weight_ih_l0", new Tensor(new int[] {3, 1}, new float[] {0.5f, -1f, 2f}));
        sd.put("g.weight_hh_l0", new Tensor(new int[] {3, 1}, new float[] {0.3f, 0.7f, -0.4f}));
        sd.put("g.bias_ih_l0", new Tensor(new int[] {3}, new float[] {0.1f, 0.2f, 0.3f}));
        sd.put("g.bias_hh_l0", new Tensor(new int[] {3}, new float[] {-0.1f, 0.05f, 0.6f}));
        TorchGru gru = TorchGru.fromStateDict(sd, "g", 1, 1, 1);
        float[][] x = {{1f}, {-2f}};
        double h = 0;
        for (float[] step : x) {
            double v = step[0];
            double r = sig(0.5 * v + 0.1 + 0.3 * h - 0.1);
            double z = sig(-1 * v + 0.2 + 0.7 * h + 0.05);
            double n = Math.tanh(2 * v + 0.3 + r * (-0.4 * h + 0.6));
            h = (1 - z) * n + z * h;
        }
        assertEquals(h, gru.last(x, 0, 2)[0], 1e-6);
    }

    @Test
    void rejectsWrongShapes() {
        Map<String, Tensor> sd = new HashMap<>();
        sd.put("g.weight_ih_l0", new Tensor(new int[] {3, 2}, new float[6]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchGru.fromStateDict(sd, "g", 1, 1, 1));
        assertTrue(e.getMessage().contains("g.weight_ih_l0") && e.getMessage().contains("[3, 1]"), e.getMessage());
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
