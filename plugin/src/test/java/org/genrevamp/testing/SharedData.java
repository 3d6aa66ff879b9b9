package org.genrevamp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real audio of {@code ../shared/data} lives. Tests that need it call {@link #require()}
 * so that they are reported as skipped, not failed, on a machine without it.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Repository root: the surefire property {@code genrevamp.root}, else the working directory's parent chain. */
    public static Path repositoryRoot() {
        String root = System.getProperty("genrevamp.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("plugin")) && Files.isDirectory(p.resolve("native"))) {
                return p;
            }
        }
        return start.toAbsolutePath();
    }

    /** {@code ../shared/data} beside the repository (may not exist). */
    public static Path dataDir() {
        return repositoryRoot().resolve("../shared/data").normalize();
    }

    /** The data directory, or a skipped test when it is absent. */
    public static Path require() {
        Path dir = dataDir();
        assumeTrue(Files.isDirectory(dir.resolve("gtzan-excerpts")), "shared data absent at " + dir + ": skipped");
        return dir;
    }

    /** A file under the data directory, or a skipped test when it is absent. */
    public static Path require(String relative) {
        Path file = require().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data file absent: " + file + ": skipped");
        return file;
    }
}
