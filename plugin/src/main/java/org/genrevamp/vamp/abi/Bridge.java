package org.genrevamp.vamp.abi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.vamp.Diagnostics;
import org.genrevamp.vamp.PluginFactory;
import org.genrevamp.vamp.PluginLibrary;

/**
 * What the C shim calls, once per vampGetPluginDescriptor: builds (once) and returns the native
 * plugin descriptor. Descriptors are held here for the life of the process.
 */
public final class Bridge {

    /** Highest Vamp API version implemented (durations on features). */
    static final int VAMP_API_VERSION = 2;

    /** A descriptor's plugin and the API version its instances speak. */
    record Entry(PluginFactory factory, int vampApiVersion, NativePluginDescriptor descriptor) {
    }

    static {
        // In a JVM genre-vamp.so started (it sets genrevamp.home), stdout is the host's: results go
        // there. Java code that prints (libraries do) is sent to stderr instead.
        if (System.getProperty("genrevamp.home") != null) {
            System.setOut(System.err);
        }
    }

    private static final Map<Long, Entry> BY_ADDRESS = new HashMap<>();
    private static final Map<List<Integer>, Entry> BY_VERSION_AND_INDEX = new HashMap<>();

    private Bridge() {
    }

    /**
     * @param hostApiVersion highest Vamp API version the host supports
     * @param index          plugin index within this library
     * @return the address of a VampPluginDescriptor, or 0 when {@code index} is out of range or the
     *         descriptor cannot be built (reason on stderr)
     */
    public static synchronized long descriptor(int hostApiVersion, int index) {
        try {
            List<PluginFactory> plugins = PluginLibrary.plugins();
            if (hostApiVersion < 1 || index < 0 || index >= plugins.size()) {
                return 0;
            }
            int version = Math.min(hostApiVersion, VAMP_API_VERSION);
            Entry entry = BY_VERSION_AND_INDEX.get(List.of(version, index));
            if (entry == null) {
                PluginFactory factory = plugins.get(index);
                entry = new Entry(factory, version, new NativePluginDescriptor(factory.create(48000f), version));
                BY_VERSION_AND_INDEX.put(List.of(version, index), entry);
                BY_ADDRESS.put(entry.descriptor().address(), entry);
            }
            return entry.descriptor().address();
        } catch (Throwable t) {
            Diagnostics.warn("Bridge.descriptor", Diagnostics.describe(t));
            return 0;
        }
    }

    /** The entry whose descriptor lives at {@code address}. */
    static synchronized Entry entryAt(long address) {
        Entry entry = BY_ADDRESS.get(address);
        if (entry == null) {
            throw new IllegalArgumentException("no genre-vamp descriptor at 0x" + Long.toHexString(address));
        }
        return entry;
    }
}
