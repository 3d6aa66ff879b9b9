package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.ZipFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broken transfer bundle handed to a real host (vamp-simple-host, GENRE_VAMP_MODEL): initialise fails
 * with one {@code genre-vamp:} line naming the file and the reason, no feature comes out, and the host
 * exits normally instead of crashing.
 */
class BrokenBundleHostTest {

    /** A shipped transfer bundle (one holding transfer.json), as the start for broken copies. */
    private static Path shippedTransferBundle() throws IOException {
        Path dir = SharedData.repositoryRoot().resolve("plugin/src/main/resources/models");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path zip : files.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                if (ZipFiles.entries(zip).containsKey("transfer.json")) {
                    return zip;
                }
            }
        }
        assumeTrue(false, "no transfer bundle shipped: skipped");
        return null;
    }



    /** Writes the broken bundle; returns the words its message must contain (any one of them). */
    private static List<String> make(String kind, Path file) throws IOException {
        Path good = shippedTransferBundle();
        Map<String, byte[]> entries = ZipFiles.entries(good);
        String backbone = entries.keySet().stream().filter(n -> n.startsWith("backbones/")).findFirst().orElseThrow();
        switch (kind) {
            case "truncated" -> {
                byte[] bytes = Files.readAllBytes(good);
                Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
                // cut inside a compressed entry, or (rarely) between entries, which leaves one missing
                return List.of("truncated", "does not hold");
            }
            case "foreign" -> {
                Files.write(file, ZipFiles.zip(Map.of("readme.txt", "not a model".getBytes())));
                return List.of("not a genre-vamp bundle");
            }
            case "hostile-checkpoint" -> {
                entries.put(backbone, resource("crafted_global.pth"));
                Files.write(file, ZipFiles.zip(entries));
                return List.of("refused global os.system");
            }
            case "missing-tensors" -> {
                entries.put(backbone, resource("crafted_view.pth"));   // a valid state dict of one small tensor
                Files.write(file, ZipFiles.zip(entries));
                return List.of("not a known tagger state dict");
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BrokenBundleHostTest.class.getResourceAsStream("/org/genrevamp/model/tagger/checkpoint/" + name)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(SharedData.repositoryRoot()
                .resolve("plugin/src/test/resources/org/genrevamp/model/tagger/checkpoint/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "foreign", "hostile-checkpoint", "missing-tensors"})
    void initialiseFailsWithOneLineAndTheHostCarriesOn(String kind) throws Exception {
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require("gtzan-excerpts/short/jazz/jazz.00001.wav");
        Path dir = HostArtifacts.dir("broken-bundle-" + kind);
        Path bundle = dir.resolve(kind + ".zip");
        List<String> words = make(kind, bundle);
        VampSimpleHost.Result run = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString())
                .with("GENRE_VAMP_MODEL", bundle.toString())
                .run(audio, GenreSegmentsHostTest.SEGMENTS, 1, GenreSegmentsHostTest.HOST_TIMEOUT);
        assertTrue(run.features().isEmpty(), run::diagnosis);
        assertTrue(run.process().exitCode() < 128, "the host exits normally, not by a signal: " + run.diagnosis());
        List<String> lines = run.process().stderrText().lines().filter(l -> l.startsWith("genre-vamp:")).toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("GenrePlugin.loadModel")).count(), run::diagnosis);
        String line = lines.stream().filter(l -> l.contains("GenrePlugin.loadModel")).findFirst().orElseThrow();
        assertTrue(line.contains(bundle.getFileName().toString()), line);
        assertTrue(words.stream().anyMatch(line::contains), words + " in: " + line);
    }
}
