package org.genrevamp.vamp.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.vamp.OutputDescriptor;

/** A VampOutputDescriptor in native memory, with the strings it points to kept alive. */
final class NativeOutputDescriptor {

    private final VampStructs.OutputDescriptor struct = new VampStructs.OutputDescriptor();
    private final List<Memory> strings = new ArrayList<>();
    private final Memory binNames;

    NativeOutputDescriptor(OutputDescriptor d) {
        struct.identifier = keep(d.identifier());
        struct.name = keep(d.name());
        struct.description = keep(d.description());
        struct.unit = keep(d.unit());
        struct.hasFixedBinCount = d.hasFixedBinCount() ? 1 : 0;
        struct.binCount = d.binCount();
        List<Memory> names = new ArrayList<>();
        for (String name : d.binNames()) {
            names.add(keep(name));
        }
        binNames = names.isEmpty() ? null : NativeText.pointerArray(names);
        struct.binNames = binNames;
        struct.hasKnownExtents = d.hasKnownExtents() ? 1 : 0;
        struct.minValue = d.minValue();
        struct.maxValue = d.maxValue();
        struct.isQuantized = d.isQuantized() ? 1 : 0;
        struct.quantizeStep = d.quantizeStep();
        struct.sampleType = d.sampleType().ordinal();
        struct.sampleRate = d.sampleRate();
        struct.hasDuration = d.hasDuration() ? 1 : 0;
        struct.write();
    }

    Pointer pointer() {
        return struct.getPointer();
    }

    private Memory keep(String text) {
        Memory memory = NativeText.string(text);
        strings.add(memory);
        return memory;
    }
}
