package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.genrevamp.testing.SharedData;

/**
 * The assembled plugin directory ({@code <root>/target/vamp}: genre-vamp.so, .cat, .n3, genre-vamp/ jars)
 * that host tests point VAMP_PATH at.
 */
public final class GenreVampBuild {
    private GenreVampBuild() {
    }

    /**
     * The plugin directory. Under Maven (surefire sets {@code genrevamp.vampDir}) the build has just
     * assembled it, so its absence is a failure; run elsewhere (an IDE) without it, the test is skipped.
     */
    public static Path requireVampDir() {
        String property = System.getProperty("genrevamp.vampDir");
        Path dir = property != null ? Path.of(property) : SharedData.repositoryRoot().resolve("target/vamp");
        boolean present = Files.isRegularFile(dir.resolve("genre-vamp.so"));
        if (property != null) {
            assertTrue(present, "the build should have assembled " + dir.resolve("genre-vamp.so"));
        } else {
            assumeTrue(present, "no assembled plugin at " + dir + " (run mvn verify): skipped");
        }
        return dir.toAbsolutePath();
    }
}
