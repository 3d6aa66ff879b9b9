package org.genrevamp.vamp;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelScales;

/**
 * The {@code melspectrogram} output: the log-mel spectrogram the models see (MelStream frames in dB,
 * no top_db), one feature per frame at the frame rate, one bin per mel band named by its centre
 * frequency. Sonic Visualiser shows it as a colour 3D plot.
 */
final class MelSpectrogramOutput implements FrameOutput {

    static final String IDENTIFIER = "melspectrogram";

    private final MelConfig config;
    private double hopSeconds;

    /** @param sampleRate the host's rate: frames are a whole number of its samples apart */
    MelSpectrogramOutput(MelConfig config, double sampleRate) {
        this.config = config;
        this.hopSeconds = config.hopSecondsAt(sampleRate);
    }

    @Override
    public List<OutputDescriptor> descriptors() {
        return List.of(OutputDescriptor.builder(IDENTIFIER)
                .name("Mel Spectrogram")
                .description("Log-mel spectrogram the genre models see: " + config.melBands() + (config.melScale() == MelConfig.MelScale.HTK ? " HTK" : " Slaney") + " mel bands "
                        + Math.round(config.fMin()) + "-" + Math.round(config.fMax()) + " Hz, " + Math.round(
                        config.frameSeconds() * 1000) + " ms Hann frames every " + Math.round(
                        hopSeconds * 1000) + " ms, power in dB")
                .unit("dB")
                .bins(config.melBands(), binNames(config))
                .fixedSampleRateEvery(hopSeconds)
                .build());
    }

    @Override
    public void start(MelConfig frameConfig, double sampleRate) {
        hopSeconds = frameConfig.hopSecondsAt(sampleRate);
    }

    @Override
    public void frame(long index, float[] melDb, FeatureSet out, int firstOutput) {
        out.add(firstOutput, Feature.at(RealTime.fromSeconds(index * hopSeconds), melDb.clone()));
    }

    @Override
    public void finish(FeatureSet out, int firstOutput, double durationSeconds) {
    }

    @Override
    public void reset() {
    }

    /** "<centre> Hz" per band: the centres are the inner mel-spaced edges, as in MelFilterbank. */
    private static List<String> binNames(MelConfig config) {
        double[] edges = MelScales.melFrequencies(config.melBands() + 2, config.fMin(), config.fMax(),
                config.melScale());
        List<String> names = new ArrayList<>(config.melBands());
        for (int b = 0; b < config.melBands(); b++) {
            names.add(Math.round(edges[b + 1]) + " Hz");   // not String.format: its first use costs start-up time
        }
        return names;
    }
}
