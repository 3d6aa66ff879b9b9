package org.genrevamp.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrevamp.testing.SharedData;

/**
 * Where host runs leave their files for a person to read: {@code target/host-artifacts/<name>/} at the
 * repository root (kept after the test, overwritten by the next run of the same test).
 */
public final class HostArtifacts {
    private HostArtifacts() {
    }

    public static Path dir(String name) throws IOException {
        return Files.createDirectories(SharedData.repositoryRoot().resolve("target").resolve("host-artifacts").resolve(name));
    }
}
