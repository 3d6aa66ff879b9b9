package org.genrevamp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.scratch.Architectures;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.scratch.ModelBundle;
import org.genrevamp.model.scratch.TrainingOptions;

/**
 * Model bundles for tests that need a model but no trained one: an UNTRAINED CNN (seeded weights) with
 * the plugin's default spectrogram. Its predictions are arbitrary but deterministic: tests may check
 * shapes, coverage, labels and reproducibility, never which genre comes out.
 */
public final class TestBundles {

    public static final List<String> LABELS = List.of("blues", "classical", "jazz", "metal", "reggae");
    /** ~3 s at 22050 Hz / hop 512, like the trainer's windows. */
    public static final int WINDOW_FRAMES = 130;

    private static Path installed;

    private TestBundles() {
    }

    /**
     * Makes the untrained CNN the plugin's {@code custom} model for this JVM, as an installed plugin
     * would find it: a {@code model=} line in {@code genre-vamp.conf} in the directory named by the
     * {@code genrevamp.home} property (which the shim sets to the .so's directory). Once per JVM.
     *
     * @return the bundle file
     */
    public static synchronized Path installAsCustomModel() {
        if (installed == null) {
            try {
                Path home = Files.createTempDirectory("genre-vamp-home");
                installed = untrainedCnn(home);
                Files.writeString(home.resolve("genre-vamp.conf"), "# test plugin home\nmodel=untrained-cnn.zip\n");
                System.setProperty("genrevamp.home", home.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return installed;
    }

    /** The spectrogram config bundles hold: librosa defaults without top_db (models see MelStream frames). */
    public static MelConfig melConfig() {
        return MelConfig.defaults().withTopDb(Double.POSITIVE_INFINITY);
    }

    /** Writes an untrained seeded CNN bundle to {@code dir/untrained-cnn.zip} and returns its path. */
    public static Path untrainedCnn(Path dir) {
        MelConfig mel = melConfig();
        float[] mean = new float[mel.melBands()];
        float[] std = new float[mel.melBands()];
        Arrays.fill(mean, -45f);   // typical music level in dB, so inputs are O(1) after normalising
        Arrays.fill(std, 20f);
        BundleMetadata metadata = new BundleMetadata(Architecture.CNN, mel, LABELS, Map.of(), WINDOW_FRAMES,
                new MelNormaliser(mean, std), Map.of("data", "none: untrained test bundle"));
        ModelBundle bundle = ModelBundle.create(
                Architectures.build(Architecture.CNN, WINDOW_FRAMES, mel.melBands(), LABELS.size(), TrainingOptions.defaults()),
                metadata);
        Path file = dir.resolve("untrained-cnn.zip");
        try {
            Files.createDirectories(dir);
            bundle.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
