package org.genrevamp.vamp.abi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.List;

/**
 * JNA mirrors of the structures in vamp/vamp.h (API version 2), field for field. Pointers to
 * strings and arrays are plain {@link Pointer}s: the memory behind them is owned and kept alive
 * by the bridge. {@code AbiLayoutTest} compares every size and offset with the C compiler's.
 * Field order is given by {@code getFieldOrder()} rather than {@code @FieldOrder}: reading an
 * annotation spins a dynamic proxy class, which costs start-up time inside the host.
 */
public final class VampStructs {

    private VampStructs() {
    }

    /** Field names and offsets, which JNA keeps protected. */
    interface Layout {
        int offsetOf(String field);

        List<String> fieldNames();
    }

    /** VampParameterDescriptor. */
    public static class ParameterDescriptor extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("identifier", "name", "description", "unit",
                "minValue", "maxValue", "defaultValue", "isQuantized", "quantizeStep", "valueNames");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public Pointer identifier;
        public Pointer name;
        public Pointer description;
        public Pointer unit;
        public float minValue;
        public float maxValue;
        public float defaultValue;
        public int isQuantized;
        public float quantizeStep;
        public Pointer valueNames;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }

    /** VampOutputDescriptor. */
    public static class OutputDescriptor extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("identifier", "name", "description", "unit",
                "hasFixedBinCount", "binCount", "binNames", "hasKnownExtents", "minValue", "maxValue",
                "isQuantized", "quantizeStep", "sampleType", "sampleRate", "hasDuration");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public Pointer identifier;
        public Pointer name;
        public Pointer description;
        public Pointer unit;
        public int hasFixedBinCount;
        public int binCount;
        public Pointer binNames;
        public int hasKnownExtents;
        public float minValue;
        public float maxValue;
        public int isQuantized;
        public float quantizeStep;
        public int sampleType;
        public float sampleRate;
        public int hasDuration;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }

    /** VampFeature (the v1 member of VampFeatureUnion). */
    public static class Feature extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("hasTimestamp", "sec", "nsec", "valueCount",
                "values", "label");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public int hasTimestamp;
        public int sec;
        public int nsec;
        public int valueCount;
        public Pointer values;
        public Pointer label;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }

    /** VampFeatureV2 (the v2 member of VampFeatureUnion). */
    public static class FeatureV2 extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("hasDuration", "durationSec", "durationNsec");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public int hasDuration;
        public int durationSec;
        public int durationNsec;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }

    /** VampFeatureUnion: v1 and v2 overlaid; as large as the larger member. */
    public static class FeatureUnion extends com.sun.jna.Union {
        private static final List<String> FIELDS = List.of("v1", "v2");
        public Feature v1;
        public FeatureV2 v2;

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }
    }

    /** VampFeatureList. */
    public static class FeatureList extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("featureCount", "features");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public int featureCount;
        public Pointer features;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }

    /** VampPluginDescriptor: metadata plus the host's entry points into the bridge. */
    public static class PluginDescriptor extends Structure implements Layout {
        private static final List<String> FIELDS = List.of("vampApiVersion", "identifier", "name",
                "description", "maker", "pluginVersion", "copyright", "parameterCount", "parameters",
                "programCount", "programs", "inputDomain", "instantiate", "cleanup", "initialise", "reset",
                "getParameter", "setParameter", "getCurrentProgram", "selectProgram", "getPreferredStepSize",
                "getPreferredBlockSize", "getMinChannelCount", "getMaxChannelCount", "getOutputCount",
                "getOutputDescriptor", "releaseOutputDescriptor", "process", "getRemainingFeatures",
                "releaseFeatureSet");

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        public int vampApiVersion;
        public Pointer identifier;
        public Pointer name;
        public Pointer description;
        public Pointer maker;
        public int pluginVersion;
        public Pointer copyright;
        public int parameterCount;
        public Pointer parameters;
        public int programCount;
        public Pointer programs;
        public int inputDomain;
        public VampCallbacks.Instantiate instantiate;
        public VampCallbacks.OfHandle cleanup;
        public VampCallbacks.Initialise initialise;
        public VampCallbacks.OfHandle reset;
        public VampCallbacks.GetParameter getParameter;
        public VampCallbacks.SetParameter setParameter;
        public VampCallbacks.UnsignedOfHandle getCurrentProgram;
        public VampCallbacks.SelectProgram selectProgram;
        public VampCallbacks.UnsignedOfHandle getPreferredStepSize;
        public VampCallbacks.UnsignedOfHandle getPreferredBlockSize;
        public VampCallbacks.UnsignedOfHandle getMinChannelCount;
        public VampCallbacks.UnsignedOfHandle getMaxChannelCount;
        public VampCallbacks.UnsignedOfHandle getOutputCount;
        public VampCallbacks.GetOutputDescriptor getOutputDescriptor;
        public VampCallbacks.Release releaseOutputDescriptor;
        public VampCallbacks.Process process;
        public VampCallbacks.GetRemainingFeatures getRemainingFeatures;
        public VampCallbacks.Release releaseFeatureSet;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }
    }
}
