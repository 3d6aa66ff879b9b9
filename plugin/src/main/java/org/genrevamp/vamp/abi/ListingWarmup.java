package org.genrevamp.vamp.abi;

import com.sun.jna.Pointer;
import org.genrevamp.vamp.PluginLibrary;

/**
 * Walks what a host does when it lists and then runs the plugins (descriptor, instantiate, output
 * descriptors, a few blocks of silence), through the native entry points. Run at build time with
 * {@code -XX:ArchiveClassesAtExit} to record the class-data-sharing archive that makes start-up fast.
 * Prints nothing on success; exits 1 with a message on stderr otherwise.
 */
public final class ListingWarmup {

    private ListingWarmup() {
    }

    public static void main(String[] args) {
        for (int index = 0; index < PluginLibrary.plugins().size(); index++) {
            DescriptorClient client = new DescriptorClient(Bridge.descriptor(2, index));
            Pointer handle = client.instantiate(44100f);
            if (handle == null) {
                System.err.println("genre-vamp: ListingWarmup.main: instantiate failed for plugin " + index);
                System.exit(1);
            }
            client.outputIdentifiers(handle);
            int block = Math.max(1, client.unsignedOf("getPreferredBlockSize", handle));
            if (client.initialise(handle, 1, block, block)) {
                for (int i = 0; i < 4; i++) {
                    client.process(handle, new float[1][block], 0, 0);
                }
                client.remaining(handle);
            }
            client.cleanup(handle);
        }
    }
}
