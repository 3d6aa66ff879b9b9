package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * The log-mel frames of one signal, kept compactly so that a segment shorter than a network window can
 * later be labelled from its own frames ({@link SegmentLabeller}): one byte per band, the band's level
 * below the frame's loudest band in {@value #STEP_DB} dB steps (clipped {@value #RANGE_DB} dB below it),
 * plus that maximum as a float. 100 bytes per frame of 96 bands, 6.1 kB per second of audio at the
 * taggers' 16 ms hop (22 MB per hour), a quarter of the floats; the error (at most 0.25 dB) is far below
 * what moves a tagger's output.
 */
final class CompactFrames {

    static final float STEP_DB = 0.5f;
    static final float RANGE_DB = 255 * STEP_DB;
    private static final int CHUNK = 4096;

    private final int bands;
    private final List<byte[]> levels = new ArrayList<>();
    private final List<float[]> maxima = new ArrayList<>();
    private long size;

    CompactFrames(int bands) {
        this.bands = bands;
    }

    long size() {
        return size;
    }

    void add(float[] melDb) {
        int slot = (int) (size % CHUNK);
        if (slot == 0) {
            levels.add(new byte[CHUNK * bands]);
            maxima.add(new float[CHUNK]);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : melDb) {
            max = Math.max(max, v);
        }
        byte[] chunk = levels.get(levels.size() - 1);
        for (int b = 0; b < bands; b++) {
            float below = Math.min(RANGE_DB, max - melDb[b]);
            chunk[slot * bands + b] = (byte) Math.round(below / STEP_DB);
        }
        maxima.get(maxima.size() - 1)[slot] = max;
        size++;
    }

    /** Frame {@code index}, decoded. */
    float[] frame(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("CompactFrames: frame " + index + " of " + size);
        }
        byte[] chunk = levels.get((int) (index / CHUNK));
        int slot = (int) (index % CHUNK);
        float max = maxima.get((int) (index / CHUNK))[slot];
        float[] out = new float[bands];
        for (int b = 0; b < bands; b++) {
            out[b] = max - (chunk[slot * bands + b] & 0xff) * STEP_DB;
        }
        return out;
    }

    /**
     * Frames {@code [from, to)} repeated cyclically (or cut) to {@code length} frames: how a short clip
     * fills a network window (looped, not padded, as {@code BackboneStream} does for a short stream).
     */
    float[][] looped(long from, long to, int length) {
        int n = (int) (to - from);
        if (n <= 0) {
            throw new IllegalArgumentException("CompactFrames.looped: empty range " + from + "-" + to);
        }
        float[][] distinct = new float[Math.min(n, length)][];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = frame(from + i);
        }
        float[][] out = new float[length][];
        for (int t = 0; t < length; t++) {
            out[t] = distinct[t % distinct.length];
        }
        return out;
    }

    void clear() {
        levels.clear();
        maxima.clear();
        size = 0;
    }
}
