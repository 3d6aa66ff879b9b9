package org.genrevamp.vamp;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.dsp.Downmix;
import org.genrevamp.dsp.FrameSink;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;

/**
 * The {@code genre} plugin: mixes the input to mono, computes log-mel frames with {@link MelStream}
 * and hands each frame to its {@link FrameOutput}s. Construction is cheap (hosts construct plugins
 * to list them); the stream is built in {@link #initialise}.
 */
public final class GenrePlugin extends Plugin {

    static final int PREFERRED_BLOCK_SIZE = 1024;
    static final int MAX_CHANNELS = 256;

    private final MelConfig config = MelConfig.defaults();
    private final List<FrameOutput> frameOutputs = List.of(new MelSpectrogramOutput(config));
    private List<OutputDescriptor> descriptors;
    private int[] firstOutputs;   // index of each FrameOutput's first output in the plugin's numbering
    private MelStream stream;
    private int stepSize;
    private FeatureSet pending;
    private final FrameSink dispatch = this::dispatch;

    public GenrePlugin(float inputSampleRate) {
        super(inputSampleRate);
    }

    @Override public String getIdentifier() { return "genre"; }
    @Override public String getName() { return "Genre"; }
    @Override public String getDescription() {
        return "Music genre over time from a log-mel spectrogram and a neural network; shows the spectrogram it sees";
    }
    @Override public String getMaker() { return "genre-vamp"; }
    @Override public String getCopyright() { return "MIT licence"; }
    @Override public int getPluginVersion() { return 1; }
    @Override public InputDomain getInputDomain() { return InputDomain.TIME_DOMAIN; }
    @Override public int getPreferredBlockSize() { return PREFERRED_BLOCK_SIZE; }
    @Override public int getPreferredStepSize() { return PREFERRED_BLOCK_SIZE; }
    @Override public int getMinChannelCount() { return 1; }
    @Override public int getMaxChannelCount() { return MAX_CHANNELS; }

    @Override
    public List<OutputDescriptor> getOutputDescriptors() {
        if (descriptors == null) {
            List<OutputDescriptor> all = new ArrayList<>();
            firstOutputs = new int[frameOutputs.size()];
            for (int i = 0; i < frameOutputs.size(); i++) {
                firstOutputs[i] = all.size();
                all.addAll(frameOutputs.get(i).descriptors());
            }
            descriptors = List.copyOf(all);
        }
        return descriptors;
    }

    @Override
    public boolean initialise(int channels, int step, int block) {
        String problem = channels < 1 || channels > MAX_CHANNELS
                ? channels + " channels (1-" + MAX_CHANNELS + " supported)"
                : step < 1 || block < 1 ? "step " + step + " and block " + block + " must be >= 1"
                : step > block ? "step " + step + " larger than block " + block + " (samples would be skipped)"
                : null;
        if (problem == null) {
            try {
                stream = new MelStream(config, inputSampleRate);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            Diagnostics.warn("GenrePlugin.initialise", problem);
            return false;
        }
        stepSize = step;
        getOutputDescriptors();
        frameOutputs.forEach(o -> o.start(config, inputSampleRate));
        return true;
    }

    @Override
    public void reset() {
        if (stream == null) {
            return;   // not initialised: nothing to forget
        }
        stream.reset();
        frameOutputs.forEach(FrameOutput::reset);
    }

    /** Only the first {@code stepSize} samples of a block are new: the rest overlap the next block. */
    @Override
    public FeatureSet process(float[][] inputBuffers, RealTime timestamp) {
        pending = new FeatureSet();
        stream.push(Downmix.mono(inputBuffers), 0, stepSize, dispatch);
        return pending;
    }

    @Override
    public FeatureSet getRemainingFeatures() {
        pending = new FeatureSet();
        stream.finish(dispatch);
        for (int i = 0; i < frameOutputs.size(); i++) {
            frameOutputs.get(i).finish(pending, firstOutputs[i]);
        }
        return pending;
    }

    private void dispatch(long index, float[] melDb) {
        for (int i = 0; i < frameOutputs.size(); i++) {
            frameOutputs.get(i).frame(index, melDb, pending, firstOutputs[i]);
        }
    }
}
