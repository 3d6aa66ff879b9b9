package org.genrevamp.model.transfer;

import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.runtime.Nd4jThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.tagger.CheckpointException;
import org.genrevamp.model.tagger.MusicnnTagger;
import org.genrevamp.model.tagger.TaggerNetwork;
import org.genrevamp.model.tagger.TaggerOutput;
import org.genrevamp.model.tagger.Taggers;
import org.genrevamp.model.tagger.Tensor;
import org.genrevamp.model.tagger.TorchCheckpoint;

/**
 * The frozen pretrained part of a transfer model: one or more tagger networks over one window, and
 * the feature vector a genre head sees, which is, backbone after backbone, the embedding and
 * the 50 tag probabilities, or both, as {@link Features} says.
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

    /** What of each network's output the head sees. */
    public enum Features {
        EMBEDDING("embedding"), TAGS("tags"), BOTH("embedding+tags");

        private final String id;

        Features(String id) {
            this.id = id;
        }

        /** {@code embedding}, {@code tags} or {@code embedding+tags}: bundles and the command line use it. */
        public String id() {
            return id;
        }

        /** @throws IllegalArgumentException naming the known ids */
        public static Features fromId(String id) {
            for (Features f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown features '" + id + "' (embedding, tags or embedding+tags)");
        }

        int width(TaggerNetwork n) {
            return switch (this) {
                case EMBEDDING -> n.embeddingSize();
                case TAGS -> n.tagCount();
                case BOTH -> n.embeddingSize() + n.tagCount();
            };
        }
    }

    private final List<Backbone> backbones;
    private final Features features;
    private final int windowFrames;
    private final int featureSize;

    /**
     * @param features what of each network's output the head sees
     * @throws IllegalArgumentException when the list is empty
     */
    public Backbones(List<Backbone> backbones, Features features) {
        if (backbones == null || backbones.isEmpty()) {
            throw new IllegalArgumentException("Backbones: need at least one backbone");
        }
        this.backbones = List.copyOf(backbones);
        this.features = features;
        int window = 0;
        int size = 0;
        for (Backbone b : backbones) {
            window = Math.max(window, b.network().windowFrames());
            size += features.width(b.network());
        }
        this.windowFrames = window;
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

    /** Position of the backbone named {@code name} (e.g. {@code msd/crnn}), or -1. */
    public int indexOf(String name) {
        return names().indexOf(name);
    }

    public List<String> names() {
        return backbones.stream().map(Backbone::name).toList();
    }

    public Features featureKind() {
        return features;
    }

    /**
     * Frames per window: the longest network's (1813 = 29 s for crnn/fcn, 188 = 3 s for musicnn). A
     * network with a shorter window sees the window as consecutive windows of its own, averaged.
     */
    public int windowFrames() {
        return windowFrames;
    }

    /** Length of the feature vectors {@link #features} returns. */
    public int featureSize() {
        return featureSize;
    }

    /** Length of backbone {@code i}'s {@link #outputs}: its embedding followed by its tags. */
    public int outputSize(int i) {
        TaggerNetwork n = backbones.get(i).network();
        return n.embeddingSize() + n.tagCount();
    }

    /**
     * Column of backbone {@code i}'s tag {@code tag} in the head's feature vector ({@link #features}), or -1
     * when the features hold no tags ({@link Features#EMBEDDING}) or the network has no such tag.
     */
    public int tagColumn(int i, int tag) {
        TaggerNetwork n = backbones.get(i).network();
        if (features == Features.EMBEDDING || tag < 0 || tag >= n.tagCount()) {
            return -1;
        }
        int offset = 0;
        for (int b = 0; b < i; b++) {
            offset += features.width(backbones.get(b).network());
        }
        return offset + (features == Features.BOTH ? n.embeddingSize() : 0) + tag;
    }

    /**
     * How backbone {@code i}'s {@link #outputs} of a window are made, where that is more than the
     * network's forward pass over it: for a cache of outputs to know when it is stale.
     *
     * @return {@code ""}, or e.g. {@code "musicnn-tiles=frontend-once/stride96/17"}
     */
    public String outputConvention(int i) {
        TaggerNetwork net = backbones.get(i).network();
        if (net instanceof MusicnnTagger && windowFrames > net.windowFrames()) {
            return "musicnn-tiles=frontend-once/stride" + MusicnnTiles.STRIDE + "/" + MusicnnTiles.tiles(windowFrames);
        }
        return "";
    }

    /**
     * Backbone {@code i}'s embedding and tags for each window, as one vector (embedding first). A musicnn
     * in a longer window runs its front end over the window and its back end on 3 s tiles every 96
     * frames, averaged ({@link MusicnnTiles}: the tiling the stream computes). Another network whose own
     * window is shorter runs on consecutive windows of its length tiling the window (the last one
     * end-aligned), averaged.
     *
     * @param windows {@code [n][windowFrames()][96]} raw torchaudio-convention log-mel dB
     * @return {@code [n][outputSize(i)]}
     */
    public float[][] outputs(int i, float[][][] windows) {
        Nd4jThreads.prepare();
        TaggerNetwork net = backbones.get(i).network();
        int own = net.windowFrames();
        float[][] out = new float[windows.length][];
        if (net instanceof MusicnnTagger musicnn && windows[0].length > own) {
            for (int w = 0; w < windows.length; w++) {
                out[w] = joined(MusicnnTiles.window(musicnn, windows[w]));
            }
            return out;
        }
        if (windows[0].length == own) {
            TaggerOutput[] o = net.forward(windows);
            for (int w = 0; w < windows.length; w++) {
                out[w] = joined(o[w]);
            }
            return out;
        }
        for (int w = 0; w < windows.length; w++) {
            List<float[][]> parts = new ArrayList<>();
            float[][] window = windows[w];
            for (int start = 0; start < window.length; start += own) {
                int from = Math.min(start, window.length - own);
                parts.add(java.util.Arrays.copyOfRange(window, from, from + own));
            }
            TaggerOutput[] o = net.forward(parts.toArray(new float[0][][]));
            float[] mean = new float[outputSize(i)];
            for (TaggerOutput part : o) {
                float[] j = joined(part);
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += j[k] / o.length;
                }
            }
            out[w] = mean;
        }
        return out;
    }

    /** Embedding followed by tags. */
    public static float[] joined(TaggerOutput o) {
        float[] j = java.util.Arrays.copyOf(o.embedding(), o.embedding().length + o.tags().length);
        System.arraycopy(o.tags(), 0, j, o.embedding().length, o.tags().length);
        return j;
    }

    /**
     * The head's feature vectors of windows: each backbone's {@link #outputs}, its embedding (and tags
     * as {@link #featureKind()} says), backbone after backbone.
     *
     * @param windows {@code [n][windowFrames()][96]}
     * @return {@code [n][featureSize()]}
     */
    public float[][] features(float[][][] windows) {
        List<float[][]> perBackbone = new ArrayList<>();
        for (int i = 0; i < backbones.size(); i++) {
            perBackbone.add(outputs(i, windows));
        }
        float[][] out = new float[windows.length][];
        for (int w = 0; w < windows.length; w++) {
            List<float[]> one = new ArrayList<>();
            for (float[][] b : perBackbone) {
                one.add(b[w]);
            }
            out[w] = features(one);
        }
        return out;
    }

    /**
     * One window's head features from each backbone's {@link #outputs} row, in backbone order.
     *
     * @throws IllegalArgumentException on a wrong count or length
     */
    public float[] features(List<float[]> outputs) {
        if (outputs.size() != backbones.size()) {
            throw new IllegalArgumentException("Backbones.features: " + outputs.size() + " outputs for "
                    + backbones.size() + " backbones");
        }
        float[] f = new float[featureSize];
        int offset = 0;
        for (int i = 0; i < outputs.size(); i++) {
            float[] o = outputs.get(i);
            if (o.length != outputSize(i)) {
                throw new IllegalArgumentException("Backbones.features: backbone " + backbones.get(i).name() + " output has "
                        + o.length + " values, expected " + outputSize(i));
            }
            TaggerNetwork n = backbones.get(i).network();
            int width = features.width(n);
            // outputs are the embedding followed by the tags
            System.arraycopy(o, features == Features.TAGS ? n.embeddingSize() : 0, f, offset, width);
            offset += width;
        }
        return f;
    }
}
