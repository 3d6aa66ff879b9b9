package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelStreamTest {
    private static final MelConfig FRAMES_ONLY = MelConfig.defaults().withTopDb(Double.POSITIVE_INFINITY);
    private static final double FLOOR_DB = 10 * Math.log10(MelConfig.DEFAULT_AMIN);

    /** Collects frames, checking they arrive in order from 0. */
    private static final class Frames implements FrameSink {
        final List<float[]> list = new ArrayList<>();

        @Override
        public void accept(long frameIndex, float[] melDb) {
            assertEquals(list.size(), frameIndex, "frames must arrive in order");
            list.add(melDb.clone());
        }

        float[][] array() {
            return list.toArray(new float[0][]);
        }
    }

    private static float[][] streamed(float[] x, double rate, MelConfig config, int[] blocks) {
        MelStream stream = new MelStream(config, rate);
        Frames frames = new Frames();
        int pos = 0;
        for (int i = 0; pos < x.length; i++) {
            int len = Math.min(blocks[i % blocks.length], x.length - pos);
            stream.push(x, pos, len, frames);
            pos += len;
        }
        stream.finish(frames);
        return frames.array();
    }

    private static void assertSameFrames(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": frame count");
        for (int t = 0; t < expected.length; t++) {
            // bit-exact: each frame is computed by the same code from the same samples
            assertArrayEquals(expected[t], actual[t], 0f, what + ": frame " + t);
        }
    }

    @ParameterizedTest(name = "block size {0}")
    @ValueSource(ints = {1, 7, 512, 1000, 4096})
    void anyBlockSizeGivesTheWholeSignalFrames(int block) {
        float[] x = TestSignals.noise(3 * 22050 + 123, 0.1, 42);
        float[][] whole = LogMelSpectrogram.compute(x, 22050, FRAMES_ONLY);
        assertEquals(MelStream.frameCount(x.length, FRAMES_ONLY, 22050), whole.length);
        assertSameFrames(whole, streamed(x, 22050, FRAMES_ONLY, new int[] {block}), "block " + block);
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {22050, 48000, 111, 11025})
    void aSeededMixOfBlockSizesGivesTheWholeSignalFrames(double rate) {
        Random random = new Random(7);
        int[] blocks = new int[64];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = random.nextInt(5000); // includes empty blocks
        }
        float[] x = TestSignals.noise((int) (2.3 * rate) + 5, 0.1, 43);
        assertSameFrames(LogMelSpectrogram.compute(x, rate, FRAMES_ONLY), streamed(x, rate, FRAMES_ONLY, blocks),
                "random blocks at " + rate);
    }

    @Test
    void unusualFramingsStreamLikeWholeSignals() {
        MelConfig hopBeyondFrame = FRAMES_ONLY.withFrames(1024, 3000); // samples between frames are skipped
        MelConfig notCentred = new MelConfig(22050, 2048, 512, 64, 0, 11025, MelConfig.Window.HANN_PERIODIC, false,
                MelConfig.PadMode.REFLECT, 2.0, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY, 1e-10,
                Double.POSITIVE_INFINITY);
        float[] x = TestSignals.noise(40000, 0.1, 44);
        for (MelConfig config : new MelConfig[] {hopBeyondFrame, notCentred}) {
            for (double rate : new double[] {22050, 48000}) {
                float[][] whole = LogMelSpectrogram.compute(x, rate, config);
                assertEquals(MelStream.frameCount(x.length, config, rate), whole.length);
                assertSameFrames(whole, streamed(x, rate, config, new int[] {1, 333, 4096}), config + " at " + rate);
            }
        }
        // not centred: librosa's 1 + (n - n_fft) // hop frames, none when the signal is shorter than a frame
        assertEquals(1 + (40000 - 2048) / 512, MelStream.frameCount(40000, notCentred, 22050));
        assertEquals(0, LogMelSpectrogram.compute(new float[2047], 22050, notCentred).length);
    }

    @Test
    void shortSignalsStreamLikeWholeOnesInBothPadModes() {
        for (MelConfig.PadMode mode : MelConfig.PadMode.values()) {
            MelConfig config = new MelConfig(22050, 2048, 512, 128, 0, 11025, MelConfig.Window.HANN_PERIODIC, true,
                    mode, 2.0, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY, 1e-10, Double.POSITIVE_INFINITY);
            for (int n : new int[] {1, 2, 3, 300, 1023, 1024, 1025, 2049}) {
                float[] x = TestSignals.noise(n, 0.2, n);
                float[][] whole = LogMelSpectrogram.compute(x, 22050, config);
                assertEquals(1 + n / 512, whole.length, "librosa frame count 1 + n // hop for n=" + n);
                assertSameFrames(whole, streamed(x, 22050, config, new int[] {1}), mode + " n=" + n);
            }
        }
    }

    @Test
    void finishStartsANewSignalAndResetForgetsCounts() {
        float[] x = TestSignals.noise(5000, 0.1, 1);
        x[10] = Float.NaN;
        MelStream stream = new MelStream(FRAMES_ONLY, 22050);
        Frames first = new Frames();
        stream.push(x, 0, x.length, first);
        stream.finish(first);
        Frames second = new Frames();
        stream.push(x, 0, x.length, second);
        stream.finish(second);
        assertSameFrames(first.array(), second.array(), "second signal");
        assertEquals(2, stream.invalidSamples());
        stream.reset();
        assertEquals(0, stream.invalidSamples());
    }

    @Test
    void nanAndInfinityCountAsZeroSamples() {
        float[] clean = TestSignals.noise(10000, 0.1, 2);
        float[] dirty = clean.clone();
        int[] bad = {0, 17, 4000, 9999};
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (int i = 0; i < bad.length; i++) {
            clean[bad[i]] = 0f;
            dirty[bad[i]] = values[i];
        }
        MelStream stream = new MelStream(FRAMES_ONLY, 22050);
        Frames frames = new Frames();
        stream.push(dirty, 0, dirty.length, frames);
        stream.finish(frames);
        assertEquals(bad.length, stream.invalidSamples());
        assertSameFrames(LogMelSpectrogram.compute(clean, 22050, FRAMES_ONLY), frames.array(), "NaN/Inf as 0");
    }

    @Test
    void silenceSitsOnTheFloorWithAndWithoutTopDb() {
        float[] silence = new float[22050];
        for (MelConfig config : new MelConfig[] {FRAMES_ONLY, MelConfig.defaults()}) {
            float[][] db = LogMelSpectrogram.compute(silence, 22050, config);
            assertEquals(44, db.length);
            for (float[] frame : db) {
                for (float v : frame) {
                    assertEquals(FLOOR_DB, v, 1e-4, "silence is 10 log10(amin)");
                }
            }
        }
    }

    @Test
    void emptyInputGivesNoFrames() {
        assertEquals(0, LogMelSpectrogram.compute(new float[0], 22050, MelConfig.defaults()).length);
        assertEquals(0, MelStream.frameCount(0, MelConfig.defaults(), 44100));
        MelStream stream = new MelStream(FRAMES_ONLY, 22050);
        Frames frames = new Frames();
        stream.push(new float[10], 3, 0, frames);
        stream.finish(frames);
        assertEquals(0, frames.list.size());
    }

    @Test
    void extremeSampleValuesGiveFiniteFrames() {
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Float.MAX_VALUE : i % 3 == 1 ? -Float.MAX_VALUE : Float.MIN_VALUE;
        }
        for (float[] frame : LogMelSpectrogram.compute(x, 22050, MelConfig.defaults())) {
            for (float v : frame) {
                assertTrue(Float.isFinite(v) && v >= FLOOR_DB, "value " + v);
            }
        }
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {111, 11025, 44100, 48000, 96000, 1094091})
    void oddRatesGiveFiniteFramesAndFloorAboveNyquist(double rate) {
        float[] x = TestSignals.sine(50, 0.5, (int) Math.max(1, rate / 2), rate);
        float[][] db = LogMelSpectrogram.compute(x, rate, FRAMES_ONLY);
        assertEquals(MelStream.frameCount(x.length, FRAMES_ONLY, rate), db.length);
        assertEquals(1 + x.length / FRAMES_ONLY.hopAt(rate), db.length, "1 + floor(n / hop)");
        float[] centres = new MelStream(FRAMES_ONLY, rate).bandCentresHz();
        for (float[] frame : db) {
            for (int b = 0; b < frame.length; b++) {
                assertTrue(Float.isFinite(frame[b]), "finite");
                // a band's lower edge is at or above its neighbour's centre: above Nyquist it has no bins
                if (b > 0 && centres[b - 1] > rate / 2) {
                    assertEquals(FLOOR_DB, frame[b], 1e-4, "band " + b + " above Nyquist at " + rate);
                }
            }
        }
    }

    @Test
    void badArgumentsFailAtConstructionWithAMessage() {
        for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e12}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MelStream(MelConfig.defaults(), rate));
            assertTrue(e.getMessage().startsWith("MelStream: "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new MelStream(null, 22050));
        MelStream stream = new MelStream(FRAMES_ONLY, 22050);
        assertThrows(IllegalArgumentException.class, () -> stream.push(new float[4], 2, 3, (k, f) -> { }));
        assertThrows(IllegalArgumentException.class, () -> stream.push(new float[4], 0, 4, null));
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {22050, 48000, 96000})
    void pushAllocatesNothingOnceWarm(double rate) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation");
        float[] x = TestSignals.noise(512 * 400, 0.1, 5);
        MelStream stream = new MelStream(FRAMES_ONLY, rate); // 48 and 96 kHz: fractional hop, Bluestein FFT
        long[] frames = new long[1];
        FrameSink count = (k, db) -> frames[0]++;
        for (int pos = 0; pos < x.length / 2; pos += 512) {
            stream.push(x, pos, 512, count); // warm-up: JIT compilation
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int pos = x.length / 2; pos < x.length; pos += 512) {
            stream.push(x, pos, 512, count);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(frames[0] > 40, "frames were computed");
        // 200 blocks and >= 40 frames: anything per block or per frame would show as kilobytes
        assertTrue(allocated < 1024, "push allocated " + allocated + " bytes");
    }

    @Test
    void bandCentresAreIncreasingAndInsideTheConfiguredRange() {
        float[] centres = new MelStream(MelConfig.defaults(), 44100).bandCentresHz();
        assertEquals(MelConfig.DEFAULT_MEL_BANDS, centres.length);
        for (int b = 1; b < centres.length; b++) {
            assertTrue(centres[b] > centres[b - 1]);
        }
        assertTrue(centres[0] > 0 && centres[centres.length - 1] < 11025);
    }
}
