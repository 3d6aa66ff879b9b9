package org.genrevamp.vamp.abi;

import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.vamp.FeatureSet;
import org.genrevamp.vamp.InputDomain;
import org.genrevamp.vamp.OutputDescriptor;
import org.genrevamp.vamp.Plugin;
import org.genrevamp.vamp.RealTime;

/** One plugin instance as the host sees it: the plugin plus its native-side memory. */
final class Instance {

    final Plugin plugin;
    private final int vampApiVersion;
    private final Map<Integer, NativeOutputDescriptor> outputDescriptors = new HashMap<>();
    private InputReader input;
    private FeatureListWriter writer;
    private int outputCount = -1;
    /** Set when a call threw: the instance then answers with empty results and stays quiet. */
    volatile boolean failed;

    Instance(Plugin plugin, int vampApiVersion) {
        this.plugin = plugin;
        this.vampApiVersion = vampApiVersion;
    }

    int outputCount() {
        if (outputCount < 0) {
            outputCount = plugin.getOutputDescriptors().size();
        }
        return outputCount;
    }

    /** The output count if it was ever computed, else 0: what a failed instance still reports. */
    int knownOutputCount() {
        return Math.max(0, outputCount);
    }

    /** The descriptor of output {@code index}, valid until the next call for the same index. */
    Pointer outputDescriptor(int index) {
        List<OutputDescriptor> all = plugin.getOutputDescriptors();
        if (index < 0 || index >= outputCount()) {
            throw new IndexOutOfBoundsException("output " + index + " of " + outputCount());
        }
        NativeOutputDescriptor d = new NativeOutputDescriptor(all.get(index));
        outputDescriptors.put(index, d);
        return d.pointer();
    }

    boolean initialise(int channels, int stepSize, int blockSize) {
        if (!plugin.initialise(channels, stepSize, blockSize)) {
            return false;
        }
        int floats = plugin.getInputDomain() == InputDomain.FREQUENCY_DOMAIN ? blockSize + 2 : blockSize;
        input = new InputReader(channels, floats);
        outputCount = plugin.getOutputDescriptors().size();
        writer = new FeatureListWriter(outputCount, vampApiVersion);
        return true;
    }

    Pointer process(Pointer inputBuffers, int sec, int nsec) {
        requireInitialised();
        return writer.write(plugin.process(input.read(inputBuffers), new RealTime(sec, nsec)));
    }

    Pointer remaining() {
        requireInitialised();
        FeatureSet features = plugin.getRemainingFeatures();
        return writer.write(features);
    }

    private void requireInitialised() {
        if (writer == null) {
            throw new IllegalStateException("process called before a successful initialise");
        }
    }
}
