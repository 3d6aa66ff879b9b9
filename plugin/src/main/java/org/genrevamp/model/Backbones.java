package org.genrevamp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.tagger.CheckpointException;
import org.genrevamp.model.tagger.TaggerNetwork;
import org.genrevamp.model.tagger.TaggerOutput;
import org.genrevamp.model.tagger.Taggers;
import org.genrevamp.model.tagger.Tensor;
import org.genrevamp.model.tagger.TorchCheckpoint;

/**
 * The frozen pretrained part of a transfer model: one or more tagger networks over the same window,
 * and the feature vector a genre head sees, which is, backbone after backbone, the embedding and
 * (when {@code withTags}) the 50 tag probabilities.
 */
public final class Backbones {

    /**
     * One pretrained network with the checkpoint it was read from (kept so a bundle can be re-written).
     *
     * @param name       e.g. {@code msd/crnn}
     * @param checkpoint the legacy {@code .pth} file's bytes
     * @param network    the network built from it
     */
    public record Backbone(String name, byte[] checkpoint, TaggerNetwork network) {
    }

    private final List<Backbone> backbones;
    private final boolean withTags;
    private final int windowFrames;
    private final int featureSize;

    /**
     * @throws IllegalArgumentException when the list is empty or the networks' windows differ
     */
    public Backbones(List<Backbone> backbones, boolean withTags) {
        if (backbones == null || backbones.isEmpty()) {
            throw new IllegalArgumentException("Backbones: need at least one backbone");
        }
        this.backbones = List.copyOf(backbones);
        this.withTags = withTags;
        this.windowFrames = backbones.get(0).network().windowFrames();
        int size = 0;
        for (Backbone b : backbones) {
            if (b.network().windowFrames() != windowFrames) {
                throw new IllegalArgumentException("Backbones: " + b.name() + " takes " + b.network().windowFrames()
                        + "-frame windows, " + backbones.get(0).name() + " " + windowFrames
                        + ": an ensemble needs one window length");
            }
            size += b.network().embeddingSize() + (withTags ? b.network().tagCount() : 0);
        }
        this.featureSize = size;
    }

    /**
     * Reads a legacy PyTorch checkpoint and builds its network.
     *
     * @param name   the backbone's name, for messages and the model card
     * @param source where the bytes came from, for messages
     * @throws BundleException naming the source when the checkpoint is unreadable, unsafe or not a known tagger
     */
    public static Backbone read(String name, byte[] checkpoint, String source) throws BundleException {
        try {
            Map<String, Tensor> stateDict = TorchCheckpoint.read(checkpoint, source);
            return new Backbone(name, checkpoint, Taggers.fromStateDict(stateDict));
        } catch (CheckpointException e) {
            throw new BundleException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BundleException("backbone " + name + " (" + source + "): " + e.getMessage(), e);
        }
    }

    public List<Backbone> list() {
        return backbones;
    }

    public List<String> names() {
        return backbones.stream().map(Backbone::name).toList();
    }

    public boolean withTags() {
        return withTags;
    }

    /** Frames per window (the networks' own: 1813 = 29 s for crnn/fcn, 188 = 3 s for musicnn). */
    public int windowFrames() {
        return windowFrames;
    }

    /** Length of the feature vectors {@link #features} returns. */
    public int featureSize() {
        return featureSize;
    }

    /**
     * @param windows {@code [n][windowFrames][96]} raw torchaudio-convention log-mel dB
     * @return {@code [n][featureSize()]}
     */
    public float[][] features(float[][][] windows) {
        Nd4jThreads.prepare();
        float[][] out = new float[windows.length][featureSize];
        int offset = 0;
        for (Backbone b : backbones) {
            TaggerOutput[] outputs = b.network().forward(windows);
            int width = 0;
            for (int i = 0; i < windows.length; i++) {
                width = append(outputs[i], out[i], offset);
            }
            offset += width;
        }
        return out;
    }

    /** Copies one network's output into {@code features} at {@code offset}; returns the width written. */
    int append(TaggerOutput output, float[] features, int offset) {
        System.arraycopy(output.embedding(), 0, features, offset, output.embedding().length);
        int width = output.embedding().length;
        if (withTags) {
            System.arraycopy(output.tags(), 0, features, offset + width, output.tags().length);
            width += output.tags().length;
        }
        return width;
    }

    /** The features of one window from each backbone's output, in backbone order (for streaming callers). */
    public float[] features(List<TaggerOutput> outputs) {
        if (outputs.size() != backbones.size()) {
            throw new IllegalArgumentException("Backbones.features: " + outputs.size() + " outputs for "
                    + backbones.size() + " backbones");
        }
        float[] f = new float[featureSize];
        int offset = 0;
        for (TaggerOutput o : outputs) {
            offset += append(o, f, offset);
        }
        return f;
    }

    /** The tag lists are not in the checkpoints; the card names the backbones instead. */
    List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Backbone b : backbones) {
            out.add(Map.of("name", b.name(), "architecture", b.network().architecture(),
                    "embedding", b.network().embeddingSize(), "windowFrames", b.network().windowFrames()));
        }
        return out;
    }
}
