package org.genrevamp.vamp.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.genrevamp.vamp.Feature;
import org.genrevamp.vamp.FeatureSet;
import org.genrevamp.vamp.RealTime;

/**
 * Writes a {@link FeatureSet} as the {@code VampFeatureList[outputCount]} a host reads. The memory
 * belongs to one plugin instance and is reused: what one call returns stays valid until the
 * next call on that instance (the host's releaseFeatureSet has nothing to free), as in the SDK's
 * PluginAdapter. For API version 2 each list holds featureCount v1 unions followed by
 * featureCount v2 unions (durations).
 */
final class FeatureListWriter {

    private static final VampStructs.FeatureList LIST = new VampStructs.FeatureList();
    private static final VampStructs.Feature FEATURE = new VampStructs.Feature();
    private static final VampStructs.FeatureV2 FEATURE_V2 = new VampStructs.FeatureV2();
    private static final int LIST_SIZE = LIST.size();
    private static final int UNION_SIZE = new VampStructs.FeatureUnion().size();
    private static final int LIST_COUNT = LIST.offsetOf("featureCount");
    private static final int LIST_FEATURES = LIST.offsetOf("features");
    private static final int HAS_TIMESTAMP = FEATURE.offsetOf("hasTimestamp");
    private static final int SEC = FEATURE.offsetOf("sec");
    private static final int NSEC = FEATURE.offsetOf("nsec");
    private static final int VALUE_COUNT = FEATURE.offsetOf("valueCount");
    private static final int VALUES = FEATURE.offsetOf("values");
    private static final int LABEL = FEATURE.offsetOf("label");
    private static final int HAS_DURATION = FEATURE_V2.offsetOf("hasDuration");
    private static final int DURATION_SEC = FEATURE_V2.offsetOf("durationSec");
    private static final int DURATION_NSEC = FEATURE_V2.offsetOf("durationNsec");

    /** Enough empty lists for any host: what a failed instance returns. */
    static final Memory EMPTY = emptyLists(256);

    private final int outputCount;
    private final boolean withDurations;
    private final Memory lists;
    private Memory features;
    private Memory values;
    private Memory labels;

    /**
     * @param outputCount    number of outputs (entries of the returned array), at least 1
     * @param vampApiVersion 1 or 2; version 2 adds the duration unions
     */
    FeatureListWriter(int outputCount, int vampApiVersion) {
        this.outputCount = outputCount;
        this.withDurations = vampApiVersion >= 2;
        this.lists = new Memory((long) Math.max(1, outputCount) * LIST_SIZE);
    }

    /**
     * @return the address of the first VampFeatureList
     * @throws IllegalArgumentException when the set names an output outside [0, outputCount)
     */
    Pointer write(FeatureSet set) {
        long featureCount = 0;
        long valueCount = 0;
        long labelBytes = 0;
        for (int output : set.outputs()) {
            if (output < 0 || output >= outputCount) {
                throw new IllegalArgumentException("feature for output " + output + " of " + outputCount);
            }
            for (Feature f : set.get(output)) {
                featureCount++;
                valueCount += f.values().length;
                labelBytes += f.label() == null ? 0 : f.label().getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        features = grown(features, featureCount * UNION_SIZE * (withDurations ? 2 : 1));
        values = grown(values, valueCount * Float.BYTES);
        labels = grown(labels, labelBytes);
        long featureAt = 0;
        long valueAt = 0;
        long labelAt = 0;
        for (int output = 0; output < outputCount; output++) {
            List<Feature> list = set.get(output);
            long listBase = (long) output * LIST_SIZE;
            lists.setInt(listBase + LIST_COUNT, list.size());
            NativeText.putAddress(lists, listBase + LIST_FEATURES, list.isEmpty() ? 0 : address(features) + featureAt);
            for (int i = 0; i < list.size(); i++) {
                Feature f = list.get(i);
                long base = featureAt + (long) i * UNION_SIZE;
                RealTime t = f.timestamp();
                features.setInt(base + HAS_TIMESTAMP, t == null ? 0 : 1);
                features.setInt(base + SEC, t == null ? 0 : t.sec());
                features.setInt(base + NSEC, t == null ? 0 : t.nsec());
                features.setInt(base + VALUE_COUNT, f.values().length);
                NativeText.putAddress(features, base + VALUES, f.values().length == 0 ? 0 : address(values) + valueAt);
                values.write(valueAt, f.values(), 0, f.values().length);
                valueAt += (long) f.values().length * Float.BYTES;
                if (f.label() == null) {
                    NativeText.putAddress(features, base + LABEL, 0);
                } else {
                    byte[] bytes = f.label().getBytes(StandardCharsets.UTF_8);
                    labels.write(labelAt, bytes, 0, bytes.length);
                    labels.setByte(labelAt + bytes.length, (byte) 0);
                    NativeText.putAddress(features, base + LABEL, address(labels) + labelAt);
                    labelAt += bytes.length + 1;
                }
                if (withDurations) {
                    long v2 = featureAt + (long) (list.size() + i) * UNION_SIZE;
                    RealTime d = f.duration();
                    features.setInt(v2 + HAS_DURATION, d == null ? 0 : 1);
                    features.setInt(v2 + DURATION_SEC, d == null ? 0 : d.sec());
                    features.setInt(v2 + DURATION_NSEC, d == null ? 0 : d.nsec());
                }
            }
            featureAt += (long) list.size() * UNION_SIZE * (withDurations ? 2 : 1);
        }
        return lists;
    }

    /** {@code current} if it holds {@code bytes}, else a new block of at least twice its size. */
    private static Memory grown(Memory current, long bytes) {
        if (bytes == 0 || (current != null && current.size() >= bytes)) {
            return current;
        }
        return new Memory(Math.max(bytes, current == null ? 256 : current.size() * 2));
    }

    private static long address(Pointer p) {
        return Pointer.nativeValue(p);
    }

    private static Memory emptyLists(int count) {
        Memory memory = new Memory((long) count * LIST_SIZE);
        memory.clear();
        return memory;
    }
}
