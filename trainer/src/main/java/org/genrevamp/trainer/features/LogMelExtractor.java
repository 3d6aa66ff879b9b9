package org.genrevamp.trainer.features;

import java.io.IOException;
import java.nio.file.Path;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.dsp.LogMelSpectrogram;
import org.genrevamp.dsp.MelConfig;

/**
 * Decodes a file with the plugin's {@link AudioFiles} and computes its log-mel frames with the
 * plugin's {@link LogMelSpectrogram} at the file's own rate (no resampling), so training sees
 * exactly the features the plugin computes. With {@code topDb = +Inf} (the trainer's default)
 * these are the raw {@code MelStream} frames a model bundle expects.
 */
public final class LogMelExtractor implements FeatureExtractor {
    private final MelConfig config;

    public LogMelExtractor(MelConfig config) {
        this.config = config;
    }

    @Override
    public float[][] extract(Path file) throws IOException {
        DecodedAudio audio = AudioFiles.read(file);
        if (audio.frames() == 0) {
            throw new IOException(file + ": no audio samples");
        }
        return LogMelSpectrogram.compute(audio.mono(), audio.sampleRate(), config);
    }
}
