package org.genrevamp.trainer.command;

import org.genrevamp.dsp.MelConfig;
import picocli.CommandLine.Option;

/** Spectrogram settings of {@code prepare}; the rest of {@link MelConfig} keeps librosa's defaults. */
final class SpectrogramOptions {
    @Option(names = "--sample-rate", description = "reference sample rate in Hz (default: ${DEFAULT-VALUE})")
    double sampleRate = MelConfig.DEFAULT_SAMPLE_RATE;

    @Option(names = "--fft", description = "FFT size at the reference rate (default: ${DEFAULT-VALUE})")
    int fftSize = MelConfig.DEFAULT_FFT_SIZE;

    @Option(names = "--hop", description = "hop at the reference rate (default: ${DEFAULT-VALUE})")
    int hopSize = MelConfig.DEFAULT_HOP_SIZE;

    @Option(names = "--mels", description = "mel bands (default: ${DEFAULT-VALUE})")
    int melBands = MelConfig.DEFAULT_MEL_BANDS;

    /** The config: librosa defaults with these sizes and no top_db (networks see raw MelStream frames). */
    MelConfig toConfig() {
        MelConfig d = MelConfig.defaults();
        return new MelConfig(sampleRate, fftSize, hopSize, melBands, 0.0, sampleRate / 2, d.window(), d.centred(),
                d.padMode(), d.power(), d.melScale(), d.melNorm(), d.amin(), Double.POSITIVE_INFINITY);
    }
}
