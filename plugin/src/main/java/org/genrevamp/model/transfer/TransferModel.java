package org.genrevamp.model.transfer;

import org.genrevamp.model.bundle.AtomicFile;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.GenreModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.RhythmFeatures;

/**
 * A genre model made of frozen pretrained tagger networks ({@link Backbones}) and a small genre
 * head ({@link GenreHead}) trained on their features. Input: the taggers' own torchaudio-convention
 * log-mel ({@link MelConfig#torchaudioTagger()}), windows of the networks' length. Optionally the head
 * also sees each window's {@link RhythmFeatures} (tempo and metre, which the taggers barely encode),
 * computed from the same frames after the backbone features. A {@link TagGenreMapping}, where the bundle
 * holds one, fuses the head's probabilities with the genres the taggers' own tags name. Stored as a
 * bundle by {@link TransferFormat}. {@link #predict} is synchronised: one model serves one thread
 * at a time.
 */
public final class TransferModel implements GenreModel {

    private final Backbones backbones;
    private final GenreHead head;
    private final List<String> labels;
    private final Map<String, Object> card;
    private final boolean rhythm;
    private final TagGenreMapping mapping;

    /** A model whose head sees the backbone features only. */
    public TransferModel(Backbones backbones, GenreHead head, List<String> labels, Map<String, Object> card) {
        this(backbones, head, labels, card, false);
    }

    /**
     * @param rhythm whether the head also sees {@link RhythmFeatures#features} of each window, after
     *               the backbone features
     * @throws IllegalArgumentException when the head does not take the backbones' features or does
     *                                  not output one class per label, or the labels are invalid
     */
    public TransferModel(Backbones backbones, GenreHead head, List<String> labels, Map<String, Object> card,
                         boolean rhythm) {
        this(backbones, head, labels, card, rhythm, null);
    }

    /**
     * @param mapping fused with the head's probabilities, or null for the head alone; built for these
     *                backbones and labels ({@link TagGenreMapping#resolve})
     * @throws IllegalArgumentException as above, or when the mapping's genres are not the labels
     */
    public TransferModel(Backbones backbones, GenreHead head, List<String> labels, Map<String, Object> card,
                         boolean rhythm, TagGenreMapping mapping) {
        if (backbones == null || head == null) {
            throw new IllegalArgumentException("TransferModel: backbones and head must not be null");
        }
        this.labels = BundleMetadata.checkLabels(labels);
        int features = featureSize(backbones, rhythm);
        if (head.featureSize() != features) {
            throw new IllegalArgumentException("TransferModel: the head takes " + head.featureSize()
                    + " features but the backbones " + backbones.names() + (rhythm ? " and the rhythm features" : "")
                    + " give " + features);
        }
        if (rhythm && backbones.windowFrames() < RhythmFeatures.minFrames(MelConfig.torchaudioTagger().hopSeconds())) {
            throw new IllegalArgumentException("TransferModel: rhythm features need windows of at least "
                    + RhythmFeatures.FRAME_S + " s; " + backbones.names() + " take " + backbones.windowFrames() + " frames");
        }
        this.rhythm = rhythm;
        if (mapping != null && !mapping.labels().equals(labels)) {
            throw new IllegalArgumentException("TransferModel: the tag mapping's genres " + mapping.labels()
                    + " are not the labels " + labels);
        }
        this.mapping = mapping;
        if (head.classes() != labels.size()) {
            throw new IllegalArgumentException("TransferModel: the head outputs " + head.classes() + " classes but there are "
                    + labels.size() + " labels");
        }
        this.backbones = backbones;
        this.head = head;
        this.card = card == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(card));
    }

    @Override
    public synchronized float[][] predict(float[][][] windows) {
        if (windows == null || windows.length == 0) {
            throw new IllegalArgumentException("TransferModel.predict: need at least one window");
        }
        float[][] features = backbones.features(windows);
        float[][] out = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = predictFeatures(rhythm ? withRhythm(features[i], windows[i]) : features[i]);
        }
        return out;
    }

    /** Length of the head's input: the backbone features, plus {@link RhythmFeatures#SIZE} with rhythm. */
    public static int featureSize(Backbones backbones, boolean rhythm) {
        return backbones.featureSize() + (rhythm ? RhythmFeatures.SIZE : 0);
    }

    /** The rhythm features of a window of the taggers' log-mel frames (what the trainer caches, too). */
    public static float[] rhythmFeatures(float[][] window) {
        return RhythmFeatures.features(window, MelConfig.torchaudioTagger().hopSeconds());
    }

    /** Backbone features followed by the window's rhythm features. */
    private static float[] withRhythm(float[] features, float[][] window) {
        float[] r = rhythmFeatures(window);
        float[] out = java.util.Arrays.copyOf(features, features.length + r.length);
        System.arraycopy(r, 0, out, features.length, r.length);
        return out;
    }

    /** Whether the head also sees each window's rhythm features. */
    public boolean rhythm() {
        return rhythm;
    }

    /**
     * Probabilities of one window (or of features pooled over several) from the head's feature vector:
     * the one place a transfer model's genre probabilities are made, the head's fused with the tag
     * mapping where there is one. Streaming callers compute the features themselves.
     */
    public float[] predictFeatures(float[] features) {
        float[] p = head.probabilities(features);
        return mapping == null ? p : mapping.fuse(p, features);
    }

    /** The tag mapping fused with the head, or null (the head alone). */
    public TagGenreMapping mapping() {
        return mapping;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public MelConfig melConfig() {
        return MelConfig.torchaudioTagger();
    }

    @Override
    public int windowFrames() {
        return backbones.windowFrames();
    }

    @Override
    public String architecture() {
        return "transfer:" + String.join("+", backbones.names());
    }

    @Override
    public Map<String, Object> card() {
        return card;
    }

    public Backbones backbones() {
        return backbones;
    }

    public GenreHead head() {
        return head;
    }

    /** Writes the bundle, atomically replacing {@code file}. */
    public void save(Path file) throws IOException {
        AtomicFile.write(file, out -> TransferFormat.write(this, out));
    }

    /**
     * Whether {@link #openStream} works: every backbone's trunk can run once over a stream (crnn, fcn,
     * musicnn), the windows are long ones (29 s: a musicnn alone keeps its own 3 s windows), and the
     * head takes no rhythm features (the stream keeps no window's frames). Other models run window by
     * window through {@link #predict}.
     */
    public boolean streams() {
        return !rhythm && BackboneStream.streams(backbones);
    }

    /**
     * A sink for {@code model}'s stream handing {@code part} its backbone {@code name}'s output per window,
     * so that a tagger the model already runs is not run twice; null when the model does not stream or
     * does not run that network.
     */
    public static BackboneStream.Sink tap(GenreModel model, String name, BackboneStream.PartSink part) {
        int index = model instanceof TransferModel t && t.streams() ? t.backbones().indexOf(name) : -1;
        return index < 0 ? null : BackboneStream.part(index, part);
    }

    /**
     * Frames a streamed window covers ({@link TransferStream#windowFrames()}): 1728 for a crnn alone,
     * 1792 with an fcn.
     *
     * @throws IllegalStateException when {@link #streams()} is false
     */
    public int streamWindowFrames() {
        requireStreams();
        return TransferStream.windowFrames(backbones);
    }

    /**
     * Window probabilities over a frame stream (see {@link TransferStream}).
     *
     * @param hopSteps windows start every {@code hopSteps} × {@link TransferStream#STRIDE_FRAMES} frames, >= 1
     * @throws IllegalStateException when {@link #streams()} is false
     */
    public TransferStream openStream(int hopSteps, TransferStream.Sink sink) {
        return openStream(hopSteps, sink, null);
    }

    /**
     * Window probabilities over a frame stream, showing {@code outputs} each window's backbone outputs too.
     *
     * @param outputs may be null
     * @throws IllegalStateException when {@link #streams()} is false
     */
    public TransferStream openStream(int hopSteps, TransferStream.Sink sink, BackboneStream.Sink outputs) {
        requireStreams();
        return new TransferStream(this, hopSteps, sink, outputs);
    }

    private void requireStreams() {
        if (!streams()) {
            throw new IllegalStateException("TransferModel: only crnn and fcn backbones stream, this is "
                    + architecture());
        }
    }

    /**
     * Frames between window starts a model with this front end can use: the CRNN stride for the
     * taggers' front end (windows are cut from one convolution of the stream), else 1.
     */
    public static int hopQuantumFrames(MelConfig config) {
        return MelConfig.torchaudioTagger().equals(config) ? TransferStream.STRIDE_FRAMES : 1;
    }
}
