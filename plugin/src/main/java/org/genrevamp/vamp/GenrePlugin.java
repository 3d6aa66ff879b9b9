package org.genrevamp.vamp;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.annotate.InputEnd;
import org.genrevamp.dsp.Downmix;
import org.genrevamp.dsp.FrameSink;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleOutline;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.transfer.TagSource;

/**
 * The {@code genre} plugin: mixes the input to mono, computes log-mel frames with {@link MelStream}
 * (configured by the chosen model) and hands each frame to its {@link FrameOutput}s: the genre outputs
 * ({@link GenreOutputs}), the spectrogram the model sees ({@link MelSpectrogramOutput}) and the tags of
 * a pretrained tagger ({@link TagOutputs}). The tagger reads the genre model's stream when that model runs
 * the same network (the default and msd tags), else runs itself, on a second MelStream of the taggers'
 * front end when the model's spectrogram is another.
 *
 * <p>Construction is cheap (hosts construct plugins to list them). Descriptors depend on the chosen
 * model's labels, read from its metadata without loading the network; the network is loaded in
 * {@link #initialise}, which returns false with one stderr line when the model is missing or broken.
 */
public final class GenrePlugin extends Plugin {

    static final int PREFERRED_BLOCK_SIZE = InputEnd.HOST_BLOCK;
    static final int MAX_CHANNELS = 256;
    /** Descriptors when the chosen model cannot be read: valid for hosts, and initialise will refuse. */
    private static final List<String> FALLBACK_LABELS = List.of("unknown");

    private ModelCatalogue catalogue;
    private GenreParameters parameters;
    private int describedModel = -1;
    private float describedHop;
    private MelConfig config;
    private GenreOutputs genre;
    private TagOutputs tags;
    private int tagsFirstOutput;
    private TagSource describedTagger;
    private List<FrameOutput> frameOutputs;
    private List<OutputDescriptor> descriptors;
    private int[] firstOutputs;   // index of each FrameOutput's first output in the plugin's numbering
    private MelStream stream;
    private int stepSize;
    /** Timestamp of the first block since initialise/reset: where the host says the input starts. */
    private RealTime origin;
    private InputEnd inputEnd;
    private FeatureSet pending;
    private final FrameSink dispatch = this::dispatch;

    public GenrePlugin(float inputSampleRate) {
        super(inputSampleRate);
    }

    @Override public String getIdentifier() { return "genre"; }
    @Override public String getName() { return "Genre"; }
    @Override public String getDescription() {
        return "Music genre over time (regions, probabilities, confidence, whole track) from a log-mel spectrogram"
                + " and a neural network; also the tags of a pretrained music tagger and the spectrogram it sees";
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
    public List<ParameterDescriptor> getParameterDescriptors() {
        return parameters().descriptors();
    }

    @Override
    public float getParameter(String identifier) {
        return parameters().get(identifier);
    }

    @Override
    public void setParameter(String identifier, float value) {
        if (!parameters().set(identifier, value)) {
            Diagnostics.warn("GenrePlugin.setParameter", "ignoring unknown parameter '" + identifier + "' or NaN value");
        }
    }

    @Override
    public List<OutputDescriptor> getOutputDescriptors() {
        GenreParameters p = parameters();
        if (descriptors == null || describedModel != p.modelIndex() || describedHop != (float) p.hopSeconds()
                || describedTagger != p.tagSource()) {
            describe(p);
        }
        return descriptors;
    }

    /** Builds the outputs for the chosen model from its metadata (no network loaded). */
    private void describe(GenreParameters p) {
        List<String> labels = FALLBACK_LABELS;
        MelConfig mel = MelConfig.defaults();
        try {
            BundleOutline m = catalogue.outline(p.modelIndex());
            labels = m.labels();
            mel = m.melConfig();
        } catch (BundleException | RuntimeException e) {
            Diagnostics.warn("GenrePlugin.getOutputDescriptors", Diagnostics.describe(e));
        }
        config = mel;
        if (frameOutputs != null) {
            frameOutputs.forEach(FrameOutput::close);   // an earlier initialise's streams
        }
        genre = new GenreOutputs(labels, mel, inputSampleRate, p);
        tags = new TagOutputs(p.tagSource(), tagNames(p.tagSource()), inputSampleRate, p);
        // mel first: output 0 as before; the tag outputs last, after the genre outputs
        frameOutputs = List.of(new MelSpectrogramOutput(mel, inputSampleRate), genre, tags);
        List<OutputDescriptor> all = new ArrayList<>();
        firstOutputs = new int[frameOutputs.size()];
        for (int i = 0; i < frameOutputs.size(); i++) {
            firstOutputs[i] = all.size();
            all.addAll(frameOutputs.get(i).descriptors());
        }
        descriptors = List.copyOf(all);
        describedModel = p.modelIndex();
        describedHop = (float) p.hopSeconds();
        describedTagger = p.tagSource();
        tagsFirstOutput = firstOutputs[frameOutputs.indexOf(tags)];
    }

    /** The tagger's tag names (msd's when off, so the descriptor keeps its shape); a warning when unreadable. */
    private static List<String> tagNames(TagSource source) {
        TagSource named = source == null ? TagSource.MSD : source;
        try {
            return named.tagNames();
        } catch (BundleException e) {
            Diagnostics.warn("GenrePlugin.getOutputDescriptors", e.getMessage());
            return FALLBACK_LABELS;
        }
    }

    @Override
    public boolean initialise(int channels, int step, int block) {
        String problem = channels < 1 || channels > MAX_CHANNELS
                ? channels + " channels (1-" + MAX_CHANNELS + " supported)"
                : step < 1 || block < 1 ? "step " + step + " and block " + block + " must be >= 1"
                : step > block ? "step " + step + " larger than block " + block + " (samples would be skipped)"
                : null;
        if (problem != null) {
            Diagnostics.warn("GenrePlugin.initialise", problem);
            return false;
        }
        getOutputDescriptors();
        try {
            stream = new MelStream(config, inputSampleRate);   // the model's config, from its metadata
        } catch (IllegalArgumentException e) {
            Diagnostics.warn("GenrePlugin.initialise", e.getMessage());
            return false;
        }
        GenreModel model = loadModel();
        if (model == null) {
            return false;
        }
        problem = GenreOutputs.checkTiming(parameters, model.windowSeconds());
        if (problem != null) {
            Diagnostics.warn("GenrePlugin.initialise", problem);
            return false;
        }
        stepSize = step;
        origin = null;
        inputEnd = new InputEnd(step);
        genre.bind(model);
        if (!bindTagger(model)) {
            return false;
        }
        PluginConf.applyEngineThreads();
        frameOutputs.forEach(o -> o.start(model.melConfig(), inputSampleRate));
        return true;
    }

    /**
     * Connects the tag outputs: to the genre model's stream when it runs the chosen tagger, else to the
     * tagger network, fed by a second MelStream when the model's spectrogram is not the taggers'.
     *
     * @return false after one stderr line when the tagger cannot be loaded
     */
    private boolean bindTagger(GenreModel model) {
        tags.bindOwnTagger(null);
        TagSource source = parameters.tagSource();
        if (source == null || genre.shareBackbone(source.backboneName(), tags::window)) {
            return true;
        }
        try {
            tags.bindOwnTagger(source.load());
        } catch (BundleException | RuntimeException | LinkageError e) {
            Diagnostics.warn("GenrePlugin.initialise", "cannot load tagger '" + source.id() + "': "
                    + (e instanceof BundleException ? e.getMessage() : Diagnostics.describe(e)));
            return false;
        }
        return true;
    }

    /** The chosen model's network, or null after one stderr line naming the model and the reason. */
    private GenreModel loadModel() {
        String name = catalogue.names().get(parameters.modelIndex());
        try {
            GenreModel model = catalogue.load(parameters.modelIndex());
            if (!model.labels().equals(genre.labels()) || !model.melConfig().equals(config)) {
                throw new BundleException("the bundle changed on disk since its outputs were described; describe again");
            }
            return model;
        } catch (BundleException | RuntimeException | LinkageError e) {
            Diagnostics.warn("GenrePlugin.loadModel", "cannot load model '" + name + "'"
                    + (name.equals(ModelCatalogue.CUSTOM) ? " (" + catalogue.customFile() + ")" : "") + ": "
                    + (e instanceof BundleException ? e.getMessage() : Diagnostics.describe(e)));
            return null;
        }
    }

    @Override
    public void reset() {
        if (stream == null) {
            return;   // not initialised: nothing to forget
        }
        stream.reset();
        origin = null;
        inputEnd.reset();
        frameOutputs.forEach(FrameOutput::reset);
    }

    @Override
    public void close() {
        if (frameOutputs != null) {
            frameOutputs.forEach(FrameOutput::close);
        }
    }

    /** Only the first {@code stepSize} samples of a block are new: the rest overlap the next block. */
    @Override
    public FeatureSet process(float[][] inputBuffers, RealTime timestamp) {
        pending = new FeatureSet();
        if (origin == null) {
            origin = timestamp == null ? RealTime.ZERO : timestamp;
        }
        tags.target(pending, tagsFirstOutput);
        float[] mono = Downmix.mono(inputBuffers);
        stream.push(mono, 0, stepSize, dispatch);
        tags.samples(mono, 0, stepSize);
        inputEnd.block(mono);
        return placed(pending);
    }

    @Override
    public FeatureSet getRemainingFeatures() {
        pending = new FeatureSet();
        tags.target(pending, tagsFirstOutput);
        stream.finish(dispatch);
        // hosts zero-pad the last block; GenreAnnotator keeps the end after its last window's centre
        double duration = inputEnd.seconds(inputSampleRate);
        for (int i = 0; i < frameOutputs.size(); i++) {
            frameOutputs.get(i).finish(pending, firstOutputs[i], duration);
        }
        return placed(pending);
    }

    /**
     * Features are computed on a clock that starts at 0 with the first sample; hosts may start the
     * input at another time (the timestamp of the first {@code process} call), so move them there.
     */
    private FeatureSet placed(FeatureSet features) {
        return origin == null || origin.equals(RealTime.ZERO) || features.isEmpty() ? features : features.shiftedBy(origin);
    }

    private GenreParameters parameters() {
        if (parameters == null) {
            catalogue = ModelCatalogue.discover();
            parameters = new GenreParameters(catalogue.names());
        }
        return parameters;
    }

    private void dispatch(long index, float[] melDb) {
        for (int i = 0; i < frameOutputs.size(); i++) {
            frameOutputs.get(i).frame(index, melDb, pending, firstOutputs[i]);
        }
    }
}
