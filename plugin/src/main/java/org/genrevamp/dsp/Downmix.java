package org.genrevamp.dsp;

/** Mixes multi-channel audio down to mono. */
public final class Downmix {
    private Downmix() {
    }

    /**
     * Mono mix: the per-sample mean of all channels (so a signal present identically on every channel
     * keeps its level).
     *
     * @param channels {@code [channel][sample]}, at least one channel, all of the same length
     * @return a new array of the common length; the single channel is copied, not aliased
     * @throws IllegalArgumentException if {@code channels} is null, empty, contains null, or is ragged
     */
    public static float[] mono(float[][] channels) {
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("Downmix.mono: need at least one channel");
        }
        int n = -1;
        for (int c = 0; c < channels.length; c++) {
            if (channels[c] == null) {
                throw new IllegalArgumentException("Downmix.mono: channel " + c + " is null");
            }
            if (n >= 0 && channels[c].length != n) {
                throw new IllegalArgumentException("Downmix.mono: channel " + c + " has " + channels[c].length
                        + " samples, channel 0 has " + n);
            }
            n = channels[c].length;
        }
        float[] mono = new float[n];
        if (channels.length == 1) {
            System.arraycopy(channels[0], 0, mono, 0, n);
            return mono;
        }
        double scale = 1.0 / channels.length;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (float[] channel : channels) {
                sum += channel[i];
            }
            mono[i] = (float) (sum * scale);
        }
        return mono;
    }
}
