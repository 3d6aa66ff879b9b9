package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TorchCheckpoint} against PyTorch's own reading of the shipped weights and of crafted files.
 * Reference values: {@code checkpoint/make_checkpoint_reference.py}; crafted files:
 * {@code checkpoint/make_crafted.py} (both run with Debian's torch 1.13).
 */
class TorchCheckpointTest {

    /** Python sums in float64 in its own order; Java sums the same float32 values in double. */
    private static final double SUM_RELATIVE_TOLERANCE = 1e-5;

    private static final String DIR = "checkpoint/";
    private static final String[] SHIPPED = {"msd/crnn", "msd/fcn", "mtat/crnn", "mtat/fcn", "mtat/musicnn",
        "jamendo/crnn", "jamendo/fcn", "jamendo/musicnn"};

    @Test
    void msdCrnnHasTheKnownShapesAndAPeriodicHannWindow() throws Exception {
        Map<String, Tensor> sd = TorchCheckpoint.read(SharedData.require("pretrained/msd/crnn/best_model.pth"));
        assertArrayEquals(new int[] {257, 96}, sd.get("spec.mel_scale.fb").shape());
        assertArrayEquals(new int[] {512}, sd.get("spec.spectrogram.window").shape());
        assertArrayEquals(new int[] {64, 1, 3, 3}, sd.get("layer1.conv.weight").shape());
        assertArrayEquals(new int[] {96, 128}, sd.get("layer5.weight_ih_l0").shape()); // GRU: 3 gates x 32
        assertArrayEquals(new int[] {50, 32}, sd.get("dense.weight").shape());
        assertEquals(List.of("spec.spectrogram.window", "spec.mel_scale.fb"), new ArrayList<>(sd.keySet()).subList(0, 2));

        float[] window = sd.get("spec.spectrogram.window").data();
        for (int n = 0; n < window.length; n++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / window.length); // periodic: divide by N
            assertEquals(hann, window[n], 1e-6, "window[" + n + "]");
        }
    }

    @Test
    void allShippedFilesMatchPyTorch() throws Exception {
        JsonNode files = reference().get("files");
        int strided = 0;
        for (String model : SHIPPED) {
            String rel = "pretrained/" + model + "/best_model.pth";
            Path file = SharedData.require(rel);
            strided += compare(TorchCheckpoint.read(file), files.get(rel), rel);
        }
        // the CRNNs' GRU weights are slices of one flat storage (storage_offset != 0)
        assertTrue(strided > 0, "no tensor in the shipped files is a view with an offset or strides");
    }

    @Test
    void craftedTransposedViewReadsBackExactly() throws Exception {
        Map<String, Tensor> sd = TorchCheckpoint.read(resource("crafted_view.pth"), "crafted_view.pth");
        assertEquals(List.of("w", "tail", "count"), new ArrayList<>(sd.keySet()));
        Tensor w = sd.get("w"); // arange(12).reshape(3, 4).t(): stride (1, 4)
        assertArrayEquals(new int[] {4, 3}, w.shape());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, w.data());
        assertArrayEquals(new float[] {104, 105, 106, 107, 108}, sd.get("tail").data()); // storage_offset 4
        assertArrayEquals(new int[0], sd.get("count").shape()); // int64 scalar
        assertArrayEquals(new float[] {7}, sd.get("count").data());
        assertTrue(compare(sd, reference().get("files").get("crafted_view.pth"), "crafted_view.pth") >= 2);
    }

    @Test
    void refusesAnotherGlobalNamingIt() {
        String m = refused("crafted_global.pth");
        assertTrue(m.contains("os.system"), m);
        assertTrue(m.contains("refused global") && m.contains("at byte"), m);
    }

    @Test
    void refusesAnObjectBuildingOpcode() {
        String m = refused("crafted_opcode.pth");
        assertTrue(m.contains("'i' INST") && m.contains("at byte"), m);
    }

    @Test
    void refusesTruncatedStorageData() {
        String m = refused("crafted_truncated.pth");
        assertTrue(m.contains("truncated") && m.contains("storage '"), m);
    }

    @Test
    void refusesACountThatDiffersFromNumel() {
        String m = refused("crafted_count.pth");
        assertTrue(m.contains("element count 5") && m.contains("persistent id says 4"), m);
    }

    @Test
    void refusesACountLargerThanTheFileBeforeAllocating() {
        String m = refused("crafted_oversized.pth");
        assertTrue(m.contains("truncated") && m.contains("1099511627776"), m);
    }

    @Test
    void refusesAViewPastItsStorage() {
        String m = refused("crafted_past_end.pth");
        assertTrue(m.contains("past its storage"), m);
    }

    @Test
    void refusesTheZipFormat() {
        String m = refused("crafted_zip.pth");
        assertTrue(m.contains("zip-format"), m);
    }

    @Test
    void refusesSomethingThatIsNotAPickle() {
        String m = refused("crafted_not_pickle.pth");
        assertTrue(m.contains("does not start with a pickle"), m);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 15, 40, 137, 300, 500, 620, 630})
    void refusesEveryPrefixOfAValidFile(int length) throws IOException {
        byte[] whole = resource("crafted_view.pth");
        byte[] cut = Arrays.copyOf(whole, Math.min(length, whole.length - 1));
        assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(cut, "cut"));
    }

    @Test
    void refusesTrailingBytes() throws IOException {
        byte[] whole = resource("crafted_view.pth");
        byte[] longer = Arrays.copyOf(whole, whole.length + 3);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(longer, "long"));
        assertTrue(e.getMessage().startsWith("checkpoint long: 3 trailing bytes"), e.getMessage());
    }

    /** Compares names, shapes, sums and first values; returns how many tensors were views with offset/strides. */
    private static int compare(Map<String, Tensor> sd, JsonNode ref, String what) {
        JsonNode names = ref.get("names");
        JsonNode tensors = ref.get("tensors");
        assertEquals(names.size(), sd.size(), what + ": tensor count");
        int i = 0;
        int views = 0;
        for (Map.Entry<String, Tensor> e : sd.entrySet()) {
            JsonNode t = tensors.get(i);
            String where = what + " " + e.getKey();
            assertEquals(names.get(i).asText(), e.getKey(), what + ": order at " + i);
            int[] shape = new int[t.get("shape").size()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = t.get("shape").get(d).asInt();
            }
            assertArrayEquals(shape, e.getValue().shape(), where);
            float[] data = e.getValue().data();
            double sum = 0;
            for (float v : data) {
                sum += v;
            }
            double scale = Math.max(1.0, t.get("abs_sum").asDouble());
            assertEquals(t.get("sum").asDouble(), sum, SUM_RELATIVE_TOLERANCE * scale, where + ": sum");
            JsonNode first = t.get("first");
            for (int k = 0; k < first.size(); k++) {
                assertEquals(first.get(k).asDouble(), data[k], 0.0, where + ": value " + k);
            }
            if (t.get("storage_offset").asLong() != 0 || !t.get("contiguous").asBoolean()) {
                views++;
            }
            i++;
        }
        assertFalse(tensors.size() > i, what);
        return views;
    }

    private static String refused(String name) {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TorchCheckpoint.read(resource(name), name));
        assertTrue(e.getMessage().startsWith("checkpoint " + name + ": "), e.getMessage());
        return e.getMessage();
    }

    private static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(resource("checkpoint_reference.json"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TorchCheckpointTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("test resource missing: " + DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
