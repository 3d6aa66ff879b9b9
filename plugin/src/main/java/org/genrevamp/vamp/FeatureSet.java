package org.genrevamp.vamp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Features per output index (Vamp::Plugin::FeatureSet); mutable, not thread-safe. */
public final class FeatureSet {

    private final Map<Integer, List<Feature>> byOutput = new TreeMap<>();

    public FeatureSet add(int output, Feature feature) {
        byOutput.computeIfAbsent(output, k -> new ArrayList<>()).add(feature);
        return this;
    }

    /** The features of {@code output} in the order added; empty when there are none. */
    public List<Feature> get(int output) {
        return Collections.unmodifiableList(byOutput.getOrDefault(output, List.of()));
    }

    public boolean isEmpty() {
        return byOutput.values().stream().allMatch(List::isEmpty);
    }

    /** Output indices holding at least one feature, ascending. */
    public List<Integer> outputs() {
        return byOutput.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** A copy whose timestamps are moved by {@code offset} (features without a timestamp stay so). */
    public FeatureSet shiftedBy(RealTime offset) {
        FeatureSet shifted = new FeatureSet();
        byOutput.forEach((output, features) -> features.forEach(f -> shifted.add(output, f.timestamp() == null ? f
                : new Feature(f.timestamp().plus(offset), f.duration(), f.values(), f.label()))));
        return shifted;
    }

    @Override
    public String toString() {
        return byOutput.toString();
    }
}
