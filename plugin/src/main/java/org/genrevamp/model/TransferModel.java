package org.genrevamp.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.dsp.MelConfig;

/**
 * A genre model made of frozen pretrained tagger networks ({@link Backbones}) and a small genre
 * head ({@link GenreHead}) trained on their features. Input: the taggers' own torchaudio-convention
 * log-mel ({@link MelConfig#torchaudioTagger()}), windows of the networks' length. Stored as a
 * bundle by {@link TransferFormat}. {@link #predict} is synchronised: one model serves one thread
 * at a time.
 */
public final class TransferModel implements GenreModel {

    private final Backbones backbones;
    private final GenreHead head;
    private final List<String> labels;
    private final Map<String, Object> card;

    /**
     * @throws IllegalArgumentException when the head does not take the backbones' features or does
     *                                  not output one class per label, or the labels are invalid
     */
    public TransferModel(Backbones backbones, GenreHead head, List<String> labels, Map<String, Object> card) {
        if (backbones == null || head == null) {
            throw new IllegalArgumentException("TransferModel: backbones and head must not be null");
        }
        this.labels = BundleMetadata.checkLabels(labels);
        if (head.featureSize() != backbones.featureSize()) {
            throw new IllegalArgumentException("TransferModel: the head takes " + head.featureSize()
                    + " features but the backbones " + backbones.names() + " give " + backbones.featureSize());
        }
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
            out[i] = head.probabilities(features[i]);
        }
        return out;
    }

    /** Probabilities of one window from its backbone features (streaming callers compute features themselves). */
    public float[] predictFeatures(float[] features) {
        return head.probabilities(features);
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
     * Whether {@link #openStream} works: every backbone is a crnn or an fcn, whose convolutional trunks
     * can run once over a stream (a musicnn cannot).
     */
    public boolean streams() {
        return BackboneStream.streams(backbones);
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
