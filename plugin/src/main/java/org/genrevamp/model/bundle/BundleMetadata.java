package org.genrevamp.model.bundle;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrevamp.dsp.MelConfig;

/**
 * Everything a bundle holds besides the network: how features are computed and normalised, how long
 * a window is, what the outputs mean, and a free-form model card.
 *
 * @param architecture which family the network belongs to
 * @param melConfig    the spectrogram the network was trained on; {@code topDb} must be +Inf because
 *                     networks see MelStream frames, which have no top_db clipping
 * @param labels       class names in network output order (>= 2, unique, non-blank)
 * @param hierarchy    optional parent genre of each label (e.g. sub-genre -> top-level genre); keys
 *                     must be labels; empty when the labels are flat
 * @param windowFrames frames per network input window (>= 1)
 * @param normaliser   per-band standardisation fitted on the training split; melBands wide
 * @param card         model card: data, split, architecture, parameters, figures (JSON-compatible values)
 */
public record BundleMetadata(Architecture architecture, MelConfig melConfig, List<String> labels,
                             Map<String, String> hierarchy, int windowFrames, MelNormaliser normaliser,
                             Map<String, Object> card) {

    /**
     * @throws IllegalArgumentException with the reason when the metadata is inconsistent
     */
    public BundleMetadata {
        if (architecture == null || melConfig == null || labels == null || normaliser == null) {
            throw new IllegalArgumentException("architecture, melConfig, labels and normaliser must not be null");
        }
        hierarchy = hierarchy == null ? Map.of() : Map.copyOf(hierarchy);
        card = card == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(card));
        if (!Double.isInfinite(melConfig.topDb()) || melConfig.topDb() < 0) {
            throw new IllegalArgumentException("MelConfig has topDb=" + melConfig.topDb()
                    + " dB but the plugin feeds networks MelStream frames without top_db (topDb must be Infinity)");
        }
        labels = checkLabels(labels);
        Set<String> seen = Set.copyOf(labels);
        for (Map.Entry<String, String> e : hierarchy.entrySet()) {
            if (!seen.contains(e.getKey()) || e.getValue().isBlank()) {
                throw new IllegalArgumentException("hierarchy entry '" + e.getKey() + "' -> '" + e.getValue()
                        + "' must map a label to a non-blank parent");
            }
        }
        if (windowFrames < 1) {
            throw new IllegalArgumentException("windowFrames must be >= 1, got " + windowFrames);
        }
        if (normaliser.melBands() != melConfig.melBands()) {
            throw new IllegalArgumentException("normaliser has " + normaliser.melBands()
                    + " bands but the MelConfig has " + melConfig.melBands());
        }
    }

    /**
     * An unmodifiable copy of {@code labels} once they pass the rules: at least 2, unique, non-blank.
     *
     * @throws IllegalArgumentException naming the labels otherwise
     */
    public static List<String> checkLabels(List<String> labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        List<String> copy = List.copyOf(labels);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("need at least 2 labels, got " + copy);
        }
        Set<String> seen = new HashSet<>();
        for (String label : copy) {
            if (label.isBlank() || !seen.add(label)) {
                throw new IllegalArgumentException("labels must be unique and non-blank, got " + copy);
            }
        }
        return copy;
    }

    /** Window length in seconds: {@code windowFrames} hops of the reference rate. */
    public double windowSeconds() {
        return windowFrames * melConfig.hopSeconds();
    }

    /** A copy with another model card (e.g. after evaluation has added its figures). */
    public BundleMetadata withCard(Map<String, Object> newCard) {
        return new BundleMetadata(architecture, melConfig, labels, hierarchy, windowFrames, normaliser, newCard);
    }
}
