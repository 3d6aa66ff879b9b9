package org.genrevamp.vamp.abi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * JNA mirrors of the structures in vamp/vamp.h (API version 2), field for field. Pointers to
 * strings and arrays are plain {@link Pointer}s: the memory behind them is owned and kept alive
 * by the bridge. {@code AbiLayoutTest} compares every size and offset with the C compiler's.
 */
public final class VampStructs {

    private VampStructs() {
    }

    /** Reads a field offset, which JNA keeps protected. */
    interface Layout {
        int offsetOf(String field);
    }

    /** VampParameterDescriptor. */
    @FieldOrder({"identifier", "name", "description", "unit", "minValue", "maxValue", "defaultValue",
            "isQuantized", "quantizeStep", "valueNames"})
    public static class ParameterDescriptor extends Structure implements Layout {
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
    }

    /** VampOutputDescriptor. */
    @FieldOrder({"identifier", "name", "description", "unit", "hasFixedBinCount", "binCount", "binNames",
            "hasKnownExtents", "minValue", "maxValue", "isQuantized", "quantizeStep", "sampleType", "sampleRate",
            "hasDuration"})
    public static class OutputDescriptor extends Structure implements Layout {
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
    }

    /** VampFeature (the v1 member of VampFeatureUnion). */
    @FieldOrder({"hasTimestamp", "sec", "nsec", "valueCount", "values", "label"})
    public static class Feature extends Structure implements Layout {
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
    }

    /** VampFeatureV2 (the v2 member of VampFeatureUnion). */
    @FieldOrder({"hasDuration", "durationSec", "durationNsec"})
    public static class FeatureV2 extends Structure implements Layout {
        public int hasDuration;
        public int durationSec;
        public int durationNsec;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** VampFeatureUnion: v1 and v2 overlaid; as large as the larger member. */
    public static class FeatureUnion extends com.sun.jna.Union {
        public Feature v1;
        public FeatureV2 v2;
    }

    /** VampFeatureList. */
    @FieldOrder({"featureCount", "features"})
    public static class FeatureList extends Structure implements Layout {
        public int featureCount;
        public Pointer features;

        @Override
        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** VampPluginDescriptor: metadata plus the host's entry points into the bridge. */
    @FieldOrder({"vampApiVersion", "identifier", "name", "description", "maker", "pluginVersion", "copyright",
            "parameterCount", "parameters", "programCount", "programs", "inputDomain",
            "instantiate", "cleanup", "initialise", "reset", "getParameter", "setParameter",
            "getCurrentProgram", "selectProgram", "getPreferredStepSize", "getPreferredBlockSize",
            "getMinChannelCount", "getMaxChannelCount", "getOutputCount", "getOutputDescriptor",
            "releaseOutputDescriptor", "process", "getRemainingFeatures", "releaseFeatureSet"})
    public static class PluginDescriptor extends Structure implements Layout {
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
    }
}
