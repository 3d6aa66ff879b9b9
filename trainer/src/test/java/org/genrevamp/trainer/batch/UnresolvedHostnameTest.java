package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.GenreTrainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genre-trainer annotate} on a machine whose hostname does not resolve (containers, cloud
 * images): a child JVM whose name service is a hosts file listing only {@code localhost}
 * ({@code -Djdk.net.hosts.file}), so {@code InetAddress.getLocalHost()} throws there as it does on
 * such a machine. A local master must annotate; a cluster master must stop with one
 * {@code genre-trainer: error:} line that says what to set.
 */
class UnresolvedHostnameTest {

    @TempDir
    Path dir;

    private Path hosts;

    @BeforeEach
    void hostsFileWithoutThisMachine() throws IOException {
        assumeFalse(hostnameIsLocalhost(), "hostname is localhost: nothing to test");
        hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    }

    /** Whether this machine is named localhost (then a hosts file of localhost resolves it); false where it does not resolve. */
    private static boolean hostnameIsLocalhost() {
        try {
            return InetAddress.getLocalHost().getHostName().equals("localhost");
        } catch (UnknownHostException e) {
            return false;   // this JVM already runs as on such a machine (-Dtest.jvmArgs=-Djdk.net.hosts.file=...)
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void localMasterAnnotates() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(SharedData.require("gtzan-excerpts/short/country/country.00001.wav"), input.resolve("country.00001.wav"));
        Path out = dir.resolve("out");

        Run run = trainer("annotate", "--master", "local[1]", "--input", input.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run::describe);
        assertTrue(run.stdout().contains("annotated 1, failed 0"), run::describe);
        assertFalse(run.stderr().contains("Exception"), run::describe);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void clusterMasterSaysWhatToSet() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(SharedData.require("gtzan-excerpts/short/country/country.00001.wav"), input.resolve("country.00001.wav"));
        String master = "spark://127.0.0.1:" + freePort();

        Run run = trainer("annotate", "--master", master, "--input", input.toString(), "--out", dir.resolve("out").toString());

        assertEquals(1, run.exit(), run::describe);
        List<String> errors = run.stderr().lines().filter(l -> !l.startsWith("genre-trainer: annotate:")).toList();
        assertEquals(1, errors.size(), run::describe);
        assertTrue(errors.get(0).startsWith("genre-trainer: error: this machine's hostname '"), run::describe);
        assertTrue(errors.get(0).contains("SPARK_LOCAL_IP") && errors.get(0).contains("/etc/hosts"), run::describe);
    }

    private record Run(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /** genre-trainer in a child JVM with this test's class path and module options, and the hosts file. */
    private Run trainer(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList());
        command.add("-Djdk.net.hosts.file=" + hosts);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GenreTrainer.class.getName());
        command.addAll(List.of(args));
        Path stdout = dir.resolve("trainer.stdout");
        Path stderr = dir.resolve("trainer.stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().remove("SPARK_LOCAL_IP");        // Spark would use these instead of the hostname
        pb.environment().remove("SPARK_LOCAL_HOSTNAME");
        Process p = pb.start();
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
