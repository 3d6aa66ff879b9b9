package org.genrevamp.vamp.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Pointer;
import org.genrevamp.vamp.Feature;
import org.genrevamp.vamp.FeatureSet;
import org.genrevamp.vamp.RealTime;
import org.junit.jupiter.api.Test;

/** The feature memory a host reads: layout of v1 and v2 unions, labels, reuse between calls. */
class FeatureListWriterTest {

    private static final VampStructs.FeatureList LIST = new VampStructs.FeatureList();
    private static final VampStructs.Feature V1 = new VampStructs.Feature();
    private static final VampStructs.FeatureV2 V2 = new VampStructs.FeatureV2();
    private static final int UNION = new VampStructs.FeatureUnion().size();

    @Test
    void writesTimestampsValuesLabelsAndDurations() {
        FeatureSet set = new FeatureSet()
                .add(1, new Feature(new RealTime(3, 500), new RealTime(1, 250_000_000), new float[] {1f, 2f}, "jazz"))
                .add(1, new Feature(null, null, new float[] {7f}, null));
        Pointer lists = new FeatureListWriter(2, 2).write(set);

        assertEquals(0, lists.getInt(LIST.offsetOf("featureCount")), "output 0 is empty");
        Pointer features = lists.getPointer(LIST.size() + LIST.offsetOf("features"));
        assertEquals(2, lists.getInt(LIST.size() + LIST.offsetOf("featureCount")));
        assertEquals(1, features.getInt(V1.offsetOf("hasTimestamp")));
        assertEquals(3, features.getInt(V1.offsetOf("sec")));
        assertEquals(500, features.getInt(V1.offsetOf("nsec")));
        assertEquals(2, features.getInt(V1.offsetOf("valueCount")));
        assertEquals(2f, features.getPointer(V1.offsetOf("values")).getFloat(4));
        assertEquals("jazz", features.getPointer(V1.offsetOf("label")).getString(0));
        assertEquals(0, features.getInt(UNION + V1.offsetOf("hasTimestamp")));
        assertEquals(null, features.getPointer(UNION + V1.offsetOf("label")));
        assertEquals(7f, features.getPointer(UNION + V1.offsetOf("values")).getFloat(0));
        // v2 unions follow all v1 unions of the list
        assertEquals(1, features.getInt(2L * UNION + V2.offsetOf("hasDuration")));
        assertEquals(1, features.getInt(2L * UNION + V2.offsetOf("durationSec")));
        assertEquals(250_000_000, features.getInt(2L * UNION + V2.offsetOf("durationNsec")));
        assertEquals(0, features.getInt(3L * UNION + V2.offsetOf("hasDuration")));
    }

    @Test
    void memoryIsReusedAndGrownBetweenCalls() {
        FeatureListWriter writer = new FeatureListWriter(1, 2);
        Pointer first = writer.write(new FeatureSet().add(0, Feature.of(1f)));
        FeatureSet big = new FeatureSet();
        for (int i = 0; i < 1000; i++) {
            big.add(0, Feature.of(new float[128]));
        }
        Pointer second = writer.write(big);
        assertEquals(first, second, "the list array itself never moves");
        assertEquals(1000, second.getInt(LIST.offsetOf("featureCount")));
        Pointer features = second.getPointer(LIST.offsetOf("features"));
        assertEquals(128, features.getInt(999L * UNION + V1.offsetOf("valueCount")));
        assertEquals(0, writer.write(new FeatureSet()).getInt(LIST.offsetOf("featureCount")));
    }

    @Test
    void apiVersionOneHasNoDurationUnions() {
        FeatureSet set = new FeatureSet().add(0, Feature.of(1f)).add(0, Feature.of(2f));
        Pointer features = new FeatureListWriter(1, 1).write(set).getPointer(LIST.offsetOf("features"));
        assertEquals(2f, features.getPointer(UNION + V1.offsetOf("values")).getFloat(0));
    }

    @Test
    void refusesFeaturesForOutputsThatDoNotExist() {
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureListWriter(1, 2).write(new FeatureSet().add(1, Feature.of(1f))));
    }
}
