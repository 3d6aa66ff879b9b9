package org.genrevamp.audio;

import org.genrevamp.dsp.Downmix;

/**
 * A whole decoded audio file: float samples, one array per channel, at the file's own rate.
 *
 * <p>Integer PCM is scaled to [-1, 1) (a signed n-bit value v becomes v / 2^(n-1)); float files are
 * passed through as stored, so they may exceed that range or hold NaN/Inf. The arrays are not copied.
 *
 * @param channels   samples as [channel][frame]; at least one channel, all of equal length
 * @param sampleRate frames per second (Hz), finite and positive
 */
public record DecodedAudio(float[][] channels, float sampleRate) {

    /** @throws IllegalArgumentException on no channels, ragged channels or a bad rate */
    public DecodedAudio {
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("no channels");
        }
        for (float[] channel : channels) {
            if (channel == null || channel.length != channels[0].length) {
                throw new IllegalArgumentException("channels must be non-null and of equal length");
            }
        }
        if (!(sampleRate > 0) || Float.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be finite and positive: " + sampleRate);
        }
    }

    /** Number of sample frames (samples per channel). */
    public int frames() {
        return channels[0].length;
    }

    /** Duration in seconds: frames / sampleRate. */
    public double seconds() {
        return frames() / (double) sampleRate;
    }

    /** Number of channels. */
    public int channelCount() {
        return channels.length;
    }

    /** Mono mix: per frame, the mean of all channels; a new array of length {@link #frames()}. */
    public float[] mono() {
        return Downmix.mono(channels);
    }
}
