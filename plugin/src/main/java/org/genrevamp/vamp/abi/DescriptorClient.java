package org.genrevamp.vamp.abi;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a native VampPluginDescriptor the way a C host does: every call goes through the function
 * pointers in the descriptor (so through JNA's native trampolines), and results are read back from
 * native memory. Used to record the class-data-sharing archive at build time and by tests.
 */
public final class DescriptorClient {

    private static final VampStructs.PluginDescriptor LAYOUT = new VampStructs.PluginDescriptor();
    private static final VampStructs.OutputDescriptor OUTPUT = new VampStructs.OutputDescriptor();
    private static final VampStructs.FeatureList LIST = new VampStructs.FeatureList();
    private static final VampStructs.Feature FEATURE = new VampStructs.Feature();
    private static final int LIST_SIZE = LIST.size();
    private static final int UNION_SIZE = new VampStructs.FeatureUnion().size();

    private final Pointer descriptor;

    /** @param descriptorAddress address of a VampPluginDescriptor, non-zero */
    public DescriptorClient(long descriptorAddress) {
        if (descriptorAddress == 0) {
            throw new IllegalArgumentException("NULL plugin descriptor");
        }
        this.descriptor = new Pointer(descriptorAddress);
    }

    public int apiVersion() {
        return descriptor.getInt(LAYOUT.offsetOf("vampApiVersion"));
    }

    public String identifier() {
        return descriptor.getPointer(LAYOUT.offsetOf("identifier")).getString(0, "UTF-8");
    }

    /** @return the instance handle, or {@code null} when instantiation failed */
    public Pointer instantiate(float sampleRate) {
        return (Pointer) function("instantiate").invoke(Pointer.class, new Object[] {descriptor, sampleRate});
    }

    public void cleanup(Pointer handle) {
        function("cleanup").invoke(Void.class, new Object[] {handle});
    }

    public void reset(Pointer handle) {
        function("reset").invoke(Void.class, new Object[] {handle});
    }

    public boolean initialise(Pointer handle, int channels, int step, int block) {
        return function("initialise").invokeInt(new Object[] {handle, channels, step, block}) != 0;
    }

    /** Any of the {@code unsigned int f(handle)} entries, e.g. "getOutputCount". */
    public int unsignedOf(String entry, Pointer handle) {
        return function(entry).invokeInt(new Object[] {handle});
    }

    /** Output identifiers, read from getOutputDescriptor and released as a host does. */
    public List<String> outputIdentifiers(Pointer handle) {
        List<String> ids = new ArrayList<>();
        int count = unsignedOf("getOutputCount", handle);
        for (int i = 0; i < count; i++) {
            ids.add(outputIdentifier(handle, i));
        }
        return ids;
    }

    /** The identifier in the descriptor getOutputDescriptor returns for {@code index}. */
    public String outputIdentifier(Pointer handle, int index) {
        Pointer d = (Pointer) function("getOutputDescriptor").invoke(Pointer.class, new Object[] {handle, index});
        String id = d.getPointer(OUTPUT.offsetOf("identifier")).getString(0, "UTF-8");
        function("releaseOutputDescriptor").invoke(Void.class, new Object[] {d});
        return id;
    }

    /**
     * Processes one block given as {@code [channel][sample]}.
     *
     * @return the features of each output, {@code [output][feature][value]}
     */
    public float[][][] process(Pointer handle, float[][] block, int sec, int nsec) {
        Memory channels = new Memory((long) block.length * Native.POINTER_SIZE);
        List<Memory> keep = new ArrayList<>();
        for (int c = 0; c < block.length; c++) {
            Memory samples = new Memory(Math.max(1, block[c].length) * (long) Float.BYTES);
            samples.write(0, block[c], 0, block[c].length);
            keep.add(samples);
            channels.setPointer((long) c * Native.POINTER_SIZE, samples);
        }
        Pointer lists = (Pointer) function("process").invoke(Pointer.class, new Object[] {handle, channels, sec, nsec});
        float[][][] result = read(lists, unsignedOf("getOutputCount", handle));
        function("releaseFeatureSet").invoke(Void.class, new Object[] {lists});
        keep.clear();
        return result;
    }

    /** getRemainingFeatures, read as by {@link #process}. */
    public float[][][] remaining(Pointer handle) {
        Pointer lists = (Pointer) function("getRemainingFeatures").invoke(Pointer.class, new Object[] {handle});
        float[][][] result = read(lists, unsignedOf("getOutputCount", handle));
        function("releaseFeatureSet").invoke(Void.class, new Object[] {lists});
        return result;
    }

    /** The values of every feature in {@code outputs} VampFeatureLists. */
    private static float[][][] read(Pointer lists, int outputs) {
        float[][][] result = new float[outputs][][];
        for (int o = 0; o < outputs; o++) {
            int count = lists.getInt((long) o * LIST_SIZE + LIST.offsetOf("featureCount"));
            Pointer features = lists.getPointer((long) o * LIST_SIZE + LIST.offsetOf("features"));
            result[o] = new float[count][];
            for (int f = 0; f < count; f++) {
                long base = (long) f * UNION_SIZE;
                int n = features.getInt(base + FEATURE.offsetOf("valueCount"));
                Pointer values = features.getPointer(base + FEATURE.offsetOf("values"));
                result[o][f] = n == 0 ? new float[0] : values.getFloatArray(0, n);
            }
        }
        return result;
    }

    private Function function(String field) {
        return Function.getFunction(descriptor.getPointer(LAYOUT.offsetOf(field)));
    }
}
