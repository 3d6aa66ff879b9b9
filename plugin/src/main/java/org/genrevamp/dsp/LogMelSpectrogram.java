package org.genrevamp.dsp;

import java.util.ArrayList;
import java.util.List;

/** Whole-signal log-mel spectrogram: all {@link MelStream} frames, then {@code top_db}. */
public final class LogMelSpectrogram {
    private LogMelSpectrogram() {
    }

    /**
     * Log-mel spectrogram of a whole mono signal.
     *
     * @param mono       samples at {@code sampleRate} (unit full scale); NaN/Inf count as 0; may be empty
     * @param sampleRate rate of {@code mono} in Hz; any positive finite rate (FFT and hop scale with it)
     * @param config     spectrogram configuration
     * @return {@code [frames][melBands]} in dB ({@link MelStream#frameCount} frames, none for an empty
     *         signal); if {@code config.topDb()} is finite, every value is at least the maximum of the
     *         whole result minus topDb; never below {@code 10 log10(amin)}
     * @throws IllegalArgumentException if mono or config is null or sampleRate is not positive and finite
     */
    public static float[][] compute(float[] mono, double sampleRate, MelConfig config) {
        if (mono == null) {
            throw new IllegalArgumentException("LogMelSpectrogram.compute: mono must not be null");
        }
        MelStream stream = new MelStream(config, sampleRate);
        List<float[]> frames = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8,
                MelStream.frameCount(mono.length, config, sampleRate)));
        FrameSink collect = (k, melDb) -> frames.add(melDb.clone());
        stream.push(mono, 0, mono.length, collect);
        stream.finish(collect);
        float[][] result = frames.toArray(new float[0][]);
        PowerToDb.applyTopDb(result, config.topDb());
        return result;
    }
}
