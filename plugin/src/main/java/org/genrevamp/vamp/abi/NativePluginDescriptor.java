package org.genrevamp.vamp.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.vamp.InputDomain;
import org.genrevamp.vamp.ParameterDescriptor;
import org.genrevamp.vamp.Plugin;

/**
 * A VampPluginDescriptor in native memory, built from a prototype instance (as the SDK's
 * PluginAdapter does), with every string and array it points to kept alive. Instances of this
 * class are held for the life of the process.
 */
final class NativePluginDescriptor {

    private final VampStructs.PluginDescriptor struct = new VampStructs.PluginDescriptor();
    private final List<Object> keepAlive = new ArrayList<>();

    NativePluginDescriptor(Plugin prototype, int vampApiVersion) {
        HostCalls.load();
        struct.vampApiVersion = vampApiVersion;
        struct.identifier = keep(prototype.getIdentifier());
        struct.name = keep(prototype.getName());
        struct.description = keep(prototype.getDescription());
        struct.maker = keep(prototype.getMaker());
        struct.pluginVersion = prototype.getPluginVersion();
        struct.copyright = keep(prototype.getCopyright());
        List<Pointer> parameters = new ArrayList<>();
        for (ParameterDescriptor p : prototype.getParameterDescriptors()) {
            parameters.add(parameter(p));
        }
        struct.parameterCount = parameters.size();
        struct.parameters = parameters.isEmpty() ? null : keepArray(parameters);
        List<Pointer> programs = new ArrayList<>();
        for (String program : prototype.getPrograms()) {
            programs.add(keep(program));
        }
        struct.programCount = programs.size();
        struct.programs = programs.isEmpty() ? null : keepArray(programs);
        struct.inputDomain = prototype.getInputDomain() == InputDomain.FREQUENCY_DOMAIN ? 1 : 0;
        struct.instantiate = HostCalls.INSTANTIATE;
        struct.cleanup = HostCalls.CLEANUP;
        struct.initialise = HostCalls.INITIALISE;
        struct.reset = HostCalls.RESET;
        struct.getParameter = HostCalls.GET_PARAMETER;
        struct.setParameter = HostCalls.SET_PARAMETER;
        struct.getCurrentProgram = HostCalls.GET_CURRENT_PROGRAM;
        struct.selectProgram = HostCalls.SELECT_PROGRAM;
        struct.getPreferredStepSize = HostCalls.GET_PREFERRED_STEP_SIZE;
        struct.getPreferredBlockSize = HostCalls.GET_PREFERRED_BLOCK_SIZE;
        struct.getMinChannelCount = HostCalls.GET_MIN_CHANNEL_COUNT;
        struct.getMaxChannelCount = HostCalls.GET_MAX_CHANNEL_COUNT;
        struct.getOutputCount = HostCalls.GET_OUTPUT_COUNT;
        struct.getOutputDescriptor = HostCalls.GET_OUTPUT_DESCRIPTOR;
        struct.releaseOutputDescriptor = HostCalls.RELEASE_OUTPUT_DESCRIPTOR;
        struct.process = HostCalls.PROCESS;
        struct.getRemainingFeatures = HostCalls.GET_REMAINING_FEATURES;
        struct.releaseFeatureSet = HostCalls.RELEASE_FEATURE_SET;
        struct.write();
    }

    long address() {
        return Pointer.nativeValue(struct.getPointer());
    }

    private Pointer parameter(ParameterDescriptor p) {
        VampStructs.ParameterDescriptor s = new VampStructs.ParameterDescriptor();
        s.identifier = keep(p.identifier());
        s.name = keep(p.name());
        s.description = keep(p.description());
        s.unit = keep(p.unit());
        s.minValue = p.minValue();
        s.maxValue = p.maxValue();
        s.defaultValue = p.defaultValue();
        s.isQuantized = p.isQuantized() ? 1 : 0;
        s.quantizeStep = p.quantizeStep();
        List<Pointer> names = new ArrayList<>();
        for (String name : p.valueNames()) {
            names.add(keep(name));
        }
        s.valueNames = names.isEmpty() ? null : keepArray(names);
        s.write();
        keepAlive.add(s);
        return s.getPointer();
    }

    private Memory keep(String text) {
        Memory memory = NativeText.string(text);
        keepAlive.add(memory);
        return memory;
    }

    private Memory keepArray(List<Pointer> items) {
        Memory memory = NativeText.pointerArray(items);
        keepAlive.add(memory);
        return memory;
    }
}
