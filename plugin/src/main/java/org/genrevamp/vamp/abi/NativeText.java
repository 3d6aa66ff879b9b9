package org.genrevamp.vamp.abi;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * C strings and pointer arrays in JNA memory. The caller keeps the returned {@link Memory}
 * referenced for as long as C may read it: JNA frees unreachable memory.
 */
final class NativeText {

    private NativeText() {
    }

    /** {@code text} as a NUL-terminated UTF-8 string ({@code null} reads as ""). */
    static Memory string(String text) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }

    /** A {@code const char **} over {@code strings} (already allocated), NULL-terminated. */
    static Memory pointerArray(List<? extends Pointer> items) {
        Memory memory = new Memory((items.size() + 1L) * Native.POINTER_SIZE);
        for (int i = 0; i < items.size(); i++) {
            memory.setPointer((long) i * Native.POINTER_SIZE, items.get(i));
        }
        memory.setPointer((long) items.size() * Native.POINTER_SIZE, null);
        return memory;
    }

    /** Writes a native address without allocating a {@link Pointer}. */
    static void putAddress(Pointer target, long offset, long address) {
        if (Native.POINTER_SIZE == 8) {
            target.setLong(offset, address);
        } else {
            target.setInt(offset, (int) address);
        }
    }
}
