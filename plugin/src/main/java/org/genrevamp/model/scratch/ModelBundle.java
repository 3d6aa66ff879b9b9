package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.AtomicFile;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.runtime.Nd4jThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrevamp.dsp.MelConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained genre classifier: the network plus everything needed to feed it and read it
 * ({@link BundleMetadata}). Stored as one zip file (see {@link BundleFormat}).
 *
 * <p>Use:
 * <ol>
 *   <li>the plugin: {@link #load(Path)} (or {@code GenreModels.loadBundled}) in {@code initialise()}
 *       (both run one forward pass, so the first {@link #predict} does not pay for graph building), then
 *       {@link #predict} with raw MelStream windows;</li>
 *   <li>the trainer: {@link Architectures#build} a network, fit it on {@link FeatureLayout#dataSet}
 *       batches, {@link #create} a bundle from it and its metadata, {@link #save(Path)} it;
 *       {@link #loadForTraining(Path)} + {@link #network()} to continue.</li>
 * </ol>
 * {@link #predict} is synchronised: one bundle serves one thread at a time.
 */
public final class ModelBundle implements GenreModel {

    /** Windows per forward pass in {@link #predict}: bounds memory, large enough to amortise per-call overhead. */
    static final int MAX_BATCH = 64;

    private final ComputationGraph network;
    private final BundleMetadata metadata;

    private ModelBundle(ComputationGraph network, BundleMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    /**
     * Wraps a trained network. Runs one forward pass on a window of the declared size to prove that
     * the network takes {@code windowFrames x melBands} windows and outputs one probability per label.
     *
     * @throws IllegalArgumentException when the network's inputs, window size or output width do not
     *                                  match the metadata
     */
    public static ModelBundle create(ComputationGraph network, BundleMetadata metadata) {
        if (network == null || metadata == null) {
            throw new IllegalArgumentException("ModelBundle.create: network and metadata must not be null");
        }
        List<String> expectedInputs = FeatureLayout.inputNames(metadata.architecture());
        List<String> inputs = network.getConfiguration().getNetworkInputs();
        if (!inputs.equals(expectedInputs)) {
            throw new IllegalArgumentException("network inputs " + inputs + " do not match architecture '"
                    + metadata.architecture().id() + "' (expects " + expectedInputs + ")");
        }
        List<String> outputs = network.getConfiguration().getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("network must have exactly one output, has " + outputs);
        }
        int minimum = Architectures.minimumFrames(metadata.architecture());
        if (metadata.windowFrames() < minimum) {
            throw new IllegalArgumentException("window frames mismatch: architecture '" + metadata.architecture().id()
                    + "' needs windows of at least " + minimum + " frames, the bundle declares " + metadata.windowFrames());
        }
        ModelBundle bundle = new ModelBundle(network, metadata);
        bundle.checkForwardPass();
        return bundle;
    }

    /** A dry run at the declared window size: catches band/frame mismatches and a wrong output width. */
    private void checkForwardPass() {
        int bands = metadata.melConfig().melBands();
        float[][][] probe = new float[1][metadata.windowFrames()][];
        Arrays.fill(probe[0], metadata.normaliser().mean());
        float[][] out;
        try {
            out = predict(probe);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("window frames mismatch: the network cannot take windows of "
                    + metadata.windowFrames() + " frames x " + bands + " mel bands: " + e.getMessage(), e);
        }
        if (out[0].length != metadata.labels().size()) {
            throw new IllegalArgumentException("bundle has " + metadata.labels().size() + " labels but the network outputs "
                    + out[0].length + " classes");
        }
    }

    /**
     * Loads a bundle for inference (no updater state).
     *
     * @throws BundleException naming the file and the reason: missing file, not a zip, missing entries,
     *                         unknown format version or architecture, a MelConfig the plugin cannot honour,
     *                         label count != network outputs, window size the network cannot take
     */
    public static ModelBundle load(Path file) throws BundleException {
        return BundleFormat.read(String.valueOf(file), readFile(file), false);
    }

    /** Like {@link #load(Path)}, also restoring the updater state so training can continue. */
    public static ModelBundle loadForTraining(Path file) throws BundleException {
        return BundleFormat.read(String.valueOf(file), readFile(file), true);
    }

    private static byte[] readFile(Path file) throws BundleException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new BundleException(BundleZip.prefix(String.valueOf(file)) + "file not found");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(String.valueOf(file)) + "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a bundle from bytes (used for classpath resources). */
    public static ModelBundle read(String source, byte[] bytes) throws BundleException {
        return BundleFormat.read(source, bytes, false);
    }

    /** Writes the bundle for inference (no updater state), atomically replacing {@code file}. */
    public void save(Path file) throws IOException {
        save(file, false);
    }

    /**
     * Writes the bundle, atomically replacing {@code file}.
     *
     * @param withUpdater also store the updater state (bigger file; lets training continue exactly)
     */
    public void save(Path file, boolean withUpdater) throws IOException {
        AtomicFile.write(file, out -> {
            Nd4jThreads.prepare();
            synchronized (this) {
                BundleFormat.write(this, withUpdater, out);
            }
        });
    }

    /**
     * Genre probabilities of each window.
     *
     * @param windows {@code [n][windowFrames][melBands]} raw MelStream log-mel frames in dB (no top_db),
     *                n >= 1, all finite; the bundle's normaliser is applied here
     * @return {@code [n][labels().size()]} softmax probabilities (each row sums to 1 within float rounding)
     * @throws IllegalArgumentException on windows of the wrong shape or with non-finite values
     */
    @Override
    public synchronized float[][] predict(float[][][] windows) {
        if (windows == null || windows.length == 0) {
            throw new IllegalArgumentException("ModelBundle.predict: need at least one window");
        }
        for (int i = 0; i < windows.length; i++) {
            if (windows[i] == null || windows[i].length != metadata.windowFrames()) {
                throw new IllegalArgumentException("ModelBundle.predict: window " + i + " has "
                        + (windows[i] == null ? "no" : windows[i].length) + " frames, the model takes "
                        + metadata.windowFrames());
            }
        }
        Nd4jThreads.prepare();
        float[][] result = new float[windows.length][];
        for (int start = 0; start < windows.length; start += MAX_BATCH) {
            float[][][] chunk = Arrays.copyOfRange(windows, start, Math.min(windows.length, start + MAX_BATCH));
            INDArray[] inputs = FeatureLayout.inputs(metadata.architecture(), chunk, metadata.normaliser());
            float[][] probabilities = network.output(false, inputs)[0].toFloatMatrix();
            System.arraycopy(probabilities, 0, result, start, probabilities.length);
        }
        return result;
    }

    /** The network, for training or continued training; not thread-safe while {@link #predict} runs. */
    public ComputationGraph network() {
        return network;
    }

    public BundleMetadata metadata() {
        return metadata;
    }

    /** The spectrogram config the model was trained with (topDb = +Inf: models see MelStream frames). */
    @Override
    public MelConfig melConfig() {
        return metadata.melConfig();
    }

    /** Class names in output order. */
    @Override
    public List<String> labels() {
        return metadata.labels();
    }

    /** Parent genre of each label that has one; empty for flat label sets. */
    public Map<String, String> hierarchy() {
        return metadata.hierarchy();
    }

    /** Frames per network input window. */
    @Override
    public int windowFrames() {
        return metadata.windowFrames();
    }

    /** Window length in seconds ({@code windowFrames} hops at the reference rate). */
    @Override
    public double windowSeconds() {
        return metadata.windowSeconds();
    }

    /** {@code "cnn"}, {@code "crnn"} or {@code "parallel"}. */
    @Override
    public String architecture() {
        return metadata.architecture().id();
    }

    public MelNormaliser normaliser() {
        return metadata.normaliser();
    }

    /** The model card: free-form JSON-compatible map (data, split, parameters, figures). */
    @Override
    public Map<String, Object> card() {
        return metadata.card();
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return network.numParams();
    }
}
