package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * Short-context features for the change detector: per block of {@code blockFrames} log-mel frames, each
 * band's mean and standard deviation in dB (timbre and its movement, as the QM segmenter's and MSAF's
 * spectral features). A block of 48 frames of the taggers' front end is 0.77 s: a tenth of the
 * shortest crossfade, so a change is placed within a block.
 */
final class MelBlockStats {

    private final int blockFrames;
    private final int bands;
    private final double[] sum;
    private final double[] squares;
    private final List<float[]> blocks = new ArrayList<>();
    private int inBlock;

    MelBlockStats(int blockFrames, int bands) {
        if (blockFrames < 2 || bands < 1) {
            throw new IllegalArgumentException("MelBlockStats: need blocks of >= 2 frames and >= 1 band");
        }
        this.blockFrames = blockFrames;
        this.bands = bands;
        this.sum = new double[bands];
        this.squares = new double[bands];
    }

    int blockFrames() {
        return blockFrames;
    }

    void add(float[] melDb) {
        for (int b = 0; b < bands; b++) {
            sum[b] += melDb[b];
            squares[b] += (double) melDb[b] * melDb[b];
        }
        if (++inBlock == blockFrames) {
            float[] f = new float[2 * bands];
            for (int b = 0; b < bands; b++) {
                double mean = sum[b] / blockFrames;
                f[b] = (float) mean;
                f[bands + b] = (float) Math.sqrt(Math.max(0, squares[b] / blockFrames - mean * mean));
            }
            blocks.add(f);
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(squares, 0);
            inBlock = 0;
        }
    }

    /** The complete blocks so far, {@code [blocks][2 · bands]} (a partial last block is left out). */
    float[][] blocks() {
        return blocks.toArray(new float[0][]);
    }

    void clear() {
        blocks.clear();
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(squares, 0);
        inBlock = 0;
    }
}
