package org.genrevamp.vamp.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.testing.ExpectedDiagnostics;
import org.genrevamp.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole Java side as a C host sees it, in this JVM: descriptor from {@link Bridge}, every call
 * through the function pointers in native memory (JNA trampolines), features read back from the
 * plugin's native memory. The values must be exactly MelStream's.
 */
@ExtendWith(ExpectedDiagnostics.class)
class BridgeRoundTripTest {

    private static final float RATE = 22050f;

    @BeforeAll
    static void model() {
        TestBundles.installAsCustomModel();   // initialise needs a model
    }

    @Test
    void descriptorExistsForIndexZeroOnly() {
        assertTrue(Bridge.descriptor(2, 0) != 0);
        assertEquals(0, Bridge.descriptor(2, 1));
        assertEquals(0, Bridge.descriptor(0, 0), "no API version 0");
        assertEquals(Bridge.descriptor(2, 0), Bridge.descriptor(2, 0), "built once, then the same memory");
    }

    @Test
    void apiVersionIsTheHostsWhenLower() {
        assertEquals(2, new DescriptorClient(Bridge.descriptor(2, 0)).apiVersion());
        assertEquals(2, new DescriptorClient(Bridge.descriptor(3, 0)).apiVersion());
        assertEquals(1, new DescriptorClient(Bridge.descriptor(1, 0)).apiVersion());
    }

    @Test
    void listsTheGenrePluginAndItsOutputs() {
        DescriptorClient client = new DescriptorClient(Bridge.descriptor(2, 0));
        assertEquals("genre", client.identifier());
        Pointer h = client.instantiate(RATE);
        assertNotNull(h);
        assertEquals("melspectrogram", client.outputIdentifiers(h).get(0));
        assertEquals(8192, client.unsignedOf("getPreferredBlockSize", h));
        client.cleanup(h);
    }

    @Test
    void featuresThroughTheAbiEqualMelStreamFrames() {
        float[] signal = noise(RATE * 3 + 123, 7);
        assertFramesEqual(expectedFrames(signal), bridgeFrames(new DescriptorClient(Bridge.descriptor(2, 0)), signal,
                1024, 1024, 1));
    }

    @Test
    void overlappingBlocksAndStereoGiveTheSameFrames() {
        float[] signal = noise(RATE * 2 + 77, 11);
        // step < block: only the first step samples of each block are new; two identical channels mix to one
        assertFramesEqual(expectedFrames(signal), bridgeFrames(new DescriptorClient(Bridge.descriptor(2, 0)), signal,
                512, 2048, 2));
    }

    @Test
    void apiVersionOneHostsReadTheSameValues() {
        float[] signal = noise(RATE, 3);
        assertFramesEqual(expectedFrames(signal), bridgeFrames(new DescriptorClient(Bridge.descriptor(1, 0)), signal,
                1024, 1024, 1));
    }

    @Test
    void misuseGetsValidFallbacksAndTheInstanceStaysQuiet() {
        DescriptorClient client = new DescriptorClient(Bridge.descriptor(2, 0));
        Pointer h = client.instantiate(RATE);
        assertEquals("unavailable", client.outputIdentifier(h, 99), "a fallback descriptor, never NULL");
        // the out-of-range call latched the instance: it now answers with empty results
        assertEquals(false, client.initialise(h, 1, 1024, 1024));
        float[][][] features = client.process(h, new float[1][1024], 0, 0);
        assertEquals(0, features[0].length);
        client.cleanup(h);
        Pointer fresh = client.instantiate(RATE);
        assertTrue(client.initialise(fresh, 1, 1024, 1024), "other instances are unaffected");
        client.cleanup(fresh);
    }

    /** Frames the engine itself makes from the whole signal. */
    private static List<float[]> expectedFrames(float[] signal) {
        List<float[]> frames = new ArrayList<>();
        MelStream stream = new MelStream(MelConfig.defaults(), RATE);
        stream.push(signal, 0, signal.length, (k, db) -> frames.add(db.clone()));
        stream.finish((k, db) -> frames.add(db.clone()));
        return frames;
    }

    /** Frames through the ABI; the last block is padded with zeros as hosts do, so extra tail frames are cut. */
    private static List<float[]> bridgeFrames(DescriptorClient client, float[] signal, int step, int block,
                                              int channels) {
        Pointer h = client.instantiate(RATE);
        assertTrue(client.initialise(h, channels, step, block));
        List<float[]> frames = new ArrayList<>();
        for (int start = 0; start < signal.length; start += step) {
            float[][] input = new float[channels][block];
            for (float[] channel : input) {
                System.arraycopy(signal, start, channel, 0, Math.min(block, signal.length - start));
            }
            frames.addAll(List.of(client.process(h, input, 0, 0)[0]));
        }
        frames.addAll(List.of(client.remaining(h)[0]));
        client.cleanup(h);
        return frames;
    }

    /** Frames whose window lies wholly inside the signal must be bit-identical; the count must cover it. */
    private static void assertFramesEqual(List<float[]> expected, List<float[]> actual) {
        int clean = expected.size() - MelConfig.DEFAULT_FFT_SIZE / 2 / MelConfig.DEFAULT_HOP_SIZE - 1;
        assertTrue(actual.size() >= expected.size(), actual.size() + " frames, expected at least " + expected.size());
        for (int k = 0; k < clean; k++) {
            assertArrayEquals(expected.get(k), actual.get(k), "frame " + k);
        }
    }

    static float[] noise(float length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE) + 0.1 * random.nextGaussian());
        }
        return x;
    }
}
